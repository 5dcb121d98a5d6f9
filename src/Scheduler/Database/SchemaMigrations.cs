using Dapper;
using DbUp;
using DbUp.Postgresql;
using Npgsql;

namespace VaeFaces.Scheduler.Database;

/// <summary>
/// The job-state schema: the scripts in Database/Scripts, embedded, each run once in name order by DbUp and recorded
/// in its schemaversions table, all in one transaction. DbUp takes no lock, so an advisory lock (the key the
/// hand-written migrations took) keeps two Schedulers starting together from migrating at once.
/// </summary>
public static class SchemaMigrations
{
    private const long LockKey = 7464616365;

    public static async Task MigrateAsync(NpgsqlDataSource database, ILogger logger, CancellationToken cancellationToken)
    {
        await using var lockHolder = await database.OpenConnectionAsync(cancellationToken);
        await lockHolder.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            var result = DeployChanges.To.PostgresqlDatabase(new PostgresqlConnectionManager(database))
                .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrations).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransaction()
                .WithVariablesDisabled()
                .LogTo(logger)
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"the job-state schema migration {result.ErrorScript?.Name} failed", result.Error);
        }
        finally
        {
            await lockHolder.ExecuteAsync("select pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }
}
