-- The national reform of 01/07/2025 as change-set files, written from the national data set
-- (infra/bench/national.sh, REFORM_ONLY=1): the made-up provinces merged two by two (29 pairs and
-- 4 alone: 33, with Thái Nguyên 34), every made-up district dissolved, the made-up communes of each
-- new province merged into new communes (3 229 in all, with Thái Nguyên's 92: 3 321), which sit
-- directly under their province. Thái Nguyên's real rows are added by the script. psql variables:
-- :part = 'lineage' or 'units'.
WITH prov AS (
  SELECT code, name, row_number() OVER (ORDER BY code) AS n
  FROM org_unit WHERE level = 1 AND code LIKE 'M%' AND valid_to IS NULL
), np AS (
  SELECT p.code, p.name,
         CASE WHEN p.n <= 58 THEN (SELECT q.code FROM prov q WHERE q.n = ((p.n - 1) / 2) * 2 + 1)
              ELSE p.code END AS new_code
  FROM prov p
), comm AS (
  SELECT c.code, c.name, np.new_code AS prov,
         row_number() OVER (PARTITION BY np.new_code ORDER BY c.code) AS rn,
         count(*) OVER (PARTITION BY np.new_code) AS n,
         count(*) OVER () AS total
  FROM org_unit c
  JOIN org_unit d ON d.code = c.parent_code AND d.valid_to IS NULL
  JOIN np ON np.code = d.parent_code
  WHERE c.level = 3 AND c.valid_to IS NULL
), nc AS (
  SELECT code, name, prov,
         prov || '-X' || lpad(((rn - 1) * k / n + 1)::text, 3, '0') AS new_code
  -- each province's share of the 3 229 by cumulative rounding, so that the shares add up exactly
  FROM (SELECT c.*, (round(s.upto * 3229.0 / c.total) - round((s.upto - c.n) * 3229.0 / c.total))::int AS k
        FROM comm c
        JOIN (SELECT prov, sum(count(*)) OVER (ORDER BY prov) AS upto FROM comm GROUP BY prov) s
          ON s.prov = c.prov) g
), lineage AS (
  SELECT 1 AS o, code, '2025-07-01,' || code || ',' || name || ',' || new_code || ',Xã Mới '
         || new_code || ',merge,yes' AS line FROM nc
  UNION ALL
  SELECT 2, d.code, '2025-07-01,' || d.code || ',' || d.name || ',,,dissolve,yes'
  FROM org_unit d JOIN np ON np.code = d.parent_code
  WHERE d.level = 2 AND d.valid_to IS NULL
  UNION ALL
  SELECT 3, np.code, '2025-07-01,' || np.code || ',' || np.name || ',' || np.new_code || ','
         || (SELECT p.name FROM prov p WHERE p.code = np.new_code) || ',merge,yes' FROM np
), units AS (
  SELECT DISTINCT new_code, new_code || ',Xã Mới ' || new_code || ',commune,' || prov || ',2' AS line
  FROM nc
)
SELECT line FROM lineage WHERE :'part' = 'lineage'
UNION ALL
SELECT line FROM units WHERE :'part' = 'units';
