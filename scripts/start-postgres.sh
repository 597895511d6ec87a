#!/usr/bin/env bash
# Install (Debian's postgresql) and start a throw-away PostgreSQL server for the
# test suite, listening on a Unix socket only, and print its DATABASE_URL.
# Idempotent: a server already started by this script is reused.
set -euo pipefail
PGDIR="${PGDIR:-/tmp/archive-postgres}"
PGPORT="${PGPORT:-54329}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2
        exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# PostgreSQL refuses to run as root: use the postgres system user the package made.
RUN=()
if [ "$(id -u)" -eq 0 ]; then RUN=(runuser -u postgres --); fi

mkdir -p "$PGDIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGDIR"; fi
if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    "${RUN[@]}" "$BIN/initdb" -D "$PGDIR/data" -U archive --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi
if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    "${RUN[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/server.log" \
        -o "-k $PGDIR -p $PGPORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
fi
"${RUN[@]}" "$BIN/psql" -h "$PGDIR" -p "$PGPORT" -U archive -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='archive'" | grep -q 1 \
    || "${RUN[@]}" "$BIN/createdb" -h "$PGDIR" -p "$PGPORT" -U archive archive >&2
echo "postgres://archive@${PGDIR//\//%2F}:$PGPORT/archive"
