using System.Text.Json;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>A job about to be published. Then lists the kinds chained on its model once it succeeds.</summary>
public sealed record NewJob(Guid Id, string Kind, JsonElement Parameters, string Output, IReadOnlyList<string> Then,
    Guid? ParentId = null, string? Schedule = null);
