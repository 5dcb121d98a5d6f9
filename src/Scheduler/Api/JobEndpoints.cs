using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Api;

public static class JobEndpoints
{
    /// <summary>The statuses a job row can have, matched exactly; Interrupted is a manifest's, recorded here as Queued again.</summary>
    public static readonly string[] ListedStatuses = Enum.GetNames<JobStatus>().Where(s => s != nameof(JobStatus.Interrupted)).ToArray();

    public static void MapJobApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").RequireApiProtection();
        jobs.MapPost("", SubmitAsync);
        jobs.MapGet("", ListAsync);
        jobs.MapGet("{id:guid}", GetAsync);
        jobs.MapDelete("{id:guid}", CancelAsync);
    }

    private static async Task<IResult> SubmitAsync(SubmitJobRequest request, JobSubmitter submitter, CancellationToken cancellationToken)
    {
        var id = request.JobId ?? Guid.NewGuid();
        var (command, errors) = JobCommands.Build(request.Kind, request.Parameters, id);
        if (command is null) return Results.ValidationProblem(errors, title: $"invalid {request.Kind} job");
        if (await submitter.SubmitAsync(command, [], null, null, cancellationToken) == Submission.Conflict)
            return Results.Problem($"job {id} exists already with another kind or other parameters; submit this one under a new JobId",
                statusCode: StatusCodes.Status409Conflict, title: "JobId taken");
        var location = $"/api/jobs/{id}";
        return Results.Accepted(location, new JobAccepted(id, JobStatus.Queued, location));
    }

    private static async Task<IResult> ListAsync(JobStore store, string? status, string? kind, string? schedule, int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !ListedStatuses.Contains(status)) errors["status"] = [$"'{status}' is not one of {string.Join(", ", ListedStatuses)}"];
        if (kind is not null && !JobKinds.All.ContainsKey(kind)) errors["kind"] = [$"'{kind}' is not one of {string.Join(", ", JobKinds.All.Keys)}"];
        if (limit is < 1 or > 1000) errors["limit"] = ["must be between 1 and 1000"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        return Results.Ok(await store.ListAsync(status is null ? null : Enum.Parse<JobStatus>(status), kind, schedule, limit ?? 100, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, JobStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } job ? Results.Ok(job.View) : Results.NotFound();

    private static async Task<IResult> CancelAsync(Guid id, JobCancellation cancellation, CancellationToken cancellationToken) =>
        await cancellation.CancelAsync(id, cancellationToken) switch
        {
            { Requested: { } job } => Results.Accepted($"/api/jobs/{id}", job.View),
            { Ended: { } finished } => Results.Problem($"job {id} has already ended {finished.View.Status}", statusCode: StatusCodes.Status409Conflict),
            _ => Results.NotFound(),
        };
}
