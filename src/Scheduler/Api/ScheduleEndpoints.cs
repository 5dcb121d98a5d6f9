using System.Text.Json;
using Cronos;
using Hangfire;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Jobs;
using VaeFaces.Scheduler.Schedules;

namespace VaeFaces.Scheduler.Api;

public static class ScheduleEndpoints
{
    public static void MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/schedules").AddEndpointFilter<ApiKeyFilter>();
        schedules.MapPut("{name}", PutAsync);
        schedules.MapGet("", ListAsync);
        schedules.MapGet("{name}", GetAsync);
        schedules.MapDelete("{name}", DeleteAsync);
        schedules.MapPost("{name}/trigger", TriggerAsync);
    }

    private static async Task<IResult> PutAsync(string name, ScheduleRequest request, ScheduleStore store,
        IRecurringJobManager recurringJobs, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9-]{0,62}$"))
            errors["name"] = ["must be 1-63 lowercase letters, digits and hyphens"];
        if (Parse(request.Cron) is null) errors["cron"] = [$"'{request.Cron}' is not a cron expression (minute hour day month weekday, UTC)"];
        var then = request.Then ?? [];
        foreach (var step in then.Where(s => !JobChain.ChainableKinds.Contains(s)))
            errors["then"] = [$"'{step}' cannot be chained; use {string.Join(", ", JobChain.ChainableKinds)}"];
        if (then.Count > 0 && request.Kind != nameof(Contracts.TrainModel)) errors["then"] = ["only a TrainModel schedule chains jobs on its model"];
        if (request.Parameters.ValueKind == JsonValueKind.Object && request.Parameters.EnumerateObject()
                .Any(p => p.Name.Equals("output", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.String))
            errors["parameters.output"] = ["must be a \"container/prefix\" string; each fire writes under it"];
        // The template must make a valid job, checked now rather than at 3 a.m.
        foreach (var (field, problems) in JobCommands.Build(request.Kind, request.Parameters, Guid.NewGuid()).Errors) errors[field] = problems;
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: $"invalid schedule {name}");

        await store.UpsertAsync(new StoredSchedule(name, request.Cron, JobKindName(request.Kind), request.Parameters, then, null, null), cancellationToken);
        recurringJobs.AddOrUpdate<ScheduleFirer>(name, firer => firer.FireAsync(name, null), request.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Results.Ok(View((await store.GetAsync(name, cancellationToken))!));
    }

    private static async Task<IResult> ListAsync(ScheduleStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListAsync(cancellationToken)).Select(View));

    private static async Task<IResult> GetAsync(string name, ScheduleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(name, cancellationToken) is { } schedule ? Results.Ok(View(schedule)) : Results.NotFound();

    private static async Task<IResult> DeleteAsync(string name, ScheduleStore store, IRecurringJobManager recurringJobs,
        CancellationToken cancellationToken)
    {
        recurringJobs.RemoveIfExists(name);
        return await store.DeleteAsync(name, cancellationToken) ? Results.NoContent() : Results.NotFound();
    }

    /// <summary>Fires the schedule now, through Hangfire like a timed fire; its job appears under GET /api/jobs?schedule=NAME.</summary>
    private static async Task<IResult> TriggerAsync(string name, ScheduleStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(name, cancellationToken) is null) return Results.NotFound();
        RecurringJob.TriggerJob(name);
        return Results.Accepted($"/api/jobs?schedule={name}");
    }

    private static CronExpression? Parse(string? cron)
    {
        try
        {
            return cron is null ? null : CronExpression.Parse(cron);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private static string JobKindName(string kind) => Contracts.JobKinds.All[kind].Name;

    private static ScheduleView View(StoredSchedule s) => new(s.Name, s.Cron, s.Kind, s.Parameters, s.Then,
        Parse(s.Cron)?.GetNextOccurrence(DateTimeOffset.UtcNow, TimeZoneInfo.Utc), s.LastFireAt, s.LastJobId);
}
