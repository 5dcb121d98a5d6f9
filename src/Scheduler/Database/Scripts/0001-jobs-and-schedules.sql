-- Step 1 of the schema that the hand-written migrations recorded in schema_version. "if not exists" lets a database
-- they made (schema_version 1 or 2) take this script as applied; schema_version itself is left alone.
create table if not exists jobs (
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
create index if not exists jobs_status on jobs (status);
create index if not exists jobs_kind on jobs (kind);
create index if not exists jobs_created on jobs (created_at desc);
create table if not exists schedules (
    name text primary key,
    cron text not null,
    kind text not null,
    parameters jsonb not null,
    then_kinds jsonb not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    last_fire_at timestamptz,
    last_job_id uuid);
