using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Job state in PostgreSQL, updated from the workers' events. Progress never moves a finished job back, and events of
/// jobs published straight to the bus (not through the API) create their row, so every job is visible.
/// </summary>
public sealed class JobStore(NpgsqlDataSource database)
{
    private const string Columns = "id, kind, status, progress, stage, eta_seconds, metrics, output, artifacts, error, worker, " +
        "cancel_requested, parent_id, schedule, parameters, created_at, started_at, finished_at, then_kinds, resumed";
    private const string Open = "status in ('Queued', 'Running')";

    /// <summary>False when a job with that id exists already (a repeated fire or chain step).</summary>
    public async Task<bool> InsertAsync(NewJob job, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            insert into jobs (id, kind, status, parameters, output, then_kinds, parent_id, schedule, created_at, updated_at)
            values (@id, @kind, 'Queued', @parameters, @output, @then, @parent, @schedule, now(), now())
            on conflict (id) do nothing
            """);
        command.Parameters.AddWithValue("id", job.Id);
        command.Parameters.AddWithValue("kind", job.Kind);
        command.Parameters.AddWithValue("parameters", NpgsqlDbType.Jsonb, job.Parameters.GetRawText());
        command.Parameters.AddWithValue("output", job.Output);
        command.Parameters.AddWithValue("then", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(job.Then));
        command.Parameters.AddWithValue("parent", (object?)job.ParentId ?? DBNull.Value);
        command.Parameters.AddWithValue("schedule", (object?)job.Schedule ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<StoredJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from jobs where id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<JobView>> ListAsync(string? status, string? kind, string? schedule, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            select {Columns} from jobs
            where (@status::text is null or status = @status) and (@kind::text is null or lower(kind) = lower(@kind))
              and (@schedule::text is null or schedule = @schedule)
            order by created_at desc limit @limit
            """);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", (object?)kind ?? DBNull.Value);
        command.Parameters.AddWithValue("schedule", (object?)schedule ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        return (await ReadAsync(command, cancellationToken)).Select(j => j.View).ToList();
    }

    /// <summary>Marks a job Running; returns whether its cancellation was requested meanwhile.</summary>
    public async Task<bool> MarkStartedAsync(JobStarted started, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            insert into jobs (id, kind, status, parameters, output, worker, started_at, resumed, created_at, updated_at)
            values (@id, @kind, 'Running', @empty, '', @worker, @started, @resumed, now(), now())
            on conflict (id) do update set
                status = case when jobs.{Open} then 'Running' else jobs.status end,
                worker = @worker, started_at = coalesce(jobs.started_at, @started), resumed = @resumed, updated_at = now()
            returning cancel_requested
            """);
        command.Parameters.AddWithValue("id", started.JobId);
        command.Parameters.AddWithValue("kind", started.Kind);
        command.Parameters.AddWithValue("worker", started.Worker);
        command.Parameters.AddWithValue("empty", NpgsqlDbType.Jsonb, "{}");
        command.Parameters.AddWithValue("started", started.StartedAt);
        command.Parameters.AddWithValue("resumed", started.Resumed);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Back to Queued: the job's message went back to the queue and the next worker's JobStarted makes it Running again.
    /// Only the worker running the job can interrupt it, so a late event never reopens a job another worker took.
    /// </summary>
    public async Task MarkInterruptedAsync(JobInterrupted interrupted, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            update jobs set status = 'Queued', stage = @stage, eta_seconds = null, updated_at = now()
            where id = @id and status = 'Running' and worker = @worker
            """);
        command.Parameters.AddWithValue("id", interrupted.JobId);
        command.Parameters.AddWithValue("worker", interrupted.Worker);
        command.Parameters.AddWithValue("stage", $"interrupted ({interrupted.Reason}); waiting for a worker");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkProgressAsync(JobProgressed progress, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            update jobs set status = 'Running', progress = @progress, stage = @stage, eta_seconds = @eta,
                metrics = @metrics, updated_at = now()
            where id = @id and {Open}
            """);
        command.Parameters.AddWithValue("id", progress.JobId);
        command.Parameters.AddWithValue("progress", progress.Fraction);
        command.Parameters.AddWithValue("stage", progress.Stage);
        command.Parameters.AddWithValue("eta", (object?)progress.Eta?.TotalSeconds ?? DBNull.Value);
        command.Parameters.AddWithValue("metrics", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(progress.Metrics, JobJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task MarkSucceededAsync(JobSucceeded succeeded, CancellationToken cancellationToken) =>
        FinishAsync(succeeded.JobId, succeeded.Kind, JobStatuses.Succeeded, succeeded.Output, succeeded.Metrics,
            succeeded.Artifacts.Select(a => succeeded.Output.Child(a).ToString()).ToList(), null, cancellationToken);

    public Task MarkFailedAsync(JobFailed failed, CancellationToken cancellationToken) =>
        FinishAsync(failed.JobId, failed.Kind, JobStatuses.Failed, failed.Output, null, [], failed.Reason, cancellationToken);

    public Task MarkCancelledAsync(JobCancelled cancelled, CancellationToken cancellationToken) =>
        FinishAsync(cancelled.JobId, cancelled.Kind, JobStatuses.Cancelled, cancelled.Output, null, [], "cancelled", cancellationToken);

    /// <summary>
    /// Asks for cancellation: a queued job is Cancelled at once, a running one when its worker confirms.
    /// Null when the job does not exist or has finished.
    /// </summary>
    public async Task<StoredJob?> RequestCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            update jobs set cancel_requested = true, updated_at = now(),
                status = case when status = 'Queued' then 'Cancelled' else status end,
                error = case when status = 'Queued' then 'cancelled before it started' else error end,
                finished_at = case when status = 'Queued' then now() else finished_at end
            where id = @id and {Open}
            returning {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task MarkPublishFailedAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "update jobs set status = 'Failed', error = @error, finished_at = now(), updated_at = now() where id = @id and status = 'Queued'");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task FinishAsync(Guid id, string kind, string status, BlobLocation output, IReadOnlyDictionary<string, double>? metrics,
        IReadOnlyList<string> artifacts, string? error, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            insert into jobs (id, kind, status, parameters, output, created_at, updated_at)
            values (@id, @kind, @status, '{}', @output, now(), now())
            on conflict (id) do nothing;
            update jobs set status = @status, output = @output, artifacts = @artifacts, error = @error,
                metrics = coalesce(@metrics, metrics), progress = case when @status = 'Succeeded' then 1 else progress end,
                eta_seconds = null, finished_at = coalesce(finished_at, now()), updated_at = now()
            where id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("output", output.ToString());
        command.Parameters.AddWithValue("artifacts", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(artifacts));
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("metrics", NpgsqlDbType.Jsonb, metrics is null ? DBNull.Value : JsonSerializer.Serialize(metrics, JobJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StoredJob>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<StoredJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            T? Nullable<T>(int i) => reader.IsDBNull(i) ? default : reader.GetFieldValue<T>(i);
            var view = new JobView(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), Nullable<string>(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(6), JobJson.Options)!, reader.GetString(7),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(8))!, Nullable<string>(9), Nullable<string>(10),
                reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetGuid(12), Nullable<string>(13),
                JsonDocument.Parse(reader.GetString(14)).RootElement.Clone(), reader.GetFieldValue<DateTimeOffset>(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
                reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17), reader.GetBoolean(19));
            jobs.Add(new StoredJob(view, JsonSerializer.Deserialize<List<string>>(reader.GetString(18))!));
        }
        return jobs;
    }
}
