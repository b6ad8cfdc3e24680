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
WORK=$(mktemp -d); SERVER=""
source bench/postgres.sh
cleanup() {
  [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  bench_postgres_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/Isms.Web -c Release -o "$WORK/isms" -v q -nologo >/dev/null
dotnet build bench/Isms.AuditLoad -c Release -o "$WORK/load" -v q -nologo >/dev/null
ISMS=(dotnet "$WORK/isms/isms.dll"); LOAD=(dotnet "$WORK/load/Isms.AuditLoad.dll")

CHAIN=$(openssl rand -base64 32)
export Isms__Audit__ChainKey="$CHAIN" Isms__Audit__CheckpointKey="$(openssl rand -base64 32)"
export Logging__LogLevel__Default=Warning

bench_postgres_start

echo "== audit verify over $ENTRIES entries"
for provider in sqlite postgres; do
  if [[ $provider == sqlite ]]; then
    db=(--Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$WORK/verify.db")
    seed=(--sqlite "$WORK/verify.db")
  else
    db=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$(bench_database verify)")
    seed=(--postgres "$(bench_database verify)")
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
    db=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$(bench_database load)")
  fi
  export Isms__Audit__CheckpointPath="$WORK/load-$provider-checkpoints.jsonl"
  "${ISMS[@]}" db migrate "${db[@]}" >/dev/null
  password=$("${ISMS[@]}" users create-admin --username bench "${db[@]}" | sed -n 's/.*One-time password: //p')
  port=$(free_port)
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
