#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: its own port, trust authentication on
# 127.0.0.1 only, no fsync. `start` leaves the URL in target/pg/url; `stop` stops the
# cluster and deletes it. Debian's postgresql package provides the binaries (the Makefile
# installs it). initdb and postgres refuse to run as root, so as root the cluster belongs to
# the `postgres` user and lives in a directory of its own under /tmp, which that user can
# reach wherever this checkout is. `pause` stops the server the way an administrator does
# (fast: open connections are ended) and keeps the cluster; `resume` starts it again (the
# restart test, crates/server/tests/it/faults.rs). ZELFREGIE_TEST_PG_STATE: another state
# directory, for a second cluster beside the one the tests share.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="${ZELFREGIE_TEST_PG_STATE:-$PWD/target/pg}"
PORT="${ZELFREGIE_TEST_PG_PORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$STATE"
    CLUSTER="$(mktemp -d /tmp/zelfregie-pg.XXXXXX)"
    echo "$CLUSTER" >"$STATE/cluster"
    [ "$(id -u)" = 0 ] && chown postgres "$CLUSTER"
    as_owner "$BIN/initdb" -D "$CLUSTER/data" -U zelfregie --auth=trust --encoding=UTF8 --locale=C >"$STATE/initdb.log"
    as_owner "$BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 60 \
      -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null || { cat "$CLUSTER/server.log"; exit 1; }
    echo "$PORT" >"$STATE/port"
    echo "postgres://zelfregie@127.0.0.1:$PORT/postgres" >"$STATE/url"
    ;;
  pause)
    CLUSTER="$(cat "$STATE/cluster")"
    as_owner "$BIN/pg_ctl" -D "$CLUSTER/data" -m fast -w stop >/dev/null
    ;;
  resume)
    CLUSTER="$(cat "$STATE/cluster")"
    PORT="$(cat "$STATE/port")"
    as_owner "$BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 60 \
      -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null || { cat "$CLUSTER/server.log"; exit 1; }
    ;;
  stop)
    if [ -f "$STATE/cluster" ]; then
      CLUSTER="$(cat "$STATE/cluster")"
      as_owner "$BIN/pg_ctl" -D "$CLUSTER/data" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$CLUSTER"
    fi
    rm -rf "$STATE"
    ;;
  *) echo "usage: $0 start|stop|pause|resume"; exit 2 ;;
esac
