-- Step 2 of the hand-written migrations; "if not exists" for a database that already had it (schema_version 2).
alter table jobs add column if not exists resumed boolean not null default false;
