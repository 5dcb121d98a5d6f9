using System.Net.Http.Json;
using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>A database that the hand-written migrations (before DbUp) made keeps working, rows and all.</summary>
[Collection(DistributedCollection.Name)]
public class SchemaUpgradeSpecs(DistributedFixture services)
{
    /// <summary>Both steps of the hand-written migrations, as they ran, recorded in their schema_version table.</summary>
    private const string HandWrittenSchema = """
        create table jobs (
            id uuid primary key, kind text not null, status text not null, parameters jsonb not null, output text not null,
            progress double precision not null default 0, stage text, eta_seconds double precision,
            metrics jsonb not null default '{}', artifacts jsonb not null default '[]', error text, worker text,
            cancel_requested boolean not null default false, parent_id uuid, schedule text, then_kinds jsonb not null default '[]',
            created_at timestamptz not null, started_at timestamptz, finished_at timestamptz, updated_at timestamptz not null);
        create index jobs_status on jobs (status);
        create index jobs_kind on jobs (kind);
        create index jobs_created on jobs (created_at desc);
        create table schedules (
            name text primary key, cron text not null, kind text not null, parameters jsonb not null, then_kinds jsonb not null,
            created_at timestamptz not null, updated_at timestamptz not null, last_fire_at timestamptz, last_job_id uuid);
        alter table jobs add column resumed boolean not null default false;
        create table schema_version (version int not null);
        insert into schema_version values (1), (2);
        """;

    /// <summary>The scripts in src/Scheduler/Database/Scripts, each journalled once.</summary>
    private static readonly long ScriptCount =
        Directory.GetFiles(Path.Combine(LocalServices.RepoRoot, "src", "Scheduler", "Database", "Scripts"), "*.sql").Length;

    private static readonly Guid Parent = Guid.Parse("0b6f3c1a-2d4e-4f5a-8b9c-0d1e2f3a4b5c");
    private static readonly Guid Child = Guid.Parse("7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f");

    [Fact]
    public async Task A_database_made_by_the_hand_written_migrations_keeps_its_jobs_and_schedules()
    {
        var admin = new NpgsqlConnectionStringBuilder(services.Environment["ConnectionStrings__Jobs"]);
        var name = services.RunId + "_upgrade";
        await using var server = NpgsqlDataSource.Create(admin.ConnectionString);
        await ExecuteAsync(server, $"create database {name}");
        admin.Database = name;
        await using var database = NpgsqlDataSource.Create(admin.ConnectionString);
        await ExecuteAsync(database, HandWrittenSchema);
        await ExecuteAsync(database, $$"""
            insert into jobs (id, kind, status, parameters, output, progress, stage, metrics, artifacts, worker, schedule, then_kinds,
                              created_at, started_at, finished_at, updated_at, resumed)
            values ('{{Parent}}', 'TrainModel', 'Succeeded', '{"dataset": "datasets/faces", "epochs": 3}', 'artifacts/jobs/p', 1,
                    'done', '{"loss": 0.25}', '["artifacts/jobs/p/model.bin"]', 'host-a/1', 'nightly', '["ComputeLatentStatistics"]',
                    '2026-01-02T03:00:00Z', '2026-01-02T03:00:05Z', '2026-01-02T03:10:00Z', now(), true),
                   ('{{Child}}', 'ComputeLatentStatistics', 'Queued', '{}', 'artifacts/jobs/c', 0, null, '{}', '[]', null, 'nightly', '[]',
                    '2026-01-02T03:10:01Z', null, null, now(), false);
            update jobs set parent_id = '{{Parent}}' where id = '{{Child}}';
            insert into schedules (name, cron, kind, parameters, then_kinds, created_at, updated_at, last_fire_at, last_job_id)
            values ('nightly', '0 3 * * *', 'TrainModel', '{"dataset": "datasets/faces"}', '["ComputeLatentStatistics"]', now(), now(),
                    '2026-01-02T03:00:00Z', '{{Parent}}');
            """);

        // No broker: its in-memory bus keeps this Scheduler away from the run's queues.
        var overrides = new Dictionary<string, string> { ["ConnectionStrings__Jobs"] = admin.ConnectionString, ["ConnectionStrings__RabbitMq"] = "" };
        var (first, api) = await services.StartOtherSchedulerAsync(overrides);
        using (first)
        using (api)
        {
            var parent = (await api.GetFromJsonAsync<JobView>($"/api/jobs/{Parent}", JobJson.Options))!;
            Assert.Equal((JobStatus.Succeeded, "TrainModel", "host-a/1", "nightly", true),
                (parent.Status, parent.Kind, parent.Worker, parent.Schedule, parent.Resumed));
            Assert.Equal(0.25, parent.Metrics["loss"]);
            Assert.Equal(["artifacts/jobs/p/model.bin"], parent.Artifacts);
            Assert.Equal(3, parent.Parameters.GetProperty("epochs").GetInt32());
            Assert.Equal(DateTimeOffset.Parse("2026-01-02T03:10:00Z"), parent.FinishedAt);
            Assert.Contains("\"status\":\"Queued\"", await api.GetStringAsync($"/api/jobs/{Child}"), StringComparison.Ordinal);

            var queued = (await api.GetFromJsonAsync<List<JobView>>("/api/jobs?status=Queued", JobJson.Options))!;
            Assert.Equal(Parent, Assert.Single(queued).ParentId);
            var schedule = (await api.GetFromJsonAsync<ScheduleView>("/api/schedules/nightly"))!;
            Assert.Equal(Parent, schedule.LastJobId);
            Assert.Equal(["ComputeLatentStatistics"], schedule.Then);

            // The old table stays (an older Scheduler could still start on it); DbUp's journal took both of its scripts
            // and ran the later ones (0003: the outbox).
            Assert.Equal(2L, await ScalarAsync(database, "select count(*) from schema_version"));
            Assert.Equal(ScriptCount, await ScalarAsync(database, "select count(*) from schemaversions"));
        }

        // A second start finds nothing left to run, and the rows are still there.
        var (second, again) = await services.StartOtherSchedulerAsync(overrides);
        using (second)
        using (again)
        {
            Assert.Equal(JobStatus.Succeeded, (await again.GetFromJsonAsync<JobView>($"/api/jobs/{Parent}", JobJson.Options))!.Status);
            Assert.Equal(ScriptCount, await ScalarAsync(database, "select count(*) from schemaversions"));
        }

        await ExecuteAsync(server, $"drop database {name} with (force)");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
