using Npgsql;

namespace VaeFaces.Scheduler.Database;

/// <summary>Runs the migrations before the API and the event consumers start (hosted services start in order).</summary>
public sealed class MigrateOnStart(NpgsqlDataSource database, ILogger<MigrateOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SchemaMigrations.MigrateAsync(database, logger, cancellationToken);
        logger.LogInformation("Job-state schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
