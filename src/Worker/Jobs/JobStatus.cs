namespace VaeFaces.Worker.Jobs;

public enum JobStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>The worker stopped during the job; the job's message went back to the queue, so this is not final.</summary>
    Interrupted,
}
