#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on 127.0.0.1 and removes it afterwards.
# Usage: bash scripts/with-postgres.sh <command...>   (the command sees TEST_POSTGRES_URL)
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 64
fi

pg_bin="${PG_BIN:-}"
if [ -z "$pg_bin" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do pg_bin="$candidate"; done
fi
if [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (install the 'postgresql' package or set PG_BIN)" >&2
  exit 69
fi

# postgres refuses to run as root: run the server as the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/foundry-pg.XXXXXX")"
data_dir="$work_dir/data"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$work_dir"; fi

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  as_owner "$pg_bin/pg_ctl" -D "$data_dir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

as_owner "$pg_bin/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 --no-sync \
  >"$work_dir/initdb.log" 2>&1 || { cat "$work_dir/initdb.log" >&2; exit 1; }
as_owner "$pg_bin/pg_ctl" -D "$data_dir" -l "$work_dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work_dir -c fsync=off -c max_connections=200" \
  start >/dev/null || { cat "$work_dir/server.log" >&2; exit 1; }

export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
status=0
"$@" || status=$?
exit "$status"
