using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// A jobs row as Dapper reads it, column by name (eta_seconds into EtaSeconds). Npgsql hands jsonb over as text and
/// timestamptz as a UTC DateTime, so those are turned into the view's types here.
/// </summary>
internal sealed record JobRow
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public JobStatus Status { get; init; }
    public double Progress { get; init; }
    public string? Stage { get; init; }
    public double? EtaSeconds { get; init; }
    public string Metrics { get; init; } = "{}";
    public string Output { get; init; } = "";
    public string Artifacts { get; init; } = "[]";
    public string? Error { get; init; }
    public string? Worker { get; init; }
    public bool CancelRequested { get; init; }
    public Guid? ParentId { get; init; }
    public string? Schedule { get; init; }
    public string Parameters { get; init; } = "{}";
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public string ThenKinds { get; init; } = "[]";
    public bool Resumed { get; init; }

    public StoredJob ToStoredJob() => new(
        new JobView(Id, Kind, Status, Progress, Stage, EtaSeconds, Json<Dictionary<string, double>>(Metrics), Output,
            Json<List<string>>(Artifacts), Error, Worker, CancelRequested, ParentId, Schedule, Json<JsonElement>(Parameters),
            Utc(CreatedAt), StartedAt is { } started ? Utc(started) : null, FinishedAt is { } finished ? Utc(finished) : null, Resumed),
        Json<List<string>>(ThenKinds));

    private static T Json<T>(string text) => JsonSerializer.Deserialize<T>(text, JobJson.Options)!;

    private static DateTimeOffset Utc(DateTime time) => new(time, TimeSpan.Zero);
}
