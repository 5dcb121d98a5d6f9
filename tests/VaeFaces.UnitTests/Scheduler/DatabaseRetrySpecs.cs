using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.UnitTests.Scheduler;

/// <summary>How the job-event consumer waits out a database outage, and which statuses the store treats as final.</summary>
public class DatabaseRetrySpecs
{
    [Fact]
    public void The_retries_cover_the_whole_outage_and_a_recovered_database_is_tried_again_within_the_longest_pause()
    {
        var intervals = DatabaseRetry.Intervals(TimeSpan.FromMinutes(5));

        Assert.True(intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + i) >= TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromMilliseconds(200), intervals[0]);
        Assert.All(intervals, i => Assert.InRange(i, TimeSpan.FromMilliseconds(200), DatabaseRetry.MaxInterval));
        Assert.True(intervals.Zip(intervals.Skip(1)).All(p => p.Second >= p.First), "the pauses never shrink");
    }

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, true)]
    [InlineData(PostgresErrorCodes.SyntaxError, false)]
    [InlineData(PostgresErrorCodes.UndefinedTable, false)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    public void A_server_going_away_is_an_outage_and_a_sql_error_is_not(string sqlState, bool outage) =>
        Assert.Equal(outage, DatabaseRetry.IsOutage(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void A_lost_connection_is_an_outage_and_a_bug_is_not()
    {
        Assert.True(DatabaseRetry.IsOutage(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))));
        Assert.False(DatabaseRetry.IsOutage(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_final_statuses_in_the_stores_sql_are_those_IsFinal_names()
    {
        var named = JobStore.FinalList.Split(", ").Select(s => Enum.Parse<JobStatus>(s.Trim('\''))).ToHashSet();
        Assert.Equal(Enum.GetValues<JobStatus>().Where(s => s.IsFinal()).ToHashSet(), named);
        Assert.DoesNotContain(JobStatus.Running, named);
    }
}
