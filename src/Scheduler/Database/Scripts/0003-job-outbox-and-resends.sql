-- The outbox: a job's command is recorded here in the transaction that records the job, and the dispatcher sends it to
-- the kind's queue and stamps sent_at (at least once: workers are idempotent by JobId). Sent rows are kept a while for
-- diagnosis, then deleted by the sweeper.
create table job_outbox (
    id bigserial primary key,
    job_id uuid not null,
    kind text not null,
    command jsonb not null,
    created_at timestamptz not null,
    sent_at timestamptz,
    attempts integer not null default 0,
    last_error text);
create index job_outbox_unsent on job_outbox (id) where sent_at is null;
create index job_outbox_job on job_outbox (job_id);
-- How often the sweeper has sent a silent Running job's command again.
alter table jobs add column resends integer not null default 0;
create index jobs_status_updated on jobs (status, updated_at);
