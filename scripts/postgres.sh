#!/usr/bin/env bash
# A private, throwaway PostgreSQL for tests and benchmarks: Debian's package, a fresh cluster in a temporary
# folder, listening on 127.0.0.1 only, on a free port. Source this file, then:
#   postgres_start        # sets PG_PORT, PG_DIR and PG_ADMIN (an Npgsql connection string for user postgres)
#   postgres_stop         # stops the server by its data folder and removes the folder
# Durability is off (fsync, synchronous_commit): the data is thrown away at the end anyway.

postgres_install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is missing and installing it needs root (apt-get install postgresql)." >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
  fi
  PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
}

postgres_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Runs a PostgreSQL program as the postgres user when we are root (PostgreSQL refuses to run as root).
postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_start() {
  postgres_install || return 1
  PG_DIR=$(mktemp -d /tmp/sharekeep-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PG_DIR"
  PG_PORT=$(postgres_free_port) || { echo "No free port for PostgreSQL." >&2; return 1; }
  postgres_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_PORT PG_DIR PG_ADMIN PG_BIN
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)" >&2
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

postgres_psql() {
  postgres_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"
}
