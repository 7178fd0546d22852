#!/usr/bin/env bash
# National-scale benchmark (#14): the production jar (backend/target/quarkus-app/quarkus-run.jar)
# on its own database with the national data set (NationalData: the national union, 63 provinces,
# 705 districts, 10,598 communes — Thái Nguyên real, the rest made up — targets split down the
# tree for every year and reports for every year and half-year already over), real Keycloak
# tokens, wrk as the load generator. Every read is measured beside two floors taken in the same
# run: the trivial authenticated /api/v1/me (HTTP floor) and the rows the read needs, as plain SQL
# in psql (database floor). The machine is shared and noisy: compare ratios, not absolute times.
#
#   infra/bench/national.sh [seconds per wrk run, default 8]
#   NATIONAL_REUSE=1 infra/bench/national.sh   (the data of the previous run, no load measured)
#   DEADLINE_ONLY=1 infra/bench/national.sh    (only deadline day, below; DEADLINE_SECONDS=20)
#   REFORM_ONLY=1 NATIONAL_REUSE=1 infra/bench/national.sh
#   EXPORT_ONLY=1 NATIONAL_REUSE=1 infra/bench/national.sh   (only the largest exports, below)
#                                              (only the national reform of 01/07/2025, below: on
#                                              data not yet reformed, so after a fresh load)
#
# Reports: the load (values per second), start to ready (a second start, the data there), RSS at
# rest, under 64 connections and after; progress at national, province, district and commune
# scope at 1, 16 and 64 connections (p50/p95/p99, req/s); saving a full report and approving it
# (p95, infra/bench/approve.mjs), each approval checked in the very next national read.
# JAVA_OPTS is passed to the JVM of the measured (second) start; BENCH_JAR=path/quarkus-run.jar
# measures another build on the same data (docs/benchmarks.md, "the cost of one step": two builds
# run turn about). Deadline day also prints each step's CPU time per request, by process (backend,
# PostgreSQL, the client), read from /proc around each step: a cost, where a rate moves with the
# neighbours of a shared machine.
#
# Needs wrk (apt-get install wrk), node, a built jar (./mvnw -pl backend package -DskipTests; not
# -Dproduction, which leaves out the generator of the national data) and
# the services of infra/lib/services.sh. Stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES="$ROOT/infra/lib/services.sh"
JAR="${BENCH_JAR:-$ROOT/backend/target/quarkus-app/quarkus-run.jar}" # BENCH_JAR: another build, to compare
SECONDS_PER_RUN="${1:-8}"
KC_PORT=8183
API_PORT=8084
DB=kehoach_national
PLAN=11-KH-BCH
YEAR=2025
OUT="$ROOT/target/bench"
PASSWORD=Demo@2026-lhpn
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -pl backend package -DskipTests" >&2; exit 1; }

pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  bash "$SERVICES" keycloak-stop bench || true
}
trap cleanup EXIT

# NATIONAL_REUSE=1 keeps the data of the previous run (the load is then not measured)
[ "${NATIONAL_REUSE:-}" = 1 ] || bash "$SERVICES" reset-db "$DB"
bash "$SERVICES" keycloak-start bench "$KC_PORT"
start_backend() {
  local opts="$1"
  start=$(date +%s%N)
  # On the map of 10/04/2023, the one docs/benchmarks.md was measured on (KEHOACH_MAP_DAY=2025-07-01: today's).
  # shellcheck disable=SC2086
  KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/$DB" KEHOACH_DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}" \
    KEHOACH_OIDC_URL="http://localhost:$KC_PORT/realms/lhpn" \
    java $opts -Dquarkus.http.port="$API_PORT" -Dkehoach.national-data.enabled=true \
    -Dkehoach.rate-limit.writes-per-minute=1000000 -Dkehoach.seed.org-units.changes-until="${KEHOACH_MAP_DAY:-2023-04-10}" -jar "$JAR" \
    >>"$OUT/national-backend.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 12000); do
    curl -fsS -o /dev/null "http://localhost:$API_PORT/q/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "backend died: $OUT/national-backend.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}
