#!/usr/bin/env bash
# The availability benchmarks (issue 5; figures in docs/benchmarks.md), on SQLite and PostgreSQL:
#   ingest   raw probe results written in the engine's batches (target: 20,000 a second on SQLite);
#   storage  bytes at rest per monitor for a year of roll-ups, outages, gaps, maintenance (target: 1 MB);
#   figures  a year's figures of one service and of 100 (targets: 20 ms and 500 ms);
#   engine   `isms serve` probing 2,000 HTTP monitors every 10 s against a local target
#            (target: under 25 % of one core and 300 MB for the whole app), SQLite only.
# The exactness benchmark (1,000 scripted years) is AvailabilityOracleTests in the Core tests.
# PostgreSQL: ISMS_BENCH_POSTGRES="Host=...;Port=...;Username=..." or a throwaway cluster started here.
# Usage: bench/probe-bench.sh [results=200000] [services=100] [monitors=2000] [seconds=120]
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${1:-200000}; SERVICES=${2:-100}; MONITORS=${3:-2000}; SECONDS_RUN=${4:-120}
WORK=$(mktemp -d); SERVER=""
source bench/postgres.sh
cleanup() {
  if [[ -n "$SERVER" ]]; then kill "$SERVER" 2>/dev/null || true; fi
  bench_postgres_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/Isms.Web -c Release -o "$WORK/isms" -v q -nologo >/dev/null
dotnet build bench/Isms.ProbeLoad -c Release -o "$WORK/load" -v q -nologo >/dev/null
ISMS=(dotnet "$WORK/isms/isms.dll"); LOAD=(dotnet "$WORK/load/Isms.ProbeLoad.dll")
export Isms__Audit__ChainKey="$(openssl rand -base64 32)" Isms__Audit__CheckpointKey="$(openssl rand -base64 32)"
export Isms__Audit__CheckpointPath="$WORK/checkpoints.jsonl"

bench_postgres_start

for bench in "ingest $RESULTS" "storage $SERVICES" "figures $SERVICES"; do
  name=${bench%% *}
  echo "== SQLite: $bench"
  "${LOAD[@]}" $bench "--ConnectionStrings:Sqlite=Data Source=$WORK/$name.db" 2>&1 | grep -v 'warn:\|AUDIT KEYS\|FirstOrDefault'
  echo "== PostgreSQL: $bench"
  "${LOAD[@]}" $bench --Database:Provider=Postgres "--ConnectionStrings:Postgres=$(bench_database "$name")" 2>&1 | grep -v 'warn:\|AUDIT KEYS\|FirstOrDefault'
done

echo "== engine: $MONITORS HTTP monitors every 10 s, SQLite"
db=(--Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$WORK/engine.db")
"${ISMS[@]}" db migrate "${db[@]}" >/dev/null
token=$("${ISMS[@]}" tokens create --account bench-probes --role SecurityOfficer --scope write --expires 1 "${db[@]}" | grep -o 'isms_[A-Za-z0-9_-]*' | head -n 1)
port=$(free_port)
# One account creates the monitors as fast as it can: lift the per-account API limit (600/min by default).
"${ISMS[@]}" serve "${db[@]}" "--Urls=http://127.0.0.1:$port" --Isms:RateLimits:ApiPerAccount=100000000 >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
# The dotnet host runs the app in the same process: its pid is the app's.
"${LOAD[@]}" engine --url "http://127.0.0.1:$port" --token "$token" --pid "$SERVER" --monitors "$MONITORS" --seconds "$SECONDS_RUN"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
uptime
