#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tracking-store tests and prints its URI.
#   eval "$(scripts/start-postgres.sh)"   # exports STRATA_TEST_PG_URI (also written to .strata/test-pg-uri)
# Installs Debian's postgresql when it is missing (needs root), initializes a cluster in a temp
# folder owned by the postgres user, listens on 127.0.0.1 only (port $PGPORT or 55432), trust auth.
# Stop it with: su postgres -c "pg_ctl -D <dir> stop"  (the dir is printed on stderr).
set -euo pipefail
cd "$(dirname "$0")/.."

find_bin() {
  local b
  b=$(command -v pg_ctl || true)
  if [ -z "$b" ]; then b=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true); fi
  echo "$b"
}

PG_CTL=$(find_bin)
if [ -z "$PG_CTL" ]; then
  echo "installing postgresql (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  PG_CTL=$(find_bin)
fi
BIN=$(dirname "$(readlink -f "$PG_CTL")")
# The first free port from $PGPORT (default 55432) on, so a second cluster does not collide.
PORT=${PGPORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
DIR=$(mktemp -d /tmp/strata-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DIR"
  RUNAS=(su postgres -s /bin/sh -c)
fi
run() { if [ ${#RUNAS[@]} -gt 0 ]; then "${RUNAS[@]}" "$*"; else sh -c "$*"; fi; }

run "'$BIN/initdb' -D '$DIR/data' -U strata --auth=trust -E UTF8 >'$DIR/initdb.log' 2>&1"
run "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off\" start >'$DIR/pg_ctl.log' 2>&1" \
  || { cat "$DIR/server.log" >&2; exit 1; }
URI="postgres://strata@127.0.0.1:$PORT/postgres"
mkdir -p .strata && echo "$URI" > .strata/test-pg-uri
echo "PostgreSQL running in $DIR on port $PORT (stop: ${RUNAS[*]:+su postgres -c \"}$BIN/pg_ctl -D $DIR/data stop${RUNAS[*]:+\"})" >&2
echo "export STRATA_TEST_PG_URI=$URI"
