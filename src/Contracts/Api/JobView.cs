using System.Text.Json;

namespace VaeFaces.Contracts.Api;

/// <summary>
/// A job as the job API shows it. Artifacts are blob names (container/path). Resumed: the latest start continued an
/// earlier attempt (a training job found its checkpoint).
/// </summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    JobStatus Status,
    double Progress,
    string? Stage,
    double? EtaSeconds,
    IReadOnlyDictionary<string, double> Metrics,
    string Output,
    IReadOnlyList<string> Artifacts,
    string? Error,
    string? Worker,
    bool CancelRequested,
    Guid? ParentId,
    string? Schedule,
    JsonElement Parameters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool Resumed);
