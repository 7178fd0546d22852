-- Export jobs as a queue in PostgreSQL (#29): any instance's worker takes the next job (FOR UPDATE
-- SKIP LOCKED), fairly (the owner with the fewest jobs running first, then the oldest), and a job
-- whose worker went away (no sign of life for two minutes) is queued again. The job carries who
-- asked (their unit and roles), so it runs as them on whichever instance, after a restart too.
ALTER TABLE export_job ADD COLUMN owner_unit varchar(16);
ALTER TABLE export_job ADD COLUMN owner_roles varchar(200) NOT NULL DEFAULT '';
ALTER TABLE export_job ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE export_job ADD COLUMN claimed_by varchar(80);
CREATE INDEX export_job_waiting_idx ON export_job (state, created_at) WHERE state IN ('queued', 'running');
CREATE INDEX export_job_owner_idx ON export_job (owner, state);
