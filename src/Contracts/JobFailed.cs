namespace VaeFaces.Contracts;

public sealed record JobFailed(Guid JobId, string Kind, BlobLocation Output, string Reason);
