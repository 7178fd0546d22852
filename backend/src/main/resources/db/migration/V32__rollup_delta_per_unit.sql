-- Deadline day, the database's side (docs/adr/0019). An approval, a submission or a reopening
-- moved every unit above the report's unit by one delta row per unit AND item: 93 items × 4 units,
-- 372 rows inserted, then deleted by the fold and vacuumed, for each step. Now a step writes one row
-- per unit above it, its items as arrays (element n of every array is the same item), so 4 rows;
-- readers unnest them. Same meaning, same locking (an insert that locks nothing shared).

-- the deltas already there go into the base rows first (the fold of V15, once)
INSERT INTO rollup_value (unit_code, plan_item_id, year, approved_sum, approved_units,
    approved_done, approved_in_progress, approved_not_done, approved_na, pending_sum,
    pending_units, approved_from_year, approved_from_halves, approved_from_quarters)
SELECT unit_code, plan_item_id, year, sum(approved_sum), sum(approved_units), sum(approved_done),
       sum(approved_in_progress), sum(approved_not_done), sum(approved_na), sum(pending_sum),
       sum(pending_units), sum(approved_from_year), sum(approved_from_halves),
       sum(approved_from_quarters)
FROM rollup_delta
WHERE plan_item_id IN (SELECT id FROM plan_item)
GROUP BY unit_code, plan_item_id, year
ON CONFLICT (unit_code, year, plan_item_id) DO UPDATE SET
    approved_sum = rollup_value.approved_sum + excluded.approved_sum,
    approved_units = rollup_value.approved_units + excluded.approved_units,
    approved_done = rollup_value.approved_done + excluded.approved_done,
    approved_in_progress = rollup_value.approved_in_progress + excluded.approved_in_progress,
    approved_not_done = rollup_value.approved_not_done + excluded.approved_not_done,
    approved_na = rollup_value.approved_na + excluded.approved_na,
    pending_sum = rollup_value.pending_sum + excluded.pending_sum,
    pending_units = rollup_value.pending_units + excluded.pending_units,
    approved_from_year = rollup_value.approved_from_year + excluded.approved_from_year,
    approved_from_halves = rollup_value.approved_from_halves + excluded.approved_from_halves,
    approved_from_quarters = rollup_value.approved_from_quarters + excluded.approved_from_quarters;

DROP VIEW rollup_total;
DROP TABLE rollup_delta;

-- One step's change to one unit's subtree figures for one plan and year: every column but the
-- first three is an array with one element per item the step changed, in the same order.
CREATE TABLE rollup_delta (
    unit_code              varchar(16)      NOT NULL,
    plan_id                bigint           NOT NULL,
    year                   smallint         NOT NULL,
    plan_item_id           bigint[]         NOT NULL,
    approved_sum           numeric(18, 3)[] NOT NULL,
    approved_units         integer[]        NOT NULL,
    approved_done          integer[]        NOT NULL,
    approved_in_progress   integer[]        NOT NULL,
    approved_not_done      integer[]        NOT NULL,
    approved_na            integer[]        NOT NULL,
    pending_sum            numeric(18, 3)[] NOT NULL,
    pending_units          integer[]        NOT NULL,
    approved_from_year     integer[]        NOT NULL,
    approved_from_halves   integer[]        NOT NULL,
    approved_from_quarters integer[]        NOT NULL
);
-- No foreign key to plan or plan_item, as before: its check would share-lock rows every step
-- touches. The fold keeps only the deltas of items that exist.
CREATE INDEX rollup_delta_unit_year ON rollup_delta (unit_code, year);

-- The deltas one row per unit, item and year, as readers and the fold see them.
CREATE VIEW rollup_delta_item AS
SELECT d.unit_code, x.plan_item_id, d.year, x.approved_sum, x.approved_units, x.approved_done,
       x.approved_in_progress, x.approved_not_done, x.approved_na, x.pending_sum,
       x.pending_units, x.approved_from_year, x.approved_from_halves, x.approved_from_quarters
FROM rollup_delta d
CROSS JOIN LATERAL unnest(d.plan_item_id, d.approved_sum, d.approved_units, d.approved_done,
    d.approved_in_progress, d.approved_not_done, d.approved_na, d.pending_sum, d.pending_units,
    d.approved_from_year, d.approved_from_halves, d.approved_from_quarters)
    AS x (plan_item_id, approved_sum, approved_units, approved_done, approved_in_progress,
          approved_not_done, approved_na, pending_sum, pending_units, approved_from_year,
          approved_from_halves, approved_from_quarters);

-- What a subtree adds up to now: the base row plus its deltas (as in V15). Conditions on unit and
-- year are pushed into both sides, so a read costs what it shows.
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
    FROM rollup_delta_item
) r
GROUP BY unit_code, plan_item_id, year;

CREATE TRIGGER rollup_delta_data_revision
    AFTER INSERT ON rollup_delta
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('progress');
