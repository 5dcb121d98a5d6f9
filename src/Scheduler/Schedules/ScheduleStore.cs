using System.Text.Json;
using Dapper;
using Npgsql;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Schedules;

/// <summary>Schedule templates in PostgreSQL; Hangfire holds only the recurring trigger that names them.</summary>
public sealed class ScheduleStore(NpgsqlDataSource database)
{
    private const string Columns = "name, cron, kind, parameters, then_kinds, last_fire_at, last_job_id";

    // Columns are snake_case, ScheduleRow's properties PascalCase.
    static ScheduleStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public Task UpsertAsync(StoredSchedule schedule, CancellationToken cancellationToken) => ExecuteAsync("""
        insert into schedules (name, cron, kind, parameters, then_kinds, created_at, updated_at)
        values (@Name, @Cron, @Kind, @Parameters::jsonb, @Then::jsonb, now(), now())
        on conflict (name) do update set cron = @Cron, kind = @Kind, parameters = @Parameters::jsonb, then_kinds = @Then::jsonb,
            updated_at = now()
        """,
        new
        {
            schedule.Name, schedule.Cron, schedule.Kind, Parameters = schedule.Parameters.GetRawText(),
            Then = JsonSerializer.Serialize(schedule.Then, JobJson.Options),
        },
        cancellationToken);

    public async Task<StoredSchedule?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from schedules where name = @name", new { name }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<StoredSchedule>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"select {Columns} from schedules order by name", null, cancellationToken);

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("delete from schedules where name = @name", new { name }, cancellationToken) == 1;

    public Task RecordFireAsync(string name, DateTimeOffset fireTime, Guid jobId, CancellationToken cancellationToken) => ExecuteAsync(
        "update schedules set last_fire_at = @fireTime, last_job_id = @jobId where name = @name", new { name, fireTime, jobId }, cancellationToken);

    private async Task<IReadOnlyList<StoredSchedule>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredSchedule()).ToList();
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
