using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>An input a job read; JobId and Kind name the job that produced it (lineage).</summary>
public sealed record JobInput(string Name, BlobLocation Location, Guid? JobId, string? Kind);

/// <summary>manifest.json: what ran, on what, what it produced, and how it ended.</summary>
public sealed record JobManifest
{
    public const string FileName = "manifest.json";

    /// <summary>Every output of a job with more than WorkerOptions.MaxListedOutputs, one name a line.</summary>
    public const string ListingName = "outputs.txt";

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

    /// <summary>All outputs when Outputs lists only the first ones (a listing blob in the output names the rest).</summary>
    public int? OutputCount { get; init; }

    /// <summary>The blob in the output that lists every output, one name a line; null when Outputs lists them all.</summary>
    public string? OutputListing { get; init; }

    /// <summary>Earlier attempts in a row whose worker died without progress (WorkerDeaths), as this attempt began.</summary>
    public int DeathsWithoutProgress { get; init; }

    /// <summary>How far the job had got when this attempt began (IJob.ProgressAsync: a training job's global step).</summary>
    public long Progress { get; init; }
}
