using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Schedules;

/// <summary>A schedules row as Dapper reads it, column by name; jsonb comes as text and timestamptz as a UTC DateTime.</summary>
internal sealed record ScheduleRow
{
    public string Name { get; init; } = "";
    public string Cron { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Parameters { get; init; } = "{}";
    public string ThenKinds { get; init; } = "[]";
    public DateTime? LastFireAt { get; init; }
    public Guid? LastJobId { get; init; }

    public StoredSchedule ToStoredSchedule() => new(Name, Cron, Kind, JsonSerializer.Deserialize<JsonElement>(Parameters, JobJson.Options),
        JsonSerializer.Deserialize<List<string>>(ThenKinds, JobJson.Options)!,
        LastFireAt is { } fired ? new DateTimeOffset(fired, TimeSpan.Zero) : null, LastJobId);
}
