namespace VaeFaces.Contracts;

public sealed record JobSucceeded(
    Guid JobId,
    string Kind,
    BlobLocation Output,
    IReadOnlyList<string> Artifacts,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Duration);
