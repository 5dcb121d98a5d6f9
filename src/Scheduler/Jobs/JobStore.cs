using System.Text.Json;
using Dapper;
using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Job state in PostgreSQL, updated from the workers' events. Progress never moves a finished job back, and events of
/// jobs published straight to the bus (not through the API) create their row, so every job is visible. Statuses go to
/// the SQL as parameters holding the enum's names (Dapper would send an enum as its number).
/// </summary>
public sealed class JobStore(NpgsqlDataSource database)
{
    private const string Columns = "id, kind, status, progress, stage, eta_seconds, metrics, output, artifacts, error, worker, " +
        "cancel_requested, parent_id, schedule, parameters, created_at, started_at, finished_at, then_kinds, resumed";
    private const string Open = "status in (@Queued, @Running)";

    private const string Queued = nameof(JobStatus.Queued);
    private const string Running = nameof(JobStatus.Running);
    private const string Succeeded = nameof(JobStatus.Succeeded);
    private const string Failed = nameof(JobStatus.Failed);
    private const string Cancelled = nameof(JobStatus.Cancelled);

    // Columns are snake_case, JobRow's properties PascalCase.
    static JobStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>False when a job with that id exists already (a repeated fire or chain step).</summary>
    public async Task<bool> InsertAsync(NewJob job, CancellationToken cancellationToken) => await ExecuteAsync("""
        insert into jobs (id, kind, status, parameters, output, then_kinds, parent_id, schedule, created_at, updated_at)
        values (@Id, @Kind, @Queued, @Parameters::jsonb, @Output, @Then::jsonb, @ParentId, @Schedule, now(), now())
        on conflict (id) do nothing
        """,
        new { job.Id, job.Kind, Queued, Parameters = job.Parameters.GetRawText(), job.Output, Then = Json(job.Then), job.ParentId, job.Schedule },
        cancellationToken) == 1;

    public async Task<StoredJob?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from jobs where id = @id", new { id }, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<JobView>> ListAsync(JobStatus? status, string? kind, string? schedule, int limit,
        CancellationToken cancellationToken) =>
        (await QueryAsync($"""
            select {Columns} from jobs
            where (@status::text is null or status = @status) and (@kind::text is null or lower(kind) = lower(@kind))
              and (@schedule::text is null or schedule = @schedule)
            order by created_at desc limit @limit
            """, new { status = status?.ToString(), kind, schedule, limit }, cancellationToken)).Select(j => j.View).ToList();

    /// <summary>Marks a job Running; returns whether its cancellation was requested meanwhile.</summary>
    public async Task<bool> MarkStartedAsync(JobStarted started, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition($$"""
            insert into jobs (id, kind, status, parameters, output, worker, started_at, resumed, created_at, updated_at)
            values (@JobId, @Kind, @Running, '{}', '', @Worker, @StartedAt, @Resumed, now(), now())
            on conflict (id) do update set
                status = case when jobs.{{Open}} then @Running else jobs.status end,
                worker = @Worker, started_at = coalesce(jobs.started_at, @StartedAt), resumed = @Resumed, updated_at = now()
            returning cancel_requested
            """, new { started.JobId, started.Kind, started.Worker, started.StartedAt, started.Resumed, Queued, Running },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Back to Queued: the job's message went back to the queue and the next worker's JobStarted makes it Running again.
    /// Only the worker running the job can interrupt it, so a late event never reopens a job another worker took.
    /// </summary>
    public Task MarkInterruptedAsync(JobInterrupted interrupted, CancellationToken cancellationToken) => ExecuteAsync("""
        update jobs set status = @Queued, stage = @Stage, eta_seconds = null, updated_at = now()
        where id = @JobId and status = @Running and worker = @Worker
        """,
        new { interrupted.JobId, interrupted.Worker, Stage = $"interrupted ({interrupted.Reason}); waiting for a worker", Queued, Running },
        cancellationToken);

    public Task MarkProgressAsync(JobProgressed progress, CancellationToken cancellationToken) => ExecuteAsync($"""
        update jobs set status = @Running, progress = @Fraction, stage = @Stage, eta_seconds = @Eta,
            metrics = @Metrics::jsonb, updated_at = now()
        where id = @JobId and {Open}
        """,
        new { progress.JobId, progress.Fraction, progress.Stage, Eta = progress.Eta?.TotalSeconds, Metrics = Json(progress.Metrics), Queued, Running },
        cancellationToken);

    public Task MarkSucceededAsync(JobSucceeded succeeded, CancellationToken cancellationToken) =>
        FinishAsync(succeeded.JobId, succeeded.Kind, JobStatus.Succeeded, succeeded.Output, succeeded.Metrics,
            succeeded.Artifacts.Select(a => succeeded.Output.Child(a).ToString()).ToList(), null, cancellationToken);

    public Task MarkFailedAsync(JobFailed failed, CancellationToken cancellationToken) =>
        FinishAsync(failed.JobId, failed.Kind, JobStatus.Failed, failed.Output, null, [], failed.Reason, cancellationToken);

    public Task MarkCancelledAsync(JobCancelled cancelled, CancellationToken cancellationToken) =>
        FinishAsync(cancelled.JobId, cancelled.Kind, JobStatus.Cancelled, cancelled.Output, null, [], "cancelled", cancellationToken);

    /// <summary>
    /// Asks for cancellation: a queued job is Cancelled at once, a running one when its worker confirms.
    /// Null when the job does not exist or has finished.
    /// </summary>
    public async Task<StoredJob?> RequestCancelAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"""
            update jobs set cancel_requested = true, updated_at = now(),
                status = case when status = @Queued then @Cancelled else status end,
                error = case when status = @Queued then 'cancelled before it started' else error end,
                finished_at = case when status = @Queued then now() else finished_at end
            where id = @id and {Open}
            returning {Columns}
            """, new { id, Queued, Running, Cancelled }, cancellationToken)).SingleOrDefault();

    public Task MarkPublishFailedAsync(Guid id, string reason, CancellationToken cancellationToken) => ExecuteAsync(
        "update jobs set status = @Failed, error = @reason, finished_at = now(), updated_at = now() where id = @id and status = @Queued",
        new { id, reason, Queued, Failed }, cancellationToken);

    private Task FinishAsync(Guid id, string kind, JobStatus status, BlobLocation output, IReadOnlyDictionary<string, double>? metrics,
        IReadOnlyList<string> artifacts, string? error, CancellationToken cancellationToken) => ExecuteAsync("""
        insert into jobs (id, kind, status, parameters, output, created_at, updated_at)
        values (@id, @kind, @status, '{}', @output, now(), now())
        on conflict (id) do nothing;
        update jobs set status = @status, output = @output, artifacts = @artifacts::jsonb, error = @error,
            metrics = coalesce(@metrics::jsonb, metrics), progress = case when @status = @Succeeded then 1 else progress end,
            eta_seconds = null, finished_at = coalesce(finished_at, now()), updated_at = now()
        where id = @id
        """,
        new
        {
            id, kind, status = status.ToString(), output = output.ToString(), artifacts = Json(artifacts), error,
            metrics = metrics is null ? null : Json(metrics), Succeeded,
        },
        cancellationToken);

    private async Task<List<StoredJob>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredJob()).ToList();
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JobJson.Options);
}
