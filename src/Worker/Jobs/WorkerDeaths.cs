using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// The delivery limit, counted in the job's manifest rather than by the broker (RabbitMQ 3.10's classic queues have no
/// delivery count, and a training job may rightly be redelivered many times). A manifest still Running when a new
/// delivery of the same job takes the lock means the last attempt's worker died (a kill, out of memory): a graceful
/// stop writes Interrupted, a finished job its final status. Deaths count in a row, and any progress since (a training
/// checkpoint moved on) starts the count again, so a job that keeps advancing is never given up.
/// </summary>
public static class WorkerDeaths
{
    /// <summary>Deaths in a row without progress before this attempt; the job is given up at WorkerOptions.MaxWorkerDeaths.</summary>
    public static int Before(JobManifest? previous, Guid jobId, long progress)
    {
        if (previous is null || previous.JobId != jobId) return 0;
        var progressed = progress > previous.Progress;
        return previous.Status switch
        {
            JobStatus.Running => progressed ? 0 : previous.DeathsWithoutProgress + 1,
            // A graceful stop is not a death, nor does it forgive the deaths before it.
            JobStatus.Interrupted => progressed ? 0 : previous.DeathsWithoutProgress,
            // A rerun of a finished job (a retry of a failed one) starts afresh.
            _ => 0,
        };
    }

    public static string Reason(int deaths, JobManifest previous) =>
        $"the job's worker died {deaths} times while running it, with no progress since; last started at {previous.StartedAt:u} by {previous.Worker}";
}

/// <summary>The job was given up after its workers died too often: final, and its message goes to the error queue.</summary>
public sealed class WorkerDiedTooOftenException(string message) : Exception(message);
