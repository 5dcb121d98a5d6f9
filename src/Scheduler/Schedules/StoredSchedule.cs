using System.Text.Json;

namespace VaeFaces.Scheduler.Schedules;

public sealed record StoredSchedule(string Name, string Cron, string Kind, JsonElement Parameters, IReadOnlyList<string> Then,
    DateTimeOffset? LastFireAt, Guid? LastJobId);