rss() { ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}'; }
psql_db() { runuser -u postgres -- psql -d "$DB" -qAt "$@"; }

: >"$OUT/national-backend.log"
# the load: its own JVM options (a 3 GB heap while a year of values is resolved in memory)
start_backend "-Xmx3g"
echo "first start to ready: $ready_ms ms (the national data loaded)"
grep -E "National (units|data for)" "$OUT/national-backend.log" | sed -E 's/.*\) //' || true
kill "$pid"; wait "$pid" 2>/dev/null || true
JAVA_OPTS="${JAVA_OPTS:-}"
start_backend "$JAVA_OPTS"
echo "second start to ready: $ready_ms ms (JAVA_OPTS: ${JAVA_OPTS:-none})"
echo "RSS at rest: $(rss)"
psql_db -c "SELECT 'data: ' || (SELECT count(*) FROM org_unit) || ' unit versions, '
  || (SELECT count(*) FROM submission) || ' reports, '
  || (SELECT count(*) FROM submission_value) || ' values, '
  || (SELECT count(*) FROM target) || ' targets, '
  || (SELECT count(*) FROM rollup_total) || ' rollup rows'"

# a national reader, made here (the demo realm has none: Thái Nguyên runs without the national unit)
admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=kcadmin -d password=kcadmin \
  "http://localhost:$KC_PORT/realms/master/protocol/openid-connect/token" |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')
kc="http://localhost:$KC_PORT/admin/realms/lhpn"
curl -sS -o /dev/null -X POST "$kc/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"username\":\"tw.lanhdao\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Lãnh đạo\",
       \"lastName\":\"Trung ương Hội\",\"email\":\"tw.lanhdao@demo.lhpn.invalid\",
       \"attributes\":{\"org_unit\":[\"VN\"]},
       \"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}"
uid=$(curl -fsS "$kc/users?username=tw.lanhdao&exact=true" -H "Authorization: Bearer $admin" |
  sed -E 's/.*"id":"([^"]+)".*/\1/')
role=$(curl -fsS "$kc/roles/viewer" -H "Authorization: Bearer $admin")
curl -fsS -o /dev/null -X POST "$kc/users/$uid/role-mappings/realm" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d "[$role]"

