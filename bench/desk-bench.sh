#!/usr/bin/env bash
# The service desk's database benchmarks (issue 4; figures in docs/benchmarks.md), on SQLite and PostgreSQL:
#   1. the yearly achievement figures over 1,000,000 forms of one year (target: under 500 ms);
#   2. a closure declared with 100,000 open forms at its location: recompute (target: under 1 s).
# PostgreSQL: ISMS_BENCH_POSTGRES="Host=...;Port=...;Username=..." or a throwaway cluster started here.
# Usage: bench/desk-bench.sh [forms=1000000] [open=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
FORMS=${1:-1000000}; OPEN=${2:-100000}
WORK=$(mktemp -d); PGTMP=""
PGBIN=/usr/lib/postgresql/15/bin
RUN=$$                        # the PostgreSQL databases are named for this run, and dropped after it
cleanup() {
  if [[ -n "${ISMS_BENCH_POSTGRES:-}" && -z "$PGTMP" ]]; then
    for name in achievement recompute; do
      psql "host=$(sed 's/.*Host=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") port=$(sed 's/.*Port=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") user=postgres dbname=postgres" \
        -qc "DROP DATABASE IF EXISTS isms_${name}_$RUN" >/dev/null 2>&1 || true
    done
  fi
  if [[ -n "$PGTMP" ]]; then (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1) || true; rm -rf "$PGTMP"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build bench/Isms.DeskLoad -c Release -o "$WORK/load" -v q -nologo >/dev/null
LOAD=(dotnet "$WORK/load/Isms.DeskLoad.dll")
export Isms__Audit__ChainKey="$(openssl rand -base64 32)" Isms__Audit__CheckpointKey="$(openssl rand -base64 32)"
export Isms__Audit__CheckpointPath="$WORK/checkpoints.jsonl"

if [[ -z "${ISMS_BENCH_POSTGRES:-}" ]]; then
  PGTMP=$(mktemp -d); chown postgres:postgres "$PGTMP"
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
  (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $PGTMP -c shared_buffers=1GB" start >/dev/null)
  ISMS_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
fi

for bench in "achievement $FORMS" "recompute $OPEN"; do
  name=${bench%% *}
  echo "== SQLite: $bench"
  "${LOAD[@]}" $bench "--ConnectionStrings:Sqlite=Data Source=$WORK/$name.db" 2>&1 | grep -v 'warn:\|AUDIT KEYS'
  echo "== PostgreSQL: $bench"
  "${LOAD[@]}" $bench --Database:Provider=Postgres "--ConnectionStrings:Postgres=$ISMS_BENCH_POSTGRES;Database=isms_${name}_$RUN" 2>&1 | grep -v 'warn:\|AUDIT KEYS'
done
uptime
