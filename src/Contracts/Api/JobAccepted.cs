namespace VaeFaces.Contracts.Api;

public sealed record JobAccepted(Guid Id, string Status, string Location);