token_of() {
  curl -fsS -d grant_type=password -d client_id=kehoach-cli -d username="$1" -d password="$PASSWORD" \
    "http://localhost:$KC_PORT/realms/lhpn/protocol/openid-connect/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
national=$(token_of tw.lanhdao)
province=$(token_of tinh.lanhdao)
district=$(token_of huyen.phobinh)
commune=$(token_of xa.huongson)
base="http://localhost:$API_PORT/api/v1"
run() {
  local name="$1" token="$2" url="$3" c="$4"
  wrk -t1 -c"$c" -d"${SECONDS_PER_RUN}s" -H "Authorization: Bearer $token" ${GZIP:+-H "Accept-Encoding: gzip"} \
    -s "$ROOT/infra/bench/percentiles.lua" "$url" | grep RESULT | sed "s/^RESULT/$name c=$c/"
}

deadline_day() {
  # Deadline day (#21): K = 1, 16, 64 reviewers (accounts of Thái Nguyên's districts, spread over
  # all of them; a plan belongs to its province) approve K commune reports at once, then reopen them; the communes save full reports and submit them
  # again, K at once (infra/bench/deadline.mjs); K=64 twice, alone and beside the reads. Beside it, in the same run: the province
  # dashboard at 16 connections while K=64 approves, the HTTP floor (/me) at 64 connections, and
  # PostgreSQL's own pgbench (TPC-B, scale 10: contended rows like a province's) at 1, 16, 64.
  echo "deadline day: K reviewers approving K different reports at once"
  psql_db -F ' ' -c "SELECT d, c FROM (
      SELECT d.code AS d, c.code AS c, row_number() OVER (PARTITION BY d.code ORDER BY c.code) AS n
      FROM org_unit d JOIN org_unit c ON c.parent_code = d.code AND c.valid_to IS NULL
      WHERE d.parent_code = '19' AND d.valid_to IS NULL AND c.level = 3 AND c.code <> '05908') x
    ORDER BY n, d LIMIT 64" >"$OUT/deadline-pairs.txt"
  local seconds="${DEADLINE_SECONDS:-20}"
  province=$(token_of tinh.lanhdao)
  run warm "$province" "$base/progress?plan=$PLAN&unit=19&year=2026" 4 >/dev/null
  run warm "$province" "$base/progress/units?plan=$PLAN&unit=19&year=2026" 4 >/dev/null
  run "  province progress, no writes" "$province" "$base/progress?plan=$PLAN&unit=19&year=2026" 16
  # then the 64 reviewers at a pace: DEADLINE_PACED approvals a second together, each rate in turn
  # (deadline.mjs)
  BENCH_DB="$DB" BENCH_BACKEND_PID="$pid" DEADLINE_PACED="${DEADLINE_PACED:-100 200}" \
    node "$ROOT/infra/bench/deadline.mjs" "$base" "http://localhost:$KC_PORT" "$PLAN" 2026-H2 \
    "$OUT/deadline-pairs.txt" "$seconds" 1 16 64 >"$OUT/deadline-1-16.txt" || deadline_failed=1
  # K=64 twice: alone (the approvals' own rate), then beside the dashboard reads below
  sed 's/^RESULT /  /; s/^  K=64 /  K=64 alone /' "$OUT/deadline-1-16.txt"
  BENCH_DB="$DB" BENCH_BACKEND_PID="$pid" node "$ROOT/infra/bench/deadline.mjs" "$base" "http://localhost:$KC_PORT" "$PLAN" 2026-H2 \
    "$OUT/deadline-pairs.txt" "$seconds" 64 >"$OUT/deadline-64.txt" &
  local writer=$!
  sleep 3
  province=$(token_of tinh.lanhdao)
  run "  province progress while K=64 approve" "$province" "$base/progress?plan=$PLAN&unit=19&year=2026" 16
  run "  province × districts while K=64 approve" "$province" "$base/progress/units?plan=$PLAN&unit=19&year=2026" 16
  wait "$writer" || deadline_failed=1
  sed 's/^RESULT /  /; s/^  K=64 /  K=64 beside the reads /' "$OUT/deadline-64.txt"
  # the 64 reviewers at 200 approvals/s together, the dashboard read beside them (its reads start
  # once the approvals have: deadline.mjs writes the file then)
  rm -f "$OUT/paced-started"
  BENCH_DB="$DB" BENCH_BACKEND_PID="$pid" DEADLINE_PACED="${DEADLINE_PACED_BESIDE:-200}" DEADLINE_PACED_ONLY=1 \
    DEADLINE_PACED_STARTED="$OUT/paced-started" \
    node "$ROOT/infra/bench/deadline.mjs" "$base" "http://localhost:$KC_PORT" "$PLAN" 2026-H2 \
    "$OUT/deadline-pairs.txt" "$seconds" 64 >"$OUT/deadline-paced.txt" &
  writer=$!
  while [ ! -s "$OUT/paced-started" ] && kill -0 "$writer" 2>/dev/null; do sleep 0.2; done
  province=$(token_of tinh.lanhdao)
  run "  province progress while 64 approve at ${DEADLINE_PACED_BESIDE:-200} a second" "$province" "$base/progress?plan=$PLAN&unit=19&year=2026" 16
  wait "$writer" || deadline_failed=1
  sed 's/^RESULT /  /; s/^  paced /  paced beside the reads /' "$OUT/deadline-paced.txt"
  run "  me (HTTP floor)" "$(token_of tw.lanhdao)" "$base/me" 64
  # the backend stopped first: pgbench's 64 connections and the backend's pool together would
  # pass PostgreSQL's default max_connections (100)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""
  echo "  pgbench floor (TPC-B, scale 10, 10 s each; a database-only write transaction):"
  runuser -u postgres -- dropdb --if-exists kehoach_pgbench
  runuser -u postgres -- createdb kehoach_pgbench
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pgbench -q -i -s 10 kehoach_pgbench >/dev/null 2>&1
  for c in 1 16 64; do
    printf '    c=%-3s ' "$c"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pgbench -n -c "$c" -j 2 -T 10 kehoach_pgbench 2>/dev/null |
      awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%s tps, latency average %s ms\n", tps, lat}'
  done
  runuser -u postgres -- dropdb kehoach_pgbench
  [ "${deadline_failed:-0}" = 0 ] || { echo "deadline day: failures or a stale read (see above)" >&2; exit 1; }
}
national_reform() {
  # The reform of 01/07/2025 for the whole country (#22): Thái Nguyên's real change sets (the five
  # mergers of 01/12/2024 first, sets apply in date order), then one national set written from the
  # data (infra/bench/national-reform.sql: 63 provinces into 34, every district dissolved, about
  # 10 400 made-up communes into 3 229, with Thái Nguyên's 92: 3 321), checked by a dry run and
  # applied through the API by an admin of the national unit, timed end to end (planning, the units
  # written, the data of closed units moved, progress rebuilt from 2025, all in one transaction);
  # then the dashboards read on the new map, beside the HTTP floor.
  echo "national reform: applying the change of the map for the whole country"
  curl -sS -o /dev/null -X POST "$kc/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"username\":\"tw.quantri\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Quản trị\",
         \"lastName\":\"Trung ương Hội\",\"email\":\"tw.quantri@demo.lhpn.invalid\",
         \"attributes\":{\"org_unit\":[\"VN\"]},
         \"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}"
  local uid role
  uid=$(curl -fsS "$kc/users?username=tw.quantri&exact=true" -H "Authorization: Bearer $admin" |
    sed -E 's/.*"id":"([^"]+)".*/\1/')
  role=$(curl -fsS "$kc/roles/admin" -H "Authorization: Bearer $admin")
  curl -fsS -o /dev/null -X POST "$kc/users/$uid/role-mappings/realm" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d "[$role]"
  local token seed="$ROOT/backend/src/main/resources/seed/org-units"
  token=$(token_of tw.quantri)
  apply_set() { # name lineage-file units-file date dry-run
    local units=()
    [ -n "$3" ] && units=(-F "units=@$3;type=text/csv")
    curl -sS -o "$OUT/reform-$1.json" -w '%{http_code} %{time_total}' -X POST \
      -H "Authorization: Bearer $token" -F "lineage=@$2;type=text/csv" "${units[@]}" \
      "$base/org-unit-change-sets?effectiveDate=$4&dryRun=$5"
  }
  read -r code secs <<<"$(apply_set 2024 "$seed/thai-nguyen-unit-changes.csv" "" 2024-12-01 false)"
  echo "  Thái Nguyên 01/12/2024: HTTP $code in ${secs} s"
  { head -n 1 "$seed/thai-nguyen-unit-changes.csv"; grep '^2025-07-01,' "$seed/thai-nguyen-unit-changes.csv"
    psql_db -v part=lineage -f "$ROOT/infra/bench/national-reform.sql"; } >"$OUT/reform-lineage.csv"
  { cat "$seed/thai-nguyen-units-2025.csv"
    psql_db -v part=units -f "$ROOT/infra/bench/national-reform.sql"; } >"$OUT/reform-units.csv"
  echo "  the national set: $(($(wc -l <"$OUT/reform-lineage.csv") - 1)) lineage rows, $(($(wc -l <"$OUT/reform-units.csv") - 1)) units of the new state"
  read -r code secs <<<"$(apply_set dry "$OUT/reform-lineage.csv" "$OUT/reform-units.csv" 2025-07-01 true)"
  echo "  dry run: HTTP $code in ${secs} s; $(node -e 'const r=require(process.argv[1]);console.log(JSON.stringify(r.summary ?? r.title ?? r), "problems:", (r.problems ?? []).length)' "$OUT/reform-dry.json" | cut -c1-400)"
  read -r code secs <<<"$(apply_set apply "$OUT/reform-lineage.csv" "$OUT/reform-units.csv" 2025-07-01 false)"
  echo "  apply: HTTP $code in ${secs} s (target ≤ 60 s, progress rebuilt included)"
  node -e 'const r=require(process.argv[1]);const h=r.data??[];console.log("  data of closed units: " + h.reduce((a,x)=>a+x.count,0) + " held, " + h.reduce((a,x)=>a+(x.moved??0),0) + " moved to a one-to-one successor")' "$OUT/reform-apply.json" || true
  psql_db -c "SELECT '  after: ' || count(*) FILTER (WHERE level = 1) || ' provinces, '
      || count(*) FILTER (WHERE level = 2 AND type IN ('commune', 'ward', 'township')) || ' communes at level 2, '
      || count(*) FILTER (WHERE level = 3) || ' units at level 3, valid on 2025-07-01'
    FROM org_unit WHERE valid_from <= DATE '2025-07-01' AND (valid_to IS NULL OR valid_to >= DATE '2025-07-01')"
  national=$(token_of tw.lanhdao)
  run warm "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=2026" 4 >/dev/null
  for c in 1 16; do
    run "  me (HTTP floor)            " "$national" "$base/me" "$c"
    run "  national × 34 provinces    " "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=2026" "$c"
    run "  national progress          " "$national" "$base/progress?plan=$PLAN&unit=VN&year=2026" "$c"
    run "  province × 94 units (19)   " "$national" "$base/progress/units?plan=$PLAN&unit=19&year=2026" "$c"
  done
}

