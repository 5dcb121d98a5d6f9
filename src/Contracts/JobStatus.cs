namespace VaeFaces.Contracts;

/// <summary>
/// A job's status: one vocabulary for the worker's manifest, the job API, the CLI and the Scheduler's rows, written by
/// name in JSON (JobJson) and in the database.
/// </summary>
public enum JobStatus
{
    /// <summary>Recorded by the Scheduler and waiting for a worker; an interrupted job waits here again.</summary>
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>
    /// The worker stopped during the job; the job's message went back to the queue, so this is not final. Only a
    /// manifest says it: the Scheduler records the job as Queued again.
    /// </summary>
    Interrupted,
}

public static class JobStatusExtensions
{
    /// <summary>Succeeded, Failed or Cancelled: nothing more happens to the job.</summary>
    public static bool IsFinal(this JobStatus status) => status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
