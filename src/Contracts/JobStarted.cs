namespace VaeFaces.Contracts;

public sealed record JobStarted(Guid JobId, string Kind, string Worker, DateTimeOffset StartedAt, bool Resumed);