largest_exports() {
  # Exports (#29): the largest workbooks a user may ask for, as the national reader, one after the
  # other: a province with all its units (189 sheets), the 63 provinces (64 sheets), and "all units"
  # of the country (11 369 sheets), which is refused with a reason unless JAVA_OPTS raises
  # -Dkehoach.exports.max-sheets (then it is written: the streaming workbook's bound). Each is
  # timed from the request to the file, with the instance's RSS and peak RSS (VmHWM) before and after.
  echo "exports: the largest workbooks, one at a time (JAVA_OPTS: ${JAVA_OPTS:-none})"
  local province_all id state job code started hwm_before
  province_all=$(psql_db -c "SELECT p.code FROM org_unit p WHERE p.parent_code = 'VN' AND p.valid_to IS NULL ORDER BY p.code LIMIT 1")
  for request in "$province_all all" "VN children" "VN all"; do
    set -- $request
    national=$(token_of tw.lanhdao)
    hwm_before=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")
    started=$(date +%s%N)
    code=$(curl -sS -o "$OUT/export-start.json" -w '%{http_code}' -X POST "$base/exports" \
      -H "Authorization: Bearer $national" -H 'Content-Type: application/json' \
      -d "{\"plan\":\"$PLAN\",\"unit\":\"$1\",\"period\":\"$YEAR\",\"units\":\"$2\"}")
    if [ "$code" != 202 ]; then
      printf '  %s %s: %s in %s ms: %s\n' "$1" "$2" "$code" "$(( ($(date +%s%N) - started) / 1000000 ))" \
        "$(sed -E 's/.*"detail":"([^"]+)".*/\1/' "$OUT/export-start.json")"
      continue
    fi
    id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$OUT/export-start.json")
    state=queued
    while [ "$state" = queued ] || [ "$state" = running ]; do
      sleep 0.5
      job=$(curl -fsS "$base/exports/$id" -H "Authorization: Bearer $(token_of tw.lanhdao)")
      state=$(printf '%s' "$job" | sed -E 's/.*"state":"([^"]+)".*/\1/')
    done
    curl -fsS -o "$OUT/export-$1-$2.xlsx" "$base/exports/$id/file" -H "Authorization: Bearer $(token_of tw.lanhdao)"
    printf '  %s %s: %s, %s sheets, %s ms to the file (%s KB); RSS %s, peak RSS %s before, %s after\n' \
      "$1" "$2" "$state" "$(printf '%s' "$job" | sed -E 's/.*"total":([0-9]+).*/\1/')" \
      "$(( ($(date +%s%N) - started) / 1000000 ))" "$(( $(stat -c %s "$OUT/export-$1-$2.xlsx") / 1024 ))" \
      "$(rss)" "$hwm_before" "$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
  done
}

if [ "${EXPORT_ONLY:-}" = 1 ]; then
  largest_exports
  exit 0
fi
if [ "${DEADLINE_ONLY:-}" = 1 ]; then
  deadline_day
  exit 0
fi
if [ "${REFORM_ONLY:-}" = 1 ]; then
  national_reform
  exit 0
fi

# the numbers are right before they are fast: every item's national figure equals the approved
# figures of every unit added up in SQL (counts: the sum; percentages: the mean; activities: the
# units that did it)
echo "check: national progress against SQL"
curl -fsS -H "Authorization: Bearer $national" "$base/progress?plan=$PLAN&unit=VN&year=$YEAR" >"$OUT/national-progress.json"
psql_db -F ' ' -c "SELECT i.item_key, CASE i.measure_type
    WHEN 'count' THEN sum(v.approved_number)
    WHEN 'percentage' THEN round(avg(v.approved_number), 2)
    ELSE count(*) FILTER (WHERE v.approved_status = 'done') END
  FROM unit_year_value v JOIN plan_item i ON i.id = v.plan_item_id
  WHERE v.year = $YEAR AND v.approved_sources IS NOT NULL GROUP BY i.item_key, i.measure_type" \
  >"$OUT/national-sql.txt"
node -e '
  const fs = require("fs");
  const api = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const sql = new Map(fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => l.split(" ")));
  const bad = api.items.filter((i) => Math.abs(Number(i.subtree.value ?? 0) - Number(sql.get(i.itemKey) ?? 0)) > 0.005);
  for (const i of bad) console.error(`  ${i.itemKey}: API ${i.subtree.value}, SQL ${sql.get(i.itemKey)}`);
  console.log(`  ${api.items.length - bad.length}/${api.items.length} items equal (${[...new Set(api.items.map((i) => i.measure))].join(", ")})`);
  process.exit(bad.length ? 1 : 0);
' "$OUT/national-progress.json" "$OUT/national-sql.txt"

echo "warm-up"
run warm "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=$YEAR" 4 >/dev/null
run warm "$province" "$base/progress/units?plan=$PLAN&unit=19&year=$YEAR" 4 >/dev/null
sampler=""
for c in 1 16 64; do
  if [ "$c" = 64 ]; then
    (sleep $((SECONDS_PER_RUN / 2)); echo "RSS under load (c=64): $(rss)") &
    sampler=$!
  fi
  run "me (HTTP floor)                  " "$national" "$base/me" "$c"
  run "national × 63 provinces          " "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=$YEAR" "$c"
  GZIP=1 run "national × 63 provinces, gzip    " "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=$YEAR" "$c"
  run "national progress                " "$national" "$base/progress?plan=$PLAN&unit=VN&year=$YEAR" "$c"
  run "province × districts             " "$province" "$base/progress/units?plan=$PLAN&unit=19&year=$YEAR" "$c"
  run "province progress                " "$province" "$base/progress?plan=$PLAN&unit=19&year=$YEAR" "$c"
  run "district × communes              " "$district" "$base/progress/units?plan=$PLAN&unit=173&year=$YEAR" "$c"
  run "commune progress                 " "$commune" "$base/progress?plan=$PLAN&unit=05908&year=$YEAR" "$c"
done
wait "$sampler" 2>/dev/null || true
echo "SQL floor (psql, 5 runs each, the last):"
floor() {
  local name="$1" sql="$2"
  printf '  %-44s' "$name"
  psql_db -c '\timing on' -c "$sql" -c "$sql" -c "$sql" -c "$sql" -c "$sql" | grep -i '^time' | tail -1
}
# what progress reads for a unit: its rollup rows (the units below it) and its own figures (V33)
floor "rollup rows, the 63 provinces × items" \
  "SELECT (SELECT count(*) FROM rollup_total WHERE year = $YEAR AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = 'VN')) + (SELECT count(*) FROM unit_year_value WHERE year = $YEAR AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = 'VN'))"
floor "rollup rows, province 19 × items" \
  "SELECT (SELECT count(*) FROM rollup_total WHERE year = $YEAR AND unit_code = '19') + (SELECT count(*) FROM unit_year_value WHERE year = $YEAR AND unit_code = '19')"
floor "rollup rows, province 19's districts × items" \
  "SELECT (SELECT count(*) FROM rollup_total WHERE year = $YEAR AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = '19')) + (SELECT count(*) FROM unit_year_value WHERE year = $YEAR AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = '19'))"
floor "raw values summed by province × item" \
  "SELECT pr.code, v.plan_item_id, sum(v.approved_number) FROM unit_year_value v
   JOIN org_unit c ON c.code = v.unit_code AND c.level = 3 JOIN org_unit d ON d.code = c.parent_code
   JOIN org_unit pr ON pr.code = d.parent_code WHERE v.year = $YEAR GROUP BY 1, 2"
floor "raw values summed for province 19 × item" \
  "SELECT v.plan_item_id, sum(v.approved_number) FROM unit_year_value v
   JOIN org_unit c ON c.code = v.unit_code AND c.level = 3 JOIN org_unit d ON d.code = c.parent_code
   WHERE d.parent_code = '19' AND v.year = $YEAR GROUP BY 1"

echo "saving a full report and approving it (commune 05908, reviewer huyen.phobinh):"
national=$(token_of tw.lanhdao)
district=$(token_of huyen.phobinh)
commune=$(token_of xa.huongson)
node "$ROOT/infra/bench/approve.mjs" "$base" "$PLAN" 2026-H2 05908 "$commune" "$district" "$national" "${APPROVE_ROUNDS:-100}" |
  sed 's/^RESULT /  /;s/^live/  live/'

# the reads again while approvals go on: every approval moves the data's revision, so the kept
# answers are read again from the rollups (the cost of "live" under writes)
echo "reads while a commune's report is saved, approved and reopened again and again:"
national=$(token_of tw.lanhdao)
province=$(token_of tinh.lanhdao)
node "$ROOT/infra/bench/approve.mjs" "$base" "$PLAN" 2026-H2 05908 "$commune" "$district" "$national" 100000 \
  >"$OUT/national-approvals.log" 2>&1 &
writer=$!
sleep 2
approvals() { psql_db -c "SELECT count(*) FROM submission_event WHERE kind = 'approve' AND actor <> 'du-lieu-mau'"; }
approved_before=$(approvals); mixed_start=$(date +%s)
run "national × 63 provinces, approving" "$national" "$base/progress/units?plan=$PLAN&unit=VN&year=2026" 16
run "province × districts, approving  " "$province" "$base/progress/units?plan=$PLAN&unit=19&year=2026" 16
run "province progress, approving     " "$province" "$base/progress?plan=$PLAN&unit=19&year=2026" 16
approved_after=$(approvals); mixed_seconds=$(( $(date +%s) - mixed_start ))
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true
echo "  meanwhile $((approved_after - approved_before)) approvals in $mixed_seconds s, each followed by a national read"
echo "RSS after the runs: $(rss)"

deadline_day
