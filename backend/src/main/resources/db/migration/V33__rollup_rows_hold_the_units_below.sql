-- Deadline day, one step lighter (docs/adr/0019). A unit's rollup rows held its whole subtree,
-- itself included, so every approval wrote a delta row for its own unit too, and the fold then
-- upserted the ~93 rows of that unit alone (a commune is the only unit below itself: nothing to
-- add up, the most costly part of the fold). Now a unit's rollup rows hold the units below it;
-- its own figures (unit_year_value, written by the same step) are added when it is read
-- (ProgressContext.rollups). The same totals, one delta row and ~93 upserts fewer per step, and
-- no rollup rows at all for a commune.

-- 1. the deltas not folded yet go into the base rows (the fold, once)
INSERT INTO rollup_value (unit_code, plan_item_id, year, approved_sum, approved_units,
    approved_done, approved_in_progress, approved_not_done, approved_na, pending_sum,
    pending_units, approved_from_year, approved_from_halves, approved_from_quarters)
SELECT unit_code, plan_item_id, year, sum(approved_sum), sum(approved_units), sum(approved_done),
       sum(approved_in_progress), sum(approved_not_done), sum(approved_na), sum(pending_sum),
       sum(pending_units), sum(approved_from_year), sum(approved_from_halves),
       sum(approved_from_quarters)
FROM rollup_delta_item
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

DELETE FROM rollup_delta;

-- 2. each unit's own figures are taken out of its own rows: what RollupDelta.of adds for them
WITH own AS (
    SELECT u.unit_code, u.plan_item_id, u.year,
           -- RollupDelta.of: a figure counts as a unit that reported when it exists (its sources)
           -- and, for an activity, has a status
           u.approved_sources IS NOT NULL
             AND (i.measure_type <> 'activity' OR u.approved_status IS NOT NULL) AS counts,
           CASE WHEN u.approved_sources IS NULL THEN 0 ELSE coalesce(u.approved_number, 0) END AS s,
           CASE WHEN i.measure_type = 'activity' AND u.approved_sources IS NOT NULL
                THEN u.approved_status END AS status,
           CASE WHEN u.pending_sources IS NULL THEN 0 ELSE coalesce(u.pending_number, 0) END AS ps,
           (u.pending_sources IS NOT NULL
             AND (i.measure_type <> 'activity' OR u.pending_status IS NOT NULL))::int AS pu,
           -- the kind of report a figure came from: its first source's period code
           split_part(u.approved_sources, ',', 1) AS first_source
    FROM unit_year_value u JOIN plan_item i ON i.id = u.plan_item_id
    WHERE i.measure_type IS NOT NULL
), contribution AS (
    SELECT unit_code, plan_item_id, year, s,
           counts::int AS au,
           coalesce((status = 'done')::int, 0) AS dn,
           coalesce((status = 'in_progress')::int, 0) AS ip,
           coalesce((status = 'not_done')::int, 0) AS nd,
           coalesce((status NOT IN ('done', 'in_progress', 'not_done'))::int, 0) AS na,
           ps, pu,
           (counts AND first_source NOT LIKE '%-H%' AND first_source NOT LIKE '%-Q%')::int AS fy,
           (counts AND first_source LIKE '%-H%')::int AS fh,
           (counts AND first_source NOT LIKE '%-H%' AND first_source LIKE '%-Q%')::int AS fq
    FROM own
)
UPDATE rollup_value r SET
    approved_sum = r.approved_sum - c.s,
    approved_units = r.approved_units - c.au,
    approved_done = r.approved_done - c.dn,
    approved_in_progress = r.approved_in_progress - c.ip,
    approved_not_done = r.approved_not_done - c.nd,
    approved_na = r.approved_na - c.na,
    pending_sum = r.pending_sum - c.ps,
    pending_units = r.pending_units - c.pu,
    approved_from_year = r.approved_from_year - c.fy,
    approved_from_halves = r.approved_from_halves - c.fh,
    approved_from_quarters = r.approved_from_quarters - c.fq
FROM contribution c
WHERE r.unit_code = c.unit_code AND r.plan_item_id = c.plan_item_id AND r.year = c.year;

-- 3. rows that now hold nothing (every commune's) are gone: a missing row reads as zero
DELETE FROM rollup_value
WHERE approved_sum = 0 AND approved_units = 0 AND approved_done = 0 AND approved_in_progress = 0
  AND approved_not_done = 0 AND approved_na = 0 AND pending_sum = 0 AND pending_units = 0
  AND approved_from_year = 0 AND approved_from_halves = 0 AND approved_from_quarters = 0;
