using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>An input a job read; JobId and Kind name the job that produced it (lineage).</summary>
public sealed record JobInput(string Name, BlobLocation Location, Guid? JobId, string? Kind);

/// <summary>manifest.json: what ran, on what, what it produced, and how it ended.</summary>
public sealed record JobManifest
{
    public const string FileName = "manifest.json";

    public required string Kind { get; init; }
    public required Guid JobId { get; init; }
    public required JobStatus Status { get; init; }
    public required JsonElement Parameters { get; init; }
    public List<JobInput> Inputs { get; init; } = [];
    public List<string> Outputs { get; init; } = [];
    public Dictionary<string, double> Metrics { get; init; } = [];
    public Dictionary<string, double> TimingsSeconds { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }
    public required Dictionary<string, string> Versions { get; init; }
    public required string Worker { get; init; }
}
