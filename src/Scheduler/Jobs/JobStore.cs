using System.Text.Json;
using Dapper;
using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Jobs.Outbox;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Job state in PostgreSQL, updated from the workers' events. Every transition is conditional in SQL on the job not
/// having ended (Open), so a final state is never left: a late or repeated event changes nothing and its caller learns
/// that from the result. Events of jobs published straight to the bus (not through the API) create their row, so every
/// job is visible. Statuses go to the SQL as parameters holding the enum's names (Dapper would send an enum as its number).
/// </summary>
public sealed class JobStore(NpgsqlDataSource database)
{
    private const string Columns = "id, kind, status, progress, stage, eta_seconds, metrics, output, artifacts, error, worker, " +
        "cancel_requested, parent_id, schedule, parameters, created_at, started_at, finished_at, then_kinds, resumed";

    /// <summary>The final statuses' names, from JobStatus.IsFinal (the one list), as a SQL list: 'Succeeded', ...</summary>
    public static string FinalList { get; } =
        string.Join(", ", Enum.GetValues<JobStatus>().Where(s => s.IsFinal()).Select(s => $"'{s}'"));

    /// <summary>SQL: the job (of the given table alias) has not ended.</summary>
    public static string Open(string table = "jobs") => $"{table}.status not in ({FinalList})";

    private const string Queued = nameof(JobStatus.Queued);
    private const string Running = nameof(JobStatus.Running);
    private const string Succeeded = nameof(JobStatus.Succeeded);
    private const string Failed = nameof(JobStatus.Failed);
    private const string Cancelled = nameof(JobStatus.Cancelled);

