-- Approvals at once (docs/adr/0009). Every approval used to queue on shared rows until its commit:
-- the rollup rows of every unit above the commune (its district, its province, the national unit)
-- and the one row 'progress' of data_revision. Neither is locked by a writer any more.

-- 1. Rollups move by delta rows. A writer inserts what its change adds to each unit above it; an
-- insert locks nothing another writer needs. A reader adds the base row and the deltas of the same
-- unit, item and year (the view rollup_total). A background fold (RollupFold) moves the deltas into
-- the base rows, in one transaction, so every reader sees the same totals before and after it.
CREATE TABLE rollup_delta (
    unit_code              varchar(16)    NOT NULL,
    plan_item_id           bigint         NOT NULL,
    year                   smallint       NOT NULL,
    approved_sum           numeric(18, 3) NOT NULL,
    approved_units         integer        NOT NULL,
    approved_done          integer        NOT NULL,
    approved_in_progress   integer        NOT NULL,
    approved_not_done      integer        NOT NULL,
    approved_na            integer        NOT NULL,
    pending_sum            numeric(18, 3) NOT NULL,
    pending_units          integer        NOT NULL,
    approved_from_year     integer        NOT NULL,
    approved_from_halves   integer        NOT NULL,
    approved_from_quarters integer        NOT NULL
);
-- No foreign key to plan_item: its check would share-lock the item rows that every approval
-- touches. The fold keeps only the deltas of items that exist.
CREATE INDEX rollup_delta_unit_year ON rollup_delta (unit_code, year);

-- What a subtree adds up to now: the base row plus its deltas. Conditions on unit, item and year
-- are pushed into both sides, so a read costs what it shows.
CREATE VIEW rollup_total AS
SELECT unit_code, plan_item_id, year,
       sum(approved_sum)::numeric(18, 3)  AS approved_sum,
       sum(approved_units)::integer        AS approved_units,
       sum(approved_done)::integer         AS approved_done,
       sum(approved_in_progress)::integer  AS approved_in_progress,
       sum(approved_not_done)::integer     AS approved_not_done,
       sum(approved_na)::integer           AS approved_na,
       sum(pending_sum)::numeric(18, 3)    AS pending_sum,
       sum(pending_units)::integer         AS pending_units,
       sum(approved_from_year)::integer    AS approved_from_year,
       sum(approved_from_halves)::integer  AS approved_from_halves,
       sum(approved_from_quarters)::integer AS approved_from_quarters
FROM (
    SELECT unit_code, plan_item_id, year, approved_sum, approved_units, approved_done,
           approved_in_progress, approved_not_done, approved_na, pending_sum, pending_units,
           approved_from_year, approved_from_halves, approved_from_quarters
    FROM rollup_value
    UNION ALL
    SELECT unit_code, plan_item_id, year, approved_sum, approved_units, approved_done,
           approved_in_progress, approved_not_done, approved_na, pending_sum, pending_units,
           approved_from_year, approved_from_halves, approved_from_quarters
    FROM rollup_delta
) r
GROUP BY unit_code, plan_item_id, year;

-- 2. The revision of the data without a shared row. Each database session counts its own writes
-- in its own row (one session runs one transaction at a time, so no two writers ever wait for one
-- row); the revision is the sum of the rows. A reader's sum moves on exactly when a write it can
-- see commits, in every session and on every instance. Rows of sessions that ended are folded into
-- session 0 in one transaction (DataRevisionFold), which leaves the sum as it was.
CREATE TABLE data_change (
    name    varchar(16) NOT NULL,
    backend integer     NOT NULL,
    changes bigint      NOT NULL,
    PRIMARY KEY (name, backend)
);
INSERT INTO data_change (name, backend, changes) SELECT name, 0, revision FROM data_revision;
DROP TABLE data_revision;
CREATE VIEW data_revision AS
SELECT name, sum(changes)::bigint AS revision FROM data_change GROUP BY name;

CREATE OR REPLACE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: the revisions this table's changes move on
    INSERT INTO data_change (name, backend, changes)
    SELECT n, pg_backend_pid(), 1 FROM unnest(TG_ARGV) AS n
    ON CONFLICT (name, backend) DO UPDATE SET changes = data_change.changes + 1;
    RETURN NULL;
END $$;

-- A new delta moves the revision on. The fold (delete deltas, add them to the base rows) leaves
-- every total as it was, so it does not; a rebuild rewrites unit_year_value too, whose trigger
-- moves it on.
DROP TRIGGER rollup_value_data_revision ON rollup_value;
CREATE TRIGGER rollup_delta_data_revision
    AFTER INSERT ON rollup_delta
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('progress');

-- 3. The write limit per user and minute, counted here so that all instances count together.
CREATE TABLE write_rate (
    username varchar(255) NOT NULL,
    minute   bigint       NOT NULL,
    writes   integer      NOT NULL,
    PRIMARY KEY (username, minute)
);
