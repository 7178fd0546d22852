#!/usr/bin/env bash
# Progress benchmark: the production jar (backend/target/quarkus-app/quarkus-run.jar) on its own
# database with the demo history (Thái Nguyên: 190 units, every period over), real Keycloak tokens,
# wrk as the load generator. Every endpoint is measured beside two floors taken in the same run:
# the trivial authenticated endpoint /api/v1/me (the HTTP floor) and the same read as plain SQL in
# psql (the database floor). This machine is shared and noisy: compare ratios, not absolute times.
#
#   infra/bench/progress.sh [seconds per run, default 10]
#
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"). Besides the reads
# at 1, 16 and 64 connections it reports start-to-ready (a second start, the demo history already
# there) and the backend's RSS at rest and under the 64-connection load.
#
# Needs wrk (apt-get install wrk), a built jar (./mvnw -pl backend package -DskipTests), and the
# services of infra/lib/services.sh. Stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES="$ROOT/infra/lib/services.sh"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
SECONDS_PER_RUN="${1:-10}"
KC_PORT=8183
API_PORT=8084
DB=kehoach_bench
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -pl backend package -DskipTests" >&2; exit 1; }

pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  bash "$SERVICES" keycloak-stop bench || true
}
trap cleanup EXIT

bash "$SERVICES" reset-db "$DB"
bash "$SERVICES" keycloak-start bench "$KC_PORT"
JAVA_OPTS="${JAVA_OPTS:-}"
start_backend() {
  start=$(date +%s%N)
  # On the map of 10/04/2023, the one docs/benchmarks.md was measured on (KEHOACH_MAP_DAY=2025-07-01: today's).
  # shellcheck disable=SC2086
  KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/$DB" KEHOACH_DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}" \
    KEHOACH_OIDC_URL="http://localhost:$KC_PORT/realms/lhpn" \
    java $JAVA_OPTS -Dquarkus.http.port="$API_PORT" -Dkehoach.demo-history.enabled=true -Dkehoach.seed.org-units.changes-until="${KEHOACH_MAP_DAY:-2023-04-10}" -jar "$JAR" \
    >>"$OUT/backend.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://localhost:$API_PORT/q/health/ready" 2>/dev/null && break
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}
rss() { ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}'; }
: >"$OUT/backend.log"
start_backend
echo "first start to ready: $ready_ms ms (the demo history generated)"
kill "$pid"; wait "$pid" 2>/dev/null || true
start_backend
echo "second start to ready: $ready_ms ms (JAVA_OPTS: ${JAVA_OPTS:-none})"
echo "RSS at rest: $(rss)"

token=$(curl -fsS -d grant_type=password -d client_id=kehoach-cli -d username=tinh.lanhdao \
  -d password=Demo@2026-lhpn "http://localhost:$KC_PORT/realms/lhpn/protocol/openid-connect/token" |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')
year=2025
base="http://localhost:$API_PORT/api/v1"
run() {
  local name="$1" url="$2" c="$3"
  wrk -t1 -c"$c" -d"${SECONDS_PER_RUN}s" -H "Authorization: Bearer $token" \
    -s "$ROOT/infra/bench/percentiles.lua" "$url" | grep RESULT | sed "s/^RESULT/$name c=$c/"
}
echo "warm-up"; run warm "$base/progress?plan=11-KH-BCH&unit=19&year=$year" 4 >/dev/null
for c in 1 16 64; do
  if [ "$c" = 64 ]; then
    (sleep $((SECONDS_PER_RUN / 2)); echo "RSS under load (c=64): $(rss)") &
    sampler=$!
  fi
  run "me (HTTP floor)        " "$base/me" "$c"
  run "province progress      " "$base/progress?plan=11-KH-BCH&unit=19&year=$year" "$c"
  run "province × districts   " "$base/progress/units?plan=11-KH-BCH&unit=19&year=$year" "$c"
  run "province completeness  " "$base/progress/completeness?plan=11-KH-BCH&unit=19&period=$year-H2" "$c"
  run "province term          " "$base/progress/term?plan=11-KH-BCH&unit=19" "$c"
  run "allocation overview    " "$base/targets/overview?plan=11-KH-BCH&unit=19&year=$year" "$c"
done
echo "SQL floor (psql, the rows the province dashboard reads: rollup rows and own figures, V33):"
runuser -u postgres -- psql -d "$DB" -qAt -c '\timing on' -c \
  "SELECT (SELECT count(*) FROM rollup_total WHERE year = $year AND unit_code = '19') + (SELECT count(*) FROM unit_year_value WHERE year = $year AND unit_code = '19')" \
  -c "SELECT (SELECT count(*) FROM rollup_total WHERE year = $year AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = '19')) + (SELECT count(*) FROM unit_year_value WHERE year = $year AND unit_code IN (SELECT code FROM org_unit WHERE parent_code = '19'))" |
  grep -i time
wait "$sampler" 2>/dev/null || true
echo "RSS after the runs: $(rss)"
