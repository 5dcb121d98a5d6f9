using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace VaeFaces.Scheduler.Schedules;

/// <summary>Schedule templates in PostgreSQL; Hangfire holds only the recurring trigger that names them.</summary>
public sealed class ScheduleStore(NpgsqlDataSource database)
{
    private const string Columns = "name, cron, kind, parameters, then_kinds, last_fire_at, last_job_id";

    public async Task UpsertAsync(StoredSchedule schedule, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            insert into schedules (name, cron, kind, parameters, then_kinds, created_at, updated_at)
            values (@name, @cron, @kind, @parameters, @then, now(), now())
            on conflict (name) do update set cron = @cron, kind = @kind, parameters = @parameters, then_kinds = @then, updated_at = now()
            """);
        command.Parameters.AddWithValue("name", schedule.Name);
        command.Parameters.AddWithValue("cron", schedule.Cron);
        command.Parameters.AddWithValue("kind", schedule.Kind);
        command.Parameters.AddWithValue("parameters", NpgsqlDbType.Jsonb, schedule.Parameters.GetRawText());
        command.Parameters.AddWithValue("then", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(schedule.Then));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredSchedule?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from schedules where name = @name");
        command.Parameters.AddWithValue("name", name);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredSchedule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from schedules order by name");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("delete from schedules where name = @name");
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RecordFireAsync(string name, DateTimeOffset fireTime, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "update schedules set last_fire_at = @fired, last_job_id = @job where name = @name");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("fired", fireTime);
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StoredSchedule>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var schedules = new List<StoredSchedule>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schedules.Add(new StoredSchedule(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                JsonDocument.Parse(reader.GetString(3)).RootElement.Clone(), JsonSerializer.Deserialize<List<string>>(reader.GetString(4))!,
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }
        return schedules;
    }
}
