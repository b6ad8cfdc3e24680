#!/usr/bin/env bash
# The service desk's database benchmarks (issue 4; figures in docs/benchmarks.md), on SQLite and PostgreSQL:
#   1. the yearly achievement figures over 1,000,000 forms of one year (target: under 500 ms);
#   2. a closure declared with 100,000 open forms at its location: recompute (target: under 1 s).
# PostgreSQL: ISMS_BENCH_POSTGRES="Host=...;Port=...;Username=..." or a throwaway cluster started here.
# Usage: bench/desk-bench.sh [forms=1000000] [open=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
FORMS=${1:-1000000}; OPEN=${2:-100000}
WORK=$(mktemp -d)
source bench/postgres.sh
cleanup() {
  bench_postgres_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build bench/Isms.DeskLoad -c Release -o "$WORK/load" -v q -nologo >/dev/null
LOAD=(dotnet "$WORK/load/Isms.DeskLoad.dll")
export Isms__Audit__ChainKey="$(openssl rand -base64 32)" Isms__Audit__CheckpointKey="$(openssl rand -base64 32)"
export Isms__Audit__CheckpointPath="$WORK/checkpoints.jsonl"

bench_postgres_start

for bench in "achievement $FORMS" "recompute $OPEN"; do
  name=${bench%% *}
  echo "== SQLite: $bench"
  "${LOAD[@]}" $bench "--ConnectionStrings:Sqlite=Data Source=$WORK/$name.db" 2>&1 | grep -v 'warn:\|AUDIT KEYS'
  echo "== PostgreSQL: $bench"
  "${LOAD[@]}" $bench --Database:Provider=Postgres "--ConnectionStrings:Postgres=$(bench_database "$name")" 2>&1 | grep -v 'warn:\|AUDIT KEYS'
done
uptime
