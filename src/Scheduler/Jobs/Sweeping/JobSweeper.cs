using Microsoft.Extensions.Options;
using VaeFaces.Scheduler.Jobs.Outbox;

namespace VaeFaces.Scheduler.Jobs.Sweeping;

/// <summary>
/// Every SweepInterval: a Running job with no event (started, progress) for StaleAfter lost its worker and its message
/// (a worker sends progress every few seconds while it runs), so its command goes out again through the outbox; the
/// next worker resumes it or finds its result by JobId. After MaxResends it ends Failed with the reason.
/// Queued jobs are left alone: their command is in the outbox until the broker confirmed it, and a confirmed message
/// waits in a durable queue however long the backlog is, so sending it again would only add copies. Sent outbox rows
/// older than OutboxRetention are deleted. A database outage is logged and the next sweep tries again.
/// </summary>
public sealed class JobSweeper(JobStore store, JobOutbox outbox, OutboxSignal signal, IOptions<SchedulerOptions> options, ILogger<JobSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.SweepInterval);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(settings, stoppingToken);
                    if (failing) logger.LogInformation("Sweeper: sweeping again");
                    failing = false;
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (!failing) logger.LogWarning("Sweeper: could not sweep (retrying every {Interval}): {Reason}", settings.SweepInterval, error.Message);
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(SchedulerOptions settings, CancellationToken cancellationToken)
    {
        var (resent, failed) = await store.SweepAsync(settings.StaleAfter, settings.MaxResends, cancellationToken);
        foreach (var (id, kind, resends) in resent)
            logger.LogWarning("{Kind} {JobId}: no event for {StaleAfter}; its command is sent again ({Resends} of {MaxResends})",
                kind, id, settings.StaleAfter, resends, settings.MaxResends);
        foreach (var (id, kind) in failed)
            logger.LogWarning("{Kind} {JobId}: no event for {StaleAfter} and no re-sends left; it ends Failed", kind, id, settings.StaleAfter);
        if (resent.Count > 0) signal.Wake();
        await outbox.DeleteSentAsync(settings.OutboxRetention, cancellationToken);
    }
}
