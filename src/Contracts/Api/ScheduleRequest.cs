using System.Text.Json;

namespace VaeFaces.Contracts.Api;

/// <summary>
/// PUT /api/schedules/{name}: a cron expression (UTC) and the job it publishes. Then lists the jobs chained on the
/// published job's model once it succeeds (ComputeLatentStatistics, ExtractAttributeVectors), in lineage order.
/// </summary>
public sealed record ScheduleRequest(string Cron, string Kind, JsonElement Parameters, IReadOnlyList<string>? Then = null);
