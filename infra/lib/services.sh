#!/usr/bin/env bash
# Starts and stops the services the system needs on a machine without Docker:
# the machine's PostgreSQL and a Keycloak unpacked from its distribution on Maven Central.
# Used by infra/run.sh (the local run) and by the tests (backend test resource, frontend e2e).
#
#   services.sh postgres DB...                     PostgreSQL running; role kehoach and DBs exist
#   services.sh reset-db DB...                     as above, the DBs dropped and created empty
#   services.sh keycloak-start NAME PORT [WEB_URL] Keycloak instance NAME on PORT, realm lhpn with demo data
#   services.sh keycloak-stop NAME                 stops instance NAME (no error when not running)
#   services.sh mail-start NAME SMTP_PORT API_PORT a mail catcher (GreenMail) NAME: SMTP on SMTP_PORT,
#                                                  what it caught on http://localhost:API_PORT
#   services.sh mail-stop NAME                     stops it (no error when not running)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_VERSION="26.7.3"
GREENMAIL_VERSION="2.1.13"
CACHE="${KEHOACH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kehoach}"
DB_USER="${KEHOACH_DB_USER:-kehoach}"
DB_PASSWORD="${KEHOACH_DB_PASSWORD:-kehoach}"

log() { printf '[services] %s\n' "$*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    log "PostgreSQL is not installed; installing Debian's package"
    [ "$(id -u)" = 0 ] || { log "run as root or install postgresql yourself"; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local line ver name status
  line=$(pg_lsclusters -h | head -n 1)
  [ -n "$line" ] || { log "no PostgreSQL cluster found (pg_createcluster)"; exit 1; }
  read -r ver name _port status _rest <<<"$line"
  if [ "$status" != "online" ]; then
    log "starting PostgreSQL $ver/$name"
    pg_ctlcluster "$ver" "$name" start
  fi
  for _ in $(seq 1 30); do
    as_postgres psql -qtAc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
  done
  if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")" != 1 ]; then
    log "creating role $DB_USER"
    as_postgres psql -qc "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'"
  fi
  local db
  for db in "$@"; do
    if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$db'")" != 1 ]; then
      log "creating database $db"
      as_postgres psql -qc "CREATE DATABASE \"$db\" OWNER \"$DB_USER\" ENCODING 'UTF8' TEMPLATE template0"
    fi
  done
}

# Drops and recreates a database (test runs start from nothing).
reset_db() {
  ensure_postgres
  local db
  for db in "$@"; do
    as_postgres psql -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  done
  ensure_postgres "$@"
}

# The distribution zip comes from Maven Central through the project's Maven wrapper.
keycloak_zip() {
  local repo zip
  repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  zip="$repo/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [ ! -f "$zip" ]; then
    log "downloading Keycloak $KC_VERSION from Maven Central"
    "$ROOT/mvnw" -q -N dependency:get -Dtransitive=false \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" >&2
  fi
  echo "$zip"
}

keycloak_home() { echo "$CACHE/keycloak-$KC_VERSION-$1"; }