    // Columns are snake_case, JobRow's properties PascalCase.
    static JobStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>Runs the work in one transaction, committed when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Records a job and its command in the outbox, in the caller's transaction. A JobId that exists already is the same
    /// job when its kind and parameters are equal (jsonb equality, so key order and spacing do not matter): its command
    /// is queued for sending again only while it is still Queued. Otherwise it is another job under a taken id.
    /// </summary>
    public async Task<Submission> RecordAsync(NpgsqlTransaction transaction, NewJob job, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var parameters = new
        {
            job.Id, job.Kind, Queued, Parameters = job.Parameters.GetRawText(), job.Output, Then = Json(job.Then), job.ParentId, job.Schedule,
        };
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            insert into jobs (id, kind, status, parameters, output, then_kinds, parent_id, schedule, created_at, updated_at)
            values (@Id, @Kind, @Queued, @Parameters::jsonb, @Output, @Then::jsonb, @ParentId, @Schedule, now(), now())
            on conflict (id) do nothing
            """, parameters, transaction, cancellationToken: cancellationToken)) == 1;
        if (!inserted)
        {
            var stored = await connection.QuerySingleAsync<(bool Same, string Status)>(new CommandDefinition("""
                select kind = @Kind and parameters = @Parameters::jsonb, status from jobs where id = @Id for update
                """, parameters, transaction, cancellationToken: cancellationToken));
            if (!stored.Same) return Submission.Conflict;
            if (stored.Status != Queued) return Submission.Existing;
        }
        await JobOutbox.AddAsync(transaction, job.Id, job.Kind, job.Parameters.GetRawText(), cancellationToken);
        return inserted ? Submission.Recorded : Submission.Resent;
    }

    public async Task<StoredJob?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from jobs where id = @id", new { id }, null, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<JobView>> ListAsync(JobStatus? status, string? kind, string? schedule, int limit,
        CancellationToken cancellationToken) =>
        (await QueryAsync($"""
            select {Columns} from jobs
            where (@status::text is null or status = @status) and (@kind::text is null or lower(kind) = lower(@kind))
              and (@schedule::text is null or schedule = @schedule)
            order by created_at desc limit @limit
            """, new { status = status?.ToString(), kind, schedule, limit }, null, cancellationToken)).Select(j => j.View).ToList();

    /// <summary>The jobs a chain or schedule started after this one (its lineage's next steps), oldest first.</summary>
    public async Task<IReadOnlyList<JobView>> ChildrenAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from jobs where parent_id = @id order by created_at", new { id }, null, cancellationToken))
            .Select(j => j.View).ToList();

    /// <summary>
    /// Marks a job Running; returns whether its worker should stop: its cancellation was requested meanwhile, or the
    /// job has ended already (cancelled while queued, or given up by the sweeper), so a run would change nothing.
    /// </summary>
    public async Task<bool> MarkStartedAsync(JobStarted started, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
            insert into jobs (id, kind, status, parameters, output, worker, started_at, resumed, created_at, updated_at)
            values (@JobId, @Kind, @Running, '{"{}"}', '', @Worker, @StartedAt, @Resumed, now(), now())
            on conflict (id) do update set
                status = case when {Open()} then @Running else jobs.status end,
                worker = case when {Open()} then @Worker else jobs.worker end,
                resumed = case when {Open()} then @Resumed else jobs.resumed end,
                started_at = coalesce(jobs.started_at, @StartedAt), updated_at = now()
            returning cancel_requested or status in ({FinalList})
            """, new { started.JobId, started.Kind, started.Worker, started.StartedAt, started.Resumed, Running },
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
        where id = @JobId and {Open()}
        """,
        new { progress.JobId, progress.Fraction, progress.Stage, Eta = progress.Eta?.TotalSeconds, Metrics = Json(progress.Metrics), Running },
        cancellationToken);

    /// <summary>The job as it now is when this made it Succeeded; null when it had ended already (a late or repeated event).</summary>
    public Task<StoredJob?> MarkSucceededAsync(NpgsqlTransaction transaction, JobSucceeded succeeded, CancellationToken cancellationToken) =>
        FinishAsync(succeeded.JobId, succeeded.Kind, JobStatus.Succeeded, succeeded.Output, succeeded.Metrics,
            succeeded.Artifacts.Select(a => succeeded.Output.Child(a).ToString()).ToList(), null, transaction, cancellationToken);

    public Task<StoredJob?> MarkFailedAsync(JobFailed failed, CancellationToken cancellationToken) =>
        FinishAsync(failed.JobId, failed.Kind, JobStatus.Failed, failed.Output, null, [], failed.Reason, null, cancellationToken);

    public Task<StoredJob?> MarkCancelledAsync(JobCancelled cancelled, CancellationToken cancellationToken) =>
        FinishAsync(cancelled.JobId, cancelled.Kind, JobStatus.Cancelled, cancelled.Output, null, [], "cancelled", null, cancellationToken);

    /// <summary>Ends a job that has not ended as Failed with the reason (the Scheduler's own verdict, not a worker's).</summary>
    public async Task<bool> FailAsync(Guid id, string reason, CancellationToken cancellationToken) => await ExecuteAsync($"""
        update jobs set status = @Failed, error = @reason, eta_seconds = null, finished_at = now(), updated_at = now()
        where id = @id and {Open()}
        """, new { id, reason, Failed }, cancellationToken) == 1;

    /// <summary>
    /// Running jobs silent (no event) for longer than staleAfter: their command is queued in the outbox again, up to
    /// maxResends times each, in one transaction; then they end Failed with the reason, as do silent jobs whose command
    /// the Scheduler never held (published straight to the bus). Skip locked: two Schedulers never resend one job twice.
    /// </summary>
    public async Task<(IReadOnlyList<(Guid Id, string Kind, int Resends)> Resent, IReadOnlyList<(Guid Id, string Kind)> Failed)> SweepAsync(
        TimeSpan staleAfter, int maxResends, CancellationToken cancellationToken)
    {
        var silence = staleAfter >= TimeSpan.FromMinutes(1) ? $"{staleAfter.TotalMinutes:0.#} min" : $"{staleAfter.TotalSeconds:0.#} s";
        var parameters = new
        {
            Running, Failed, maxResends, seconds = staleAfter.TotalSeconds,
            stage = $"no event from its worker for {silence}; its command was sent again",
            gaveUp = $"no event from its worker for {silence}, and nothing after {maxResends} re-sends of its command: its worker is gone",
            unknown = $"no event from its worker for {silence}, and its command was published straight to the bus, so the Scheduler cannot send it again",
        };
        return await InTransactionAsync<(IReadOnlyList<(Guid, string, int)>, IReadOnlyList<(Guid, string)>)>(async transaction =>
        {
            var connection = transaction.Connection!;
            var resent = (await connection.QueryAsync<(Guid, string, int)>(new CommandDefinition("""
                with stale as (
                    select id from jobs
                    where status = @Running and updated_at < now() - make_interval(secs => @seconds) and resends < @maxResends
                      and parameters <> '{}'::jsonb
                    for update skip locked),
                resent as (
                    update jobs set resends = jobs.resends + 1, updated_at = now(),
                        stage = @stage || ' (' || (jobs.resends + 1) || ' of ' || @maxResends || ')'
                    from stale where jobs.id = stale.id
                    returning jobs.id, jobs.kind, jobs.parameters, jobs.resends),
                queued as (
                    insert into job_outbox (job_id, kind, command, created_at) select id, kind, parameters, now() from resent)
                select id, kind, resends from resent
                """, parameters, transaction, cancellationToken: cancellationToken))).ToList();
            var failed = (await connection.QueryAsync<(Guid, string)>(new CommandDefinition("""
                update jobs set status = @Failed, eta_seconds = null, finished_at = now(), updated_at = now(),
                    error = case when parameters = '{}'::jsonb then @unknown else @gaveUp end
                where status = @Running and updated_at < now() - make_interval(secs => @seconds)
                  and (resends >= @maxResends or parameters = '{}'::jsonb)
                returning id, kind
                """, parameters, transaction, cancellationToken: cancellationToken))).ToList();
            return (resent, failed);
        }, cancellationToken);
    }

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
            where id = @id and {Open()}
            returning {Columns}
            """, new { id, Queued, Cancelled }, null, cancellationToken)).SingleOrDefault();

    /// <summary>Ends a job that has not ended (creating its row if the Scheduler never heard of it); null when it had ended.</summary>
    private async Task<StoredJob?> FinishAsync(Guid id, string kind, JobStatus status, BlobLocation output, IReadOnlyDictionary<string, double>? metrics,
        IReadOnlyList<string> artifacts, string? error, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        (await QueryAsync($"""
            insert into jobs (id, kind, status, parameters, output, artifacts, error, metrics, progress, created_at, finished_at, updated_at)
            values (@id, @kind, @status, '{"{}"}', @output, @artifacts::jsonb, @error, coalesce(@metrics::jsonb, '{"{}"}'),
                    case when @status = @Succeeded then 1 else 0 end, now(), now(), now())
            on conflict (id) do update set status = @status, output = @output, artifacts = @artifacts::jsonb, error = @error,
                metrics = coalesce(@metrics::jsonb, jobs.metrics), progress = case when @status = @Succeeded then 1 else jobs.progress end,
                eta_seconds = null, finished_at = coalesce(jobs.finished_at, now()), updated_at = now()
            where {Open()}
            returning {Columns}
            """,
            new
            {
                id, kind, status = status.ToString(), output = output.ToString(), artifacts = Json(artifacts), error,
                metrics = metrics is null ? null : Json(metrics), Succeeded,
            },
            transaction, cancellationToken)).SingleOrDefault();

    private async Task<List<StoredJob>> QueryAsync(string sql, object parameters, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
            return (await transaction.Connection!.QueryAsync<JobRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)))
                .Select(r => r.ToStoredJob()).ToList();
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
