#!/usr/bin/env bash
# The audit trail's benchmarks (issue 3; figures in docs/benchmarks.md):
#   1. `isms audit verify` over 1,000,000 entries, on SQLite and on PostgreSQL;
#   2. 32 concurrent writers creating persons over HTTP (one audited write each), then verify.
# PostgreSQL: ISMS_BENCH_POSTGRES="Host=...;Port=...;Username=..." or a throwaway cluster with the
# default durability settings (fsync on, synchronous_commit on) is started here.
# Usage: bench/audit-bench.sh [entries=1000000] [seconds=20] [writers=32]
# The writers first warm the server up for WARMUP seconds (default 90: the JIT settles late).
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES=${1:-1000000}; SECONDS_RUN=${2:-20}; WRITERS=${3:-32}
WORK=$(mktemp -d); PGTMP=""; SERVER=""
PGBIN=/usr/lib/postgresql/15/bin
RUN=$$   # the PostgreSQL databases are named for this run, and dropped after it on a server given from outside
cleanup() {
  [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  if [[ -n "${ISMS_BENCH_POSTGRES:-}" && -z "$PGTMP" ]]; then
    for name in verify load; do postgres_sql "DROP DATABASE IF EXISTS isms_${name}_$RUN" >/dev/null 2>&1 || true; done
  fi
  if [[ -n "$PGTMP" ]]; then (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1) || true; rm -rf "$PGTMP"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/Isms.Web -c Release -o "$WORK/isms" -v q -nologo >/dev/null
dotnet build bench/Isms.AuditLoad -c Release -o "$WORK/load" -v q -nologo >/dev/null
ISMS=(dotnet "$WORK/isms/isms.dll"); LOAD=(dotnet "$WORK/load/Isms.AuditLoad.dll")

CHAIN=$(openssl rand -base64 32)
export Isms__Audit__ChainKey="$CHAIN" Isms__Audit__CheckpointKey="$(openssl rand -base64 32)"
export Logging__LogLevel__Default=Warning

if [[ -z "${ISMS_BENCH_POSTGRES:-}" ]]; then
  PGTMP=$(mktemp -d); chown postgres:postgres "$PGTMP"
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
  (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null)
  (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $PGTMP -c max_connections=200 -c shared_buffers=1GB" start >/dev/null)
  ISMS_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
fi

postgres_sql() {
  psql "host=$(sed 's/.*Host=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") port=$(sed 's/.*Port=\([^;]*\).*/\1/' <<<"$ISMS_BENCH_POSTGRES") user=postgres dbname=postgres" -qc "$1"
}

echo "== audit verify over $ENTRIES entries"
for provider in sqlite postgres; do
  if [[ $provider == sqlite ]]; then
    db=(--Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$WORK/verify.db")
    seed=(--sqlite "$WORK/verify.db")
  else
    postgres_sql "CREATE DATABASE isms_verify_$RUN" >/dev/null
    db=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$ISMS_BENCH_POSTGRES;Database=isms_verify_$RUN")
    seed=(--postgres "$ISMS_BENCH_POSTGRES;Database=isms_verify_$RUN")
  fi
  export Isms__Audit__CheckpointPath="$WORK/verify-$provider-checkpoints.jsonl"
  "${ISMS[@]}" db migrate "${db[@]}" >/dev/null
  "${LOAD[@]}" seed "${seed[@]}" --entries "$ENTRIES" --chain-key "$CHAIN"
  # Twice: the first walk right after the bulk load also pays for PostgreSQL setting the rows'
  # hint bits (a live trail's rows were written over months and long since vacuumed).
  for walk in "first, right after the bulk load" "second"; do
    start=$(date +%s.%N)
    "${ISMS[@]}" audit verify "${db[@]}" 2>/dev/null
    echo "$provider ($walk): audit verify wall time incl. process start $(echo "$(date +%s.%N) - $start" | bc) s"
  done
done

echo "== $WRITERS concurrent writers for $SECONDS_RUN s"
for provider in sqlite postgres; do
  if [[ $provider == sqlite ]]; then
    db=(--Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$WORK/load.db")
  else
    postgres_sql "CREATE DATABASE isms_load_$RUN" >/dev/null
    db=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$ISMS_BENCH_POSTGRES;Database=isms_load_$RUN")
  fi
  export Isms__Audit__CheckpointPath="$WORK/load-$provider-checkpoints.jsonl"
  "${ISMS[@]}" db migrate "${db[@]}" >/dev/null
  password=$("${ISMS[@]}" users create-admin --username bench "${db[@]}" | sed -n 's/.*One-time password: //p')
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
  # One account writes as fast as it can: lift the per-account API limit (600/min by default).
  "${ISMS[@]}" serve "${db[@]}" "--Urls=http://127.0.0.1:$port" --Isms:RateLimits:ApiPerAccount=100000000 >"$WORK/server-$provider.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
  echo -n "$provider: "
  "${LOAD[@]}" load --url "http://127.0.0.1:$port" --user bench --password "$password" --writers "$WRITERS" --seconds "$SECONDS_RUN" --warmup "${WARMUP:-90}" || true
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  "${ISMS[@]}" audit checkpoint "${db[@]}" >/dev/null
  "${ISMS[@]}" audit verify "${db[@]}" 2>/dev/null || true
done
