#!/usr/bin/env bash
# The whole test suite, as README.md gives it: builds, then runs every test on SQLite and again on PostgreSQL.
# Installs what the tests need from Debian's packages when it is missing; starts its own PostgreSQL on a private
# Unix socket (no TCP port, nothing left running afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- packages -----------------------------------------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -x "$(pg_bin)/postgres" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core (accessibility checks in the browser tests) from the npm registry, once.
AXE="$PWD/tests/.tools/node_modules/axe-core/axe.min.js"
if [ ! -f "$AXE" ]; then
  log "installing axe-core from the npm registry"
  npm install --silent --no-audit --no-fund --prefix tests/.tools axe-core@4.14.1 >/dev/null
fi
export GOLDFEDER_AXE="$AXE" GOLDFEDER_CHROMIUM=/usr/bin/chromium

# --- PostgreSQL ---------------------------------------------------------------------------------------------------
PG_BIN=$(pg_bin)
PG_DIR=$(mktemp -d /tmp/goldfeder-pg.XXXXXX)
PG_PORT=5432
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
stop_pg() {
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT
log "starting PostgreSQL ($("$PG_BIN/postgres" --version)) on $PG_DIR"
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Test databases are thrown away, so durability is traded for speed here (never in production).
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
  -o "-c listen_addresses='' -k $PG_DIR -p $PG_PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null

# --- build and test -----------------------------------------------------------------------------------------------
log "building"
dotnet build Goldfeder.slnx -c Debug -nologo -clp:ErrorsOnly

passed=0; failed=0; status=0
run_suite() {
  local name=$1 out
  out=$(mktemp)
  log "tests on $name"
  set +e
  dotnet test tests/Goldfeder.Tests --no-build -nologo 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  set -e
  local line
  line=$(grep -E '^(Passed|Failed)!' "$out" | tail -n 1 || true)
  [ -n "$line" ] || { echo "no result line from dotnet test on $name"; tail -n 40 "$out"; status=1; return; }
  passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")))
  if grep -qE 'Skipped: *[1-9]' <<<"$line"; then echo "skipped tests on $name count as failures here"; status=1; fi
  [ "$rc" -eq 0 ] || status=1
  rm -f "$out"
}

GOLDFEDER_TEST_PROVIDER=Sqlite run_suite SQLite
GOLDFEDER_TEST_PROVIDER=Postgres GOLDFEDER_TEST_POSTGRES="Host=$PG_DIR;Port=$PG_PORT;Username=postgres;Pooling=true" run_suite PostgreSQL

echo
echo "$passed passed, $failed failed"
exit $status
