namespace VaeFaces.Contracts;

/// <summary>
/// The worker running a job stopped before the job ended (a SIGTERM, a scale-down); its message went back to the
/// queue and the next worker to take it resumes the job.
/// </summary>
public sealed record JobInterrupted(Guid JobId, string Kind, string Worker, string Reason);
