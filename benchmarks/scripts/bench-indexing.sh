#!/usr/bin/env bash
# Indexing benchmark: the project's pipeline beside plain Lucene StandardAnalyzer, on content/ and
# on a generated 10,000-article corpus (written first if missing), 1 warm-up round + 3 measured
# rounds each, medians reported. Needs benchmarks/target/benchmarks.jar (mvn -B -o install
# -DskipTests). Waits for the 1-minute load average to be at most $MAX_LOAD (default 2) first.
#
#   benchmarks/scripts/bench-indexing.sh [--corpus /tmp/corpus10k] [--articles 10000] [--out DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=common.sh
source "$ROOT/benchmarks/scripts/common.sh"

CORPUS=/tmp/corpus10k
ARTICLES=10000
OUT="${TMPDIR:-/tmp}/dailydl-bench-indexing-$(date +%Y%m%d-%H%M%S)"
while (( $# )); do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --articles) ARTICLES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -B -o install -DskipTests first" >&2; exit 1; }
mkdir -p "$OUT"
# run a private copy: builds running elsewhere in the tree may rewrite target/ during the run
cp "$JAR" "$OUT/"
JAR="$OUT/$(basename "$JAR")"

if [[ ! -f "$CORPUS/.dailydl-corpus" ]]; then
  java -cp "$JAR" org.dailydl.benchmarks.corpus.CorpusGenerator --out "$CORPUS" --articles "$ARTICLES" --seed 42 \
    | tee "$OUT/corpus.txt"
fi
echo "load before: $(wait_for_load)" | tee "$OUT/load.txt"
java -Xms2g -Xmx2g -cp "$JAR" org.dailydl.benchmarks.indexing.IndexingBenchmark \
  --content content --content "$CORPUS" --warmup 1 --runs 3 --json "$OUT/indexing.json" | tee "$OUT/indexing.txt"
echo "load after: $(load1)" | tee -a "$OUT/load.txt"
echo "results in $OUT"
