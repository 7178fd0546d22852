-- Which reports a subtree figure came from (ADR 0005, the nesting rule): how many of the units it
-- holds gave their year report, their half-year reports, or their quarter reports. Kept in step by
-- the same writer and in the same transaction as the sums.
ALTER TABLE rollup_value
    ADD COLUMN approved_from_year     integer NOT NULL DEFAULT 0,
    ADD COLUMN approved_from_halves   integer NOT NULL DEFAULT 0,
    ADD COLUMN approved_from_quarters integer NOT NULL DEFAULT 0;

-- Existing rows: count the units below each rollup row by the kind of report their figure used.
WITH RECURSIVE parent AS (
    SELECT DISTINCT ON (code) code, parent_code FROM org_unit
    ORDER BY code, valid_from DESC
), up (code, ancestor) AS (
    SELECT code, code FROM parent
    UNION
    SELECT up.code, p.parent_code FROM up JOIN parent p ON p.code = up.ancestor
    WHERE p.parent_code IS NOT NULL
), counted AS (
    SELECT up.ancestor AS unit_code, v.plan_item_id, v.year,
           count(*) FILTER (WHERE v.approved_sources NOT LIKE '%-%') AS from_year,
           count(*) FILTER (WHERE v.approved_sources LIKE '%-H%') AS from_halves,
           count(*) FILTER (WHERE v.approved_sources LIKE '%-Q%') AS from_quarters
    FROM unit_year_value v JOIN up ON up.code = v.unit_code
    WHERE v.approved_sources IS NOT NULL
    GROUP BY 1, 2, 3
)
UPDATE rollup_value r
SET approved_from_year = c.from_year,
    approved_from_halves = c.from_halves,
    approved_from_quarters = c.from_quarters
FROM counted c
WHERE r.unit_code = c.unit_code AND r.plan_item_id = c.plan_item_id AND r.year = c.year;
