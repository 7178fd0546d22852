#!/usr/bin/env bash
# Runs the whole system locally, without Docker: PostgreSQL (the machine's), Keycloak (from
# Maven Central, realm lhpn with the demo users), the backend in Quarkus dev mode on :8080 and
# the built SPA on :5173 (`vite preview`: no dev server's first-start optimizer to wait for; for
# hot reload while changing the SPA, run `npm run dev` in frontend/ instead). Before it prints the
# URLs, a browser opens the SPA, logs in and sees the overview (infra/check/run-check.mjs).
# Ctrl-C stops all of it (PostgreSQL, a machine service, keeps running).
#   --check   start, check in the browser, stop: exit 0 only if a newcomer would see it work (on a
#             database of its own, kehoach_check, made afresh: a newcomer's first start)
#   --fresh   drop the local database (kehoach) first: the first start again, on the map of today
#             with the demo history (the units and the history are loaded into an empty database only)
set -euo pipefail

CHECK_ONLY=0
FRESH=0
case "${1:-}" in
  --check) CHECK_ONLY=1 ;;
  --fresh) FRESH=1 ;;
  "") ;;
  *) echo "usage: $0 [--check | --fresh]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES="$ROOT/infra/lib/services.sh"
LOGS="$ROOT/target/run"
mkdir -p "$LOGS"

