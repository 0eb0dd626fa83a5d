#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: its own directory under target/, its own
# port, trust authentication on 127.0.0.1 only, no fsync. `start` prints nothing but errors
# and leaves the URL in target/pg/url; `stop` stops it and deletes the directory.
# Debian's postgresql package provides the binaries (the Makefile installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="$PWD/target/pg"
PORT="${ZELFREGIE_TEST_PG_PORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }

# initdb and postgres refuse to run as root: as root, the cluster belongs to `postgres`.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR/run"
    [ "$(id -u)" = 0 ] && chown -R postgres "$DIR" && chmod o+x "$PWD" "$PWD/target"
    as_owner "$BIN/initdb" -D "$DIR/data" -U zelfregie --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null
    echo "postgres://zelfregie@127.0.0.1:$PORT/postgres" >"$DIR/url"
    ;;
  stop)
    if [ -d "$DIR/data" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac
