namespace VaeFaces.Contracts;

/// <summary>
/// A job's result. Artifacts are names under Output; a job with many (a bulk edit) lists only the first ones, and then
/// ArtifactCount is the total and ArtifactListing names the blob under Output that lists them all, one a line (absent
/// in older messages: null).
/// </summary>
public sealed record JobSucceeded(
    Guid JobId,
    string Kind,
    BlobLocation Output,
    IReadOnlyList<string> Artifacts,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Duration,
    int? ArtifactCount = null,
    string? ArtifactListing = null);
