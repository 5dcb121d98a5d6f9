using Npgsql;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>Waiting out a PostgreSQL outage: which errors are one, and how often to try again.</summary>
public static class DatabaseRetry
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest pause between tries: once the database is back, an event waits at most this long.</summary>
    public static TimeSpan MaxInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The server unreachable or a connection lost (Npgsql's own judgement, IsTransient), or the server shutting down or
    /// starting up (57P01-57P03) or a connection error (class 08); a SQL error (a bug) is not one.
    /// </summary>
    public static bool IsOutage(Exception error) => error switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>Pauses doubling from 200 ms up to MaxInterval, adding up to at least the given total.</summary>
    public static TimeSpan[] Intervals(TimeSpan total)
    {
        var intervals = new List<TimeSpan>();
        var next = First;
        for (var sum = TimeSpan.Zero; sum < total; sum += next, next = Min(next * 2, MaxInterval)) intervals.Add(next);
        return [.. intervals];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
