using System.Text.Json;

namespace VaeFaces.Contracts.Api;

public sealed record ScheduleView(string Name, string Cron, string Kind, JsonElement Parameters, IReadOnlyList<string> Then,
    DateTimeOffset? NextFireAt, DateTimeOffset? LastFireAt, Guid? LastJobId);
