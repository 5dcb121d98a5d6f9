using Npgsql;

namespace VaeFaces.Scheduler.Database;

/// <summary>
/// The job-state schema, created or migrated at start. Each step runs once, in order, recorded in schema_version;
/// an advisory lock keeps two Schedulers starting together from migrating at once.
/// </summary>
public static class SchemaMigrations
{
    private static readonly string[] Steps =
    [
        """
        create table jobs (
            id uuid primary key,
            kind text not null,
            status text not null,
            parameters jsonb not null,
            output text not null,
            progress double precision not null default 0,
            stage text,
            eta_seconds double precision,
            metrics jsonb not null default '{}',
            artifacts jsonb not null default '[]',
            error text,
            worker text,
            cancel_requested boolean not null default false,
            parent_id uuid,
            schedule text,
            then_kinds jsonb not null default '[]',
            created_at timestamptz not null,
            started_at timestamptz,
            finished_at timestamptz,
            updated_at timestamptz not null);
        create index jobs_status on jobs (status);
        create index jobs_kind on jobs (kind);
        create index jobs_created on jobs (created_at desc);
        create table schedules (
            name text primary key,
            cron text not null,
            kind text not null,
            parameters jsonb not null,
            then_kinds jsonb not null,
            created_at timestamptz not null,
            updated_at timestamptz not null,
            last_fire_at timestamptz,
            last_job_id uuid);
        """,
        "alter table jobs add column resumed boolean not null default false;",
    ];

    public static async Task MigrateAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "select pg_advisory_xact_lock(7464616365)", cancellationToken);
        await Execute(connection, "create table if not exists schema_version (version int not null)", cancellationToken);
        await using var read = new NpgsqlCommand("select coalesce(max(version), 0) from schema_version", connection);
        var applied = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        for (var step = applied; step < Steps.Length; step++)
        {
            await Execute(connection, Steps[step], cancellationToken);
            await Execute(connection, $"insert into schema_version values ({step + 1})", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
