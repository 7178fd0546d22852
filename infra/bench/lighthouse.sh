#!/usr/bin/env bash
# Lighthouse (performance, accessibility) on the dashboard and the report entry page, logged in:
# the production jar with Thái Nguyên's demo history on its own database, Keycloak, the built SPA
# served by `vite preview` (gzip, the headers nginx serves), Lighthouse 12.2.3 from npm installed
# under target/bench (not a project dependency), Debian's Chromium.
#
#   infra/bench/lighthouse.sh
#
# Needs the jar (./mvnw -pl backend package -DskipTests), the built SPA (cd frontend && npm ci &&
# npm run build) and the services of infra/lib/services.sh. Stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES="$ROOT/infra/lib/services.sh"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
KC_PORT=8183
API_PORT=8084
WEB_PORT=5175
DB=kehoach_lighthouse
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -pl backend package -DskipTests" >&2; exit 1; }
[ -f "$ROOT/frontend/dist/index.html" ] || { echo "build the SPA first: cd frontend && npm run build" >&2; exit 1; }
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  bash "$SERVICES" keycloak-stop bench || true
}
trap cleanup EXIT
wait_for() {
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$1 did not come up" >&2; exit 1
}

if [ ! -f "$OUT/lighthouse/node_modules/lighthouse/package.json" ]; then
  echo "installing lighthouse@12.2.3 under $OUT/lighthouse"
  mkdir -p "$OUT/lighthouse"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$OUT/lighthouse" --no-audit --no-fund --loglevel=error \
    lighthouse@12.2.3 >/dev/null
fi

bash "$SERVICES" reset-db "$DB"
bash "$SERVICES" keycloak-start bench "$KC_PORT" "http://localhost:$WEB_PORT"
# On the map of 10/04/2023, the one docs/benchmarks.md was measured on (KEHOACH_MAP_DAY=2025-07-01: today's).
KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/$DB" KEHOACH_DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}" \
  KEHOACH_OIDC_URL="http://localhost:$KC_PORT/realms/lhpn" KEHOACH_WEB_ORIGINS="http://localhost:$WEB_PORT" \
  setsid java -Dquarkus.http.port="$API_PORT" -Dkehoach.demo-history.enabled=true -Dkehoach.seed.org-units.changes-until="${KEHOACH_MAP_DAY:-2023-04-10}" -jar "$JAR" \
  >"$OUT/lighthouse-backend.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$API_PORT/q/health/ready"
(
  cd "$ROOT/frontend"
  KEHOACH_API_URL="http://localhost:$API_PORT" KEHOACH_OIDC_AUTHORITY="http://localhost:$KC_PORT/realms/lhpn" \
    exec setsid node_modules/.bin/vite preview --port "$WEB_PORT" --strictPort
) >"$OUT/lighthouse-web.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$WEB_PORT/config.json"

node "$ROOT/infra/bench/lighthouse.mjs" "http://localhost:$WEB_PORT" "$OUT"
echo "reports: $OUT/lighthouse-dashboard.html, $OUT/lighthouse-report-entry.html"
