namespace VaeFaces.Contracts.Api;

public sealed record JobAccepted(Guid Id, JobStatus Status, string Location);