pids=()
stopping=0
say() { printf '%s\n' "$*" 2>/dev/null || true; }
cleanup() {
  [ "$stopping" = 1 ] && return
  stopping=1
  # Stopping must finish even if the terminal or a pipe reading our output is gone.
  trap '' PIPE INT TERM HUP
  say "[run] stopping…"
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash "$SERVICES" keycloak-stop run >/dev/null 2>&1 || true
  bash "$SERVICES" mail-stop run >/dev/null 2>&1 || true
  say "[run] stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

wait_for() {
  local url="$1" what="$2" log="$3" seconds="${4:-300}"
  for _ in $(seq 1 "$seconds"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    # Quarkus dev mode stays alive after a failed start, waiting for a fix: say so at once.
    if grep -q "Failed to start quarkus" "$log" 2>/dev/null; then
      echo "[run] $what failed to start; from $log:" >&2
      grep -E "Caused by|ERROR" "$log" | tail -n 8 >&2
      exit 1
    fi
    sleep 1
  done
  echo "[run] $what did not come up at $url; see $log" >&2
  tail -n 40 "$log" >&2
  exit 1
}

DB=kehoach
[ "$CHECK_ONLY" = 1 ] && DB=kehoach_check
bash "$SERVICES" postgres "$DB"
if [ "$CHECK_ONLY" = 1 ] || [ "$FRESH" = 1 ]; then
  bash "$SERVICES" reset-db "$DB"
fi

# Keycloak and the SPA's dependencies are prepared while the backend starts.
setsid bash "$SERVICES" keycloak-start run 8180 http://localhost:5173 >"$LOGS/keycloak-start.log" 2>&1 &
kc_starter=$!

(
  cd "$ROOT/frontend"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefer-offline --no-audit --no-fund
  fi
  npm run generate:api
) >"$LOGS/frontend-setup.log" 2>&1 || { cat "$LOGS/frontend-setup.log"; exit 1; }

# The reminders' mails go to a local catcher (GreenMail): nothing leaves the machine.
bash "$SERVICES" mail-start run 3025 8025 2>>"$LOGS/mail.log"

# Dev mode adds Qute's template debugger (the mailer brings Qute) as a dev-only dependency of the
# same version as Quarkus. Some Maven Central mirrors lack its 3.33.2 build (this machine's did,
# 2026-12-06); the nearest one stands in for it in the local repository, where it is only ever
# loaded to debug templates, which this project has none of (quarkus.qute.debug.enabled=false).
if ! "$ROOT/mvnw" -q -B -N dependency:get -Dtransitive=false \
  -Dartifact=io.quarkus.qute:qute-debug:3.33.2 >"$LOGS/qute-debug.log" 2>&1; then
  repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/io/quarkus/qute/qute-debug"
  "$ROOT/mvnw" -q -B -N dependency:get -Dartifact=io.quarkus.qute:qute-debug:3.32.1 \
    >>"$LOGS/qute-debug.log" 2>&1 || { cat "$LOGS/qute-debug.log"; exit 1; }
  # its own POM (its dependencies with it) as version 3.33.2; the application's qute-core wins
  sed -e 's#<artifactId>qute-debug</artifactId>#&<version>3.33.2</version>#' \
    "$repo/3.32.1/qute-debug-3.32.1.pom" >"$LOGS/qute-debug-3.33.2.pom"
  "$ROOT/mvnw" -q -B -N install:install-file -Dfile="$repo/3.32.1/qute-debug-3.32.1.jar" \
    -DpomFile="$LOGS/qute-debug-3.33.2.pom" >>"$LOGS/qute-debug.log" 2>&1 \
    || { cat "$LOGS/qute-debug.log"; exit 1; }
  echo "[run] qute-debug 3.33.2 is not on this Maven mirror: 3.32.1 stands in for it (dev mode only)"
fi

echo "[run] starting the backend (Quarkus dev mode, log: target/run/backend.log)"
(
  cd "$ROOT"
  KEHOACH_DB_URL="jdbc:postgresql://localhost:5432/$DB" \
    exec setsid ./mvnw -q -B -pl backend quarkus:dev -Dquarkus.console.enabled=false \
    -Dquarkus.oidc.connection-delay=120S -Dspotless.skip=true
) >"$LOGS/backend.log" 2>&1 &
pids+=($!)

echo "[run] building and serving the SPA (log: target/run/frontend.log)"
(
  cd "$ROOT/frontend"
  npm run -s build
  KEHOACH_API_URL=http://localhost:8080 KEHOACH_OIDC_AUTHORITY=http://localhost:8180/realms/lhpn \
    exec setsid node_modules/.bin/vite preview --port 5173 --strictPort
) >"$LOGS/frontend.log" 2>&1 &
pids+=($!)

wait "$kc_starter" || { cat "$LOGS/keycloak-start.log"; exit 1; }
wait_for "http://localhost:8080/q/health/ready" backend "$LOGS/backend.log"
wait_for "http://localhost:5173/config.json" SPA "$LOGS/frontend.log"
node "$ROOT/infra/check/run-check.mjs" http://localhost:5173 || {
  echo "[run] the SPA does not work in a browser; logs in target/run/" >&2
  exit 1
}
[ "$CHECK_ONLY" = 1 ] && exit 0

cat <<TXT

  Kế hoạch toàn khóa is running.

  SPA (đăng nhập ở đây / log in here)  http://localhost:5173
  API                                  http://localhost:8080/api/v1/me
  OpenAPI                              http://localhost:8080/q/openapi
  Keycloak (realm lhpn)                http://localhost:8180/admin  (console: kcadmin / kcadmin)
  Mails sent (reminders), per address  http://localhost:8025/api/user/xa.huongson@demo.lhpn.invalid/messages/

  Demo accounts, password Demo@2026-lhpn:
    admin          admin                          19    Tỉnh Thái Nguyên
    tinh.canbo     planner, reviewer, viewer      19    Tỉnh Thái Nguyên
    tinh.lanhdao   viewer                         19    Tỉnh Thái Nguyên
    huyen.daitu    reporter, reviewer, planner    171   Huyện Đại Từ
    huyen.phobinh  reporter, reviewer, planner    173   Huyện Phú Bình
    xa.hungson     reporter                       05761 Thị trấn Hùng Sơn
    xa.phucluong   reporter                       05767 Xã Phúc Lương
    xa.huongson    reporter                       05908 Thị trấn Hương Sơn

  Ctrl-C stops everything.
TXT

wait -n "${pids[@]}" || true
echo "[run] a process ended; see target/run/*.log" >&2
