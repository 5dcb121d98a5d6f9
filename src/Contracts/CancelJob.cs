namespace VaeFaces.Contracts;

/// <summary>Published to every worker: the one running the job stops at its next step, keeping its last checkpoint.</summary>
public sealed record CancelJob(Guid JobId);
