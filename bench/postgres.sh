# Sourced by the bench scripts: the PostgreSQL server of a run, and databases named for the run.
# ISMS_BENCH_POSTGRES="Host=...;Port=...;Username=..." names a server of your own; without it a
# throwaway cluster with the default durability (fsync and synchronous_commit on) is started.
# bench_postgres_stop stops that cluster, or drops this run's databases from a server of your own.
PGBIN=/usr/lib/postgresql/15/bin
BENCH_PGTMP=""

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
}

bench_postgres_start() {
  [[ -n "${ISMS_BENCH_POSTGRES:-}" ]] && return 0
  BENCH_PGTMP=$(mktemp -d); chown postgres:postgres "$BENCH_PGTMP"
  local port; port=$(free_port)
  (cd "$BENCH_PGTMP" && runuser -u postgres -- "$PGBIN/initdb" -D "$BENCH_PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd "$BENCH_PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$BENCH_PGTMP/data" -l "$BENCH_PGTMP/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $BENCH_PGTMP -c max_connections=200 -c shared_buffers=1GB" start >/dev/null)
  ISMS_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
}

# Runs SQL in the server's postgres database; extra arguments go to psql.
bench_postgres_sql() {
  local sql=$1; shift
  psql "host=$(sed 's/.*Host=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") port=$(sed 's/.*Port=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") user=postgres dbname=postgres" \
    -qc "$sql" "$@"
}

# The connection string of this run's database NAME (created by whoever migrates it first).
bench_database() {
  echo "$ISMS_BENCH_POSTGRES;Database=isms_${1}_$$"
}

bench_postgres_stop() {
  if [[ -n "$BENCH_PGTMP" ]]; then
    (cd "$BENCH_PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$BENCH_PGTMP/data" -m fast -w stop >/dev/null 2>&1) || true
    rm -rf "$BENCH_PGTMP"
  elif [[ -n "${ISMS_BENCH_POSTGRES:-}" ]]; then
    local name
    for name in $(bench_postgres_sql "SELECT datname FROM pg_database WHERE datname LIKE 'isms\\_%\\_$$'" -At 2>/dev/null); do
      bench_postgres_sql "DROP DATABASE IF EXISTS \"$name\"" >/dev/null 2>&1 || true
    done
  fi
}
