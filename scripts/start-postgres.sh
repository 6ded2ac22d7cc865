#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite and prints the DATABASE_URL to use.
# Usage: eval "$(scripts/start-postgres.sh)"   (needs Debian's postgresql package; run as root or postgres)
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${ITSS_PG_PORT:-54329}
DIR=$(mktemp -d /tmp/itss-pg.XXXXXX)
chown postgres:postgres "$DIR"
runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" \
  -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" -w start >/dev/null
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "create database itss_test;" >/dev/null
echo "export ITSS_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:$PORT/itss_test?sslmode=disable'"
echo "export ITSS_PG_DIR='$DIR'"