keycloak_start() {
  local name="$1" port="$2" web_url="${3:-http://localhost:5173}"
  local home pidfile
  home=$(keycloak_home "$name")
  pidfile="$home/kehoach.pid"
  keycloak_stop "$name"
  if [ ! -x "$home/bin/kc.sh" ]; then
    local zip tmp
    zip=$(keycloak_zip)
    tmp=$(mktemp -d "$CACHE.unpack.XXXX" 2>/dev/null || { mkdir -p "$CACHE"; mktemp -d "$CACHE/unpack.XXXX"; })
    log "unpacking Keycloak into $home"
    unzip -q "$zip" -d "$tmp"
    mkdir -p "$(dirname "$home")"
    rm -rf "$home"
    mv "$tmp/keycloak-$KC_VERSION" "$home"
    rm -rf "$tmp"
  fi
  # A clean database each start: the committed realm file is the truth, not leftovers
  # (keycloak-resume keeps them: the same realm keys, so tokens already issued stay valid).
  if [ "${KEYCLOAK_KEEP_DATA:-}" != 1 ]; then
    rm -rf "$home/data/h2" "$home/data/import" "$home/data/tmp"
  fi
  mkdir -p "$home/data/import" "$home/data/password-blacklists"
  # The realm's password policy refuses the passwords of this list (passwordBlacklist).
  cp "$ROOT/infra/keycloak/password-blacklist.txt" "$home/data/password-blacklists/kehoach-common.txt"
  node "$ROOT/infra/keycloak/merge-realm.mjs" \
    "$ROOT/infra/keycloak/lhpn-realm.json" "$ROOT/infra/keycloak/demo/lhpn-demo.json" \
    >"$home/data/import/lhpn-realm.json"
  log "starting Keycloak '$name' on :$port"
  (
    cd "$home"
    export KEHOACH_WEB_URL="$web_url"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin}"
    export JAVA_OPTS_APPEND="${KC_JAVA_OPTS_APPEND:--Xms64m -Xmx768m}"
    exec setsid bin/kc.sh start-dev --import-realm --http-port="$port" \
      --http-management-port="$((port + 1000))" --log-level=warn,org.keycloak.exportimport:info
  ) >"$home/kehoach.log" 2>&1 &
  echo $! >"$pidfile"
  local url="http://localhost:$port/realms/lhpn/.well-known/openid-configuration"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      log "Keycloak '$name' ready on :$port"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "Keycloak '$name' exited; its log:"; tail -n 40 "$home/kehoach.log" >&2; exit 1
    fi
    sleep 1
  done
  log "Keycloak '$name' did not become ready in 240 s; its log:"; tail -n 40 "$home/kehoach.log" >&2
  exit 1
}

keycloak_stop() {
  local pidfile pid
  pidfile="$(keycloak_home "$1")/kehoach.pid"
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping Keycloak '$1'"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# A local SMTP server that keeps every mail it receives, for any address, and shows them over HTTP
# (GET /api/user/<address>/messages/): the reminders of the local run and of the browser tests.
greenmail_jar() {
  local repo jar
  repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  jar="$repo/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
  if [ ! -f "$jar" ]; then
    log "downloading GreenMail $GREENMAIL_VERSION from Maven Central"
    "$ROOT/mvnw" -q -N dependency:get -Dtransitive=false \
      -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" >&2
  fi
  echo "$jar"
}

mail_start() {
  local name="$1" smtp="$2" api="$3"
  local dir="$CACHE/mail-$name" jar
  mail_stop "$name"
  jar=$(greenmail_jar)
  mkdir -p "$dir"
  log "starting the mail catcher '$name': SMTP :$smtp, mails on http://localhost:$api"
  setsid java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp" \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$api" \
    -jar "$jar" >"$dir/greenmail.log" 2>&1 &
  echo $! >"$dir/greenmail.pid"
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$api/api/service/readiness" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$(cat "$dir/greenmail.pid")" 2>/dev/null; then
      log "the mail catcher '$name' exited; its log:"; tail -n 20 "$dir/greenmail.log" >&2; exit 1
    fi
    sleep 1
  done
  log "the mail catcher '$name' did not become ready in 60 s"; exit 1
}

mail_stop() {
  local pidfile="$CACHE/mail-$1/greenmail.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  postgres) ensure_postgres "$@" ;;
  # Stops the machine's cluster (the fault tests restart it under load); `postgres` starts it.
  postgres-stop) read -r ver name _rest <<<"$(pg_lsclusters -h | head -n 1)"; pg_ctlcluster "$ver" "$name" stop -m fast ;;
  reset-db) reset_db "$@" ;;
  keycloak-start) keycloak_start "$@" ;;
  keycloak-resume) KEYCLOAK_KEEP_DATA=1 keycloak_start "$@" ;;
  keycloak-stop) keycloak_stop "$@" ;;
  mail-start) mail_start "$@" ;;
  mail-stop) mail_stop "$@" ;;
  *) echo "usage: $0 postgres DB... | postgres-stop | reset-db DB... | keycloak-start NAME PORT [WEB_URL] | keycloak-resume NAME PORT [WEB_URL] | keycloak-stop NAME | mail-start NAME SMTP_PORT API_PORT | mail-stop NAME" >&2; exit 2 ;;
esac
