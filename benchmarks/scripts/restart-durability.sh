#!/usr/bin/env bash
# Restart durability, many times: RestartDurabilityTest (a real `serve` child watching the folder,
# kill -9 at a random moment during 20 content edits, restart, the first update must match the
# disk) with ROUNDS rounds for each of SEEDS seeds. Exits non-zero at the first round that fails,
# naming its seed and round; the failing run's Surefire report is kept in $WORK.
#   ROUNDS=10 SEEDS=5 bash benchmarks/scripts/restart-durability.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/common.sh

ROUNDS="${ROUNDS:-10}"
SEEDS="${SEEDS:-5}"
WORK="$(mktemp -d /tmp/dailydl-durability.XXXXXX)"
echo "load before: $(load1); $SEEDS seeds x $ROUNDS rounds; logs in $WORK" >&2
start=$(now_ms)
for seed in $(seq 1 "$SEEDS"); do
  if ! CI=true mvn -B -o verify -pl indexer,server -Dtest=RestartDurabilityTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Ddailydl.durability.seed="$seed" -Ddailydl.durability.rounds="$ROUNDS" > "$WORK/seed-$seed.log" 2>&1; then
    grep -E "seed [0-9]+, round [0-9]+" "$WORK/seed-$seed.log" | head -3 >&2 || true
    echo "FAIL: seed $seed (see $WORK/seed-$seed.log)" >&2
    exit 1
  fi
  echo "seed $seed: $ROUNDS rounds passed" >&2
done
echo "PASS: $((SEEDS * ROUNDS)) kill -9 restarts, index equal to the disk after each first update" \
  "($(( ($(now_ms) - start) / 1000 )) s, load $(load1))" >&2
