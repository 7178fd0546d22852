#!/usr/bin/env bash
# End-to-end tests against the real stack: the machine's PostgreSQL (database kehoach_e2e, created
# empty), Keycloak (instance "test" on :8181, realm lhpn + demo users), the backend jar built by
# the backend module (:8082, and a second instance on :8083 on the same database for twin.spec.ts)
# and the built SPA served by `vite preview` (:5174, proxying /api to the first).
# Playwright drives Debian's Chromium. Everything started here is stopped on exit, pass or fail.
set -euo pipefail

FRONTEND="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$FRONTEND/.." && pwd)"
SERVICES="$ROOT/infra/lib/services.sh"
KC_PORT=8181
API_PORT=8082
API2_PORT=8083
WEB_PORT=5174
LOGS="$FRONTEND/target/e2e"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
mkdir -p "$LOGS"

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  bash "$SERVICES" keycloak-stop test || true
}
trap cleanup EXIT

wait_for() {
  local url="$1" what="$2" log="$3"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  echo "[e2e] $what did not come up at $url; its log:" >&2
  tail -n 60 "$log" >&2
  exit 1
}

[ -x /usr/bin/chromium ] || { echo "[e2e] /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "[e2e] $JAR is missing: build the backend first (./mvnw verify from the root)" >&2; exit 1; }

bash "$SERVICES" reset-db kehoach_e2e
bash "$SERVICES" keycloak-start test "$KC_PORT" "http://localhost:$WEB_PORT"

# Two instances on one database: the SPA talks to the first, twin.spec.ts to both.
start_backend() {
  local port="$1" log="$2"
  echo "[e2e] starting backend on :$port" >&2
  KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/kehoach_e2e" \
    KEHOACH_DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}" \
    KEHOACH_OIDC_URL="http://localhost:$KC_PORT/realms/lhpn" \
    KEHOACH_KEYCLOAK_URL="http://localhost:$KC_PORT" \
    KEHOACH_ADMIN_SECRET=demo-admin-secret \
    KEHOACH_WEB_ORIGINS="http://localhost:$WEB_PORT" \
    setsid java -Dquarkus.http.port="$port" -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
  wait_for "http://localhost:$port/q/health/ready" "backend :$port" "$log"
}
start_backend "$API_PORT" "$LOGS/backend.log"
start_backend "$API2_PORT" "$LOGS/backend-2.log"

echo "[e2e] serving the SPA on :$WEB_PORT" >&2
(
  cd "$FRONTEND"
  KEHOACH_API_URL="http://localhost:$API_PORT" \
    KEHOACH_OIDC_AUTHORITY="http://localhost:$KC_PORT/realms/lhpn" \
    exec setsid node_modules/.bin/vite preview --port "$WEB_PORT" --strictPort
) >"$LOGS/web.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$WEB_PORT/config.json" "SPA" "$LOGS/web.log"

cd "$FRONTEND"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 E2E_BASE_URL="http://localhost:$WEB_PORT" \
  E2E_API_A="http://localhost:$API_PORT" E2E_API_B="http://localhost:$API2_PORT" \
  E2E_KEYCLOAK="http://localhost:$KC_PORT" \
  node_modules/.bin/playwright test "$@"
