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
MAIL_SMTP_PORT=3225
MAIL_API_PORT=8225
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
  bash "$SERVICES" mail-stop e2e || true
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
# The reminders' mails go to a mail catcher the stories read (notices.spec.ts).
bash "$SERVICES" mail-start e2e "$MAIL_SMTP_PORT" "$MAIL_API_PORT"

# Two instances on one database: the SPA talks to the first, twin.spec.ts to both. Both start on
# the map of 10/04/2023, the one the stories are written on (a production start is on today's).
# Both run the reminders every 10 s (15 min in production), so they race for the same ones.
start_backend() {
  local port="$1" log="$2"
  echo "[e2e] starting backend on :$port" >&2
  KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/kehoach_e2e" \
    KEHOACH_DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}" \
    KEHOACH_OIDC_URL="http://localhost:$KC_PORT/realms/lhpn" \
    KEHOACH_KEYCLOAK_URL="http://localhost:$KC_PORT" \
    KEHOACH_ADMIN_SECRET=demo-admin-secret \
    KEHOACH_WEB_ORIGINS="http://localhost:$WEB_PORT" \
    KEHOACH_WEB_URL="http://localhost:$WEB_PORT" \
    KEHOACH_SMTP_PORT="$MAIL_SMTP_PORT" \
    setsid java -Dquarkus.http.port="$port" -Dkehoach.seed.org-units.changes-until=2023-04-10 \
    -Dkehoach.reminders.every=10s -Dkehoach.reminders.delayed=2s \
    -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
  wait_for "http://localhost:$port/q/health/ready" "backend :$port" "$log"
}
start_backend "$API_PORT" "$LOGS/backend.log"
start_backend "$API2_PORT" "$LOGS/backend-2.log"
backends=("${pids[@]}")

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
playwright() {
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 E2E_BASE_URL="http://localhost:$WEB_PORT" \
    E2E_API_A="http://localhost:$API_PORT" E2E_API_B="http://localhost:$API2_PORT" \
    E2E_KEYCLOAK="http://localhost:$KC_PORT" E2E_MAIL="http://localhost:$MAIL_API_PORT" \
    node_modules/.bin/playwright test "$@"
}
# How many of the tests a project holds the arguments select (a spec, -g …).
selected() {
  local n
  n=$(playwright --list "$@" 2>/dev/null | sed -n 's/^Total: \([0-9]*\) tests\? in.*/\1/p' | tail -n 1 || true)
  [ "${n:-0}" -gt 0 ]
}

# A CI log shows only what is printed: when a story fails, the servers' own warnings and errors
# (and their last lines) go with it; the whole logs, traces and screenshots stay in target/e2e.
servers_said() {
  local f
  for f in "$LOGS"/backend*.log; do
    [ -f "$f" ] || continue
    echo "[e2e] $(basename "$f"): its warnings and errors, then its last lines" >&2
    { grep -E '^[0-9-]+ [0-9:,]+ +(WARN|ERROR) ' "$f" | tail -n 25; tail -n 15 "$f"; } \
      | cut -c1-400 | sed "s|^|  |" >&2
  done
}

# The stories on the map the seed starts from (10/04/2023), on a desktop and on a phone.
if selected --project=desktop --project=phone "$@"; then
  playwright --project=desktop --project=phone "$@" || { servers_said; exit 1; }
fi

# The reform journey (e2e/reform/) applies the 2024 and 2025 change sets, after which the map of
# 2023 is gone for good: it runs last, on a database of its own (made afresh, one backend).
if selected --project=reform "$@"; then
  for pid in "${backends[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bash "$SERVICES" reset-db kehoach_e2e
  start_backend "$API_PORT" "$LOGS/backend-reform.log"
  playwright --project=reform "$@" || { servers_said; exit 1; }
fi
