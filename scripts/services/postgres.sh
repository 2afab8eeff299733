#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, from Debian's packages.
#   usage: scripts/services/postgres.sh [start|stop|url]
# start: installs the `postgresql` package when no server binaries are found (apt-get, with
# sudo when not root), creates a cluster in $SAYSO_PG_DIR (trust auth, loopback only, on
# $SAYSO_PG_PORT), starts it unless it is already running, creates the database
# `sayso_test`, and prints its URL on stdout. Idempotent: a second start reuses the server.
set -euo pipefail
source "$(dirname "$0")/apt.sh"
action="${1:-start}"
port="${SAYSO_PG_PORT:-54329}"
dir="${SAYSO_PG_DIR:-${TMPDIR:-/tmp}/sayso-pg-$(id -u)}"
user=sayso
database=sayso_test
url="postgresql://$user@127.0.0.1:$port/$database"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$candidate" ] && [ -x "$candidate/pg_ctl" ]; then echo "$candidate"; fi
}

install_server() {
  log "installing PostgreSQL from Debian's packages"
  apt_install postgresql
}

# PostgreSQL refuses to run as root: as root, run the server as the `postgres` user that
# the Debian package creates; otherwise as ourselves.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

bin=$(find_bin)
if [ "$action" = "url" ]; then echo "$url"; exit 0; fi
if [ "$action" = "stop" ]; then
  if [ -n "$bin" ] && [ -f "$dir/PG_VERSION" ]; then
    run_pg "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true
  fi
  exit 0
fi
[ "$action" = "start" ] || { log "unknown action $action (start|stop|url)"; exit 2; }

if [ -z "$bin" ]; then
  install_server
  bin=$(find_bin)
  [ -n "$bin" ] || { log "no PostgreSQL server binaries after installing"; exit 1; }
fi

if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  run_pg "$bin/initdb" -D "$dir" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
    run_pg "$bin/initdb" -D "$dir" -U "$user" --auth=trust -E UTF8 --locale=C >"$dir.initdb.log" 2>&1 ||
    { cat "$dir.initdb.log" >&2; log "initdb failed"; exit 1; }
fi

if ! run_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  # fsync off: a test server loses nothing that matters in a power cut and runs faster.
  run_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { tail -n 20 "$dir/server.log" >&2 || true; log "server did not start"; exit 1; }
fi

psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
  "${psql[@]}" -c "CREATE DATABASE $database" >&2
fi
echo "$url"
