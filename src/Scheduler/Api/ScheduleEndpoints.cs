using Hangfire;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Schedules;

namespace VaeFaces.Scheduler.Api;

public static class ScheduleEndpoints
{
    public static void MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/schedules").RequireApiProtection();
        schedules.MapPut("{name}", PutAsync);
        schedules.MapGet("", ListAsync);
        schedules.MapGet("{name}", GetAsync);
        schedules.MapDelete("{name}", DeleteAsync);
        schedules.MapPost("{name}/trigger", TriggerAsync);
    }

    private static async Task<IResult> PutAsync(string name, ScheduleRequest request, ScheduleStore store,
        IRecurringJobManager recurringJobs, CancellationToken cancellationToken)
    {
        var errors = ScheduleValidation.Problems(name, request);
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: $"invalid schedule {name}");

        await store.UpsertAsync(new StoredSchedule(name, request.Cron, JobKindName(request.Kind), request.Parameters, request.Then ?? [], null, null),
            cancellationToken);
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
    private static async Task<IResult> TriggerAsync(string name, ScheduleStore store, CancellationToken cancellationToken) =>
        await TriggerNowAsync(name, store, cancellationToken) ? Results.Accepted($"/api/jobs?schedule={name}") : Results.NotFound();

    /// <summary>False when there is no such schedule. The API and the dashboard both trigger through this.</summary>
    public static async Task<bool> TriggerNowAsync(string name, ScheduleStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(name, cancellationToken) is null) return false;
        RecurringJob.TriggerJob(name);
        return true;
    }

    private static string JobKindName(string kind) => Contracts.JobKinds.All[kind].Name;

    public static ScheduleView View(StoredSchedule s) => new(s.Name, s.Cron, s.Kind, s.Parameters, s.Then,
        ScheduleValidation.ParseCron(s.Cron)?.GetNextOccurrence(DateTimeOffset.UtcNow, TimeZoneInfo.Utc), s.LastFireAt, s.LastJobId);
}
