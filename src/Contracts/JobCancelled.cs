namespace VaeFaces.Contracts;

public sealed record JobCancelled(Guid JobId, string Kind, BlobLocation Output);
