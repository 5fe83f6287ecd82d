#!/usr/bin/env bash
# Uncached search under load: thousands of distinct queries (judged queries alone, then pairs and
# triples of them: distinct-queries.py) at 16 connections, against `serve` and, in the same run,
# against plain Lucene behind the same HTTP stack (PlainLuceneServer: smartcn BM25 over title and
# body; with --embed also embedding each query, the floor of hybrid search). Needs wrk, curl,
# python3 and the jars (mvn -B -o package -DskipTests). Writes summary.md in $OUT.
#
#   benchmarks/scripts/load-distinct.sh --content content --mode hybrid [--judgments FILE ...]
#       [--count 60000] [--duration 30s] [--connections 16] [--index DIR] [--out DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCRIPTS="$ROOT/benchmarks/scripts"
# shellcheck source=common.sh
source "$SCRIPTS/common.sh"

CONTENT=content
MODE=hybrid
COUNT=60000
DURATION=30s
CONNECTIONS=16
THREADS=2
INDEX=""
OUT="${TMPDIR:-/tmp}/dailydl-load-distinct-$(date +%Y%m%d-%H%M%S)"
JUDGMENTS=()
while (( $# )); do
  case "$1" in
    --content) CONTENT="$2"; shift 2 ;;
    --mode) MODE="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --index) INDEX="$2"; shift 2 ;;
    --judgments) JUDGMENTS+=("$2"); shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
(( ${#JUDGMENTS[@]} )) || JUDGMENTS=("$ROOT/server/src/test/resources/relevance/search-judgments.json"
  "$ROOT"/benchmarks/judgments/*+*.json)
INDEX="${INDEX:-$OUT/index}"
mkdir -p "$OUT"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
# private copies: builds elsewhere in the tree may rewrite target/ during the run
cp "$ROOT/server/target/dailydl.jar" "$ROOT/benchmarks/target/benchmarks.jar" "$OUT/"
CP="$OUT/dailydl.jar:$OUT/benchmarks.jar"
OURS=7180
PLAIN=7181
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# more distinct requests than a run makes (the result cache keeps 2,048): none is answered from it;
# the warm-up has its own order, so the measured run starts on requests it has not seen lately
python3 "$SCRIPTS/distinct-queries.py" --judgments "${JUDGMENTS[@]}" --count "$COUNT" --mode "$MODE" >"$OUT/paths.txt"
python3 "$SCRIPTS/distinct-queries.py" --judgments "${JUDGMENTS[@]}" --count "$COUNT" --mode "$MODE" --seed 1 \
  >"$OUT/paths-warmup.txt"
FLAGS=(--no-watch --no-mcp)
[[ "$MODE" == lexical ]] && FLAGS+=(--no-embeddings)
java -cp "$CP" org.dailydl.server.Main serve --content "$CONTENT" --index "$INDEX" --port "$OURS" "${FLAGS[@]}" \
  >"$OUT/serve.log" 2>&1 &
PIDS+=($!)
EMBED=()
[[ "$MODE" == lexical ]] || EMBED=(--embed)
java -cp "$CP" org.dailydl.benchmarks.http.PlainLuceneServer --content "$CONTENT" --port "$PLAIN" "${EMBED[@]}" \
  >"$OUT/plain.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$OURS/ready"; do sleep 1; done
until curl -sf -o /dev/null "http://127.0.0.1:$PLAIN/health"; do sleep 1; done

run() { # name port duration [paths]
  PATHS_FILE="${4:-$OUT/paths.txt}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 10s --latency \
    -s "$SCRIPTS/cycle.lua" "http://127.0.0.1:$2" >"$OUT/wrk-$1.txt" 2>&1
  tail -n 1 "$OUT/wrk-$1.txt"
}
# warm-up (JIT, per-version data), discarded
run warmup-ours "$OURS" 10s "$OUT/paths-warmup.txt" >/dev/null
run warmup-plain "$PLAIN" 10s "$OUT/paths-warmup.txt" >/dev/null
{
  echo "# Distinct-query load, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "content \`$CONTENT\`, mode $MODE, $(wc -l <"$OUT/paths.txt") distinct requests, wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
  echo "(git $(git -C "$ROOT" rev-parse --short HEAD))"
  echo
  echo "| server | requests/s | p50 ms | p99 ms | errors (status, timeout) | load before |"
  echo "|---|---:|---:|---:|---:|---:|"
  for side in ours plain; do
    port=$OURS; [[ $side == plain ]] && port=$PLAIN
    load=$(load1)
    r=$(run "$side" "$port" "$DURATION")
    echo "$r" >"$OUT/result-$side.json"
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("| %s | %.0f | %.2f | %.2f | %d, %d | %s |" % (sys.argv[2], r["rps"], r["p50_ms"], r["p99_ms"], r["errors"]["status"], r["errors"]["timeout"], sys.argv[3]))' "$r" "$side" "$load"
  done
  echo
  # the ratio to the baseline run in the same script: how many times plain Lucene's throughput and
  # latency ours is
  python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); p=json.load(open(sys.argv[2])); print("ratio ours / plain Lucene: requests/s %.3f, p50 %.1f×, p99 %.1f×" % (o["rps"] / p["rps"], o["p50_ms"] / p["p50_ms"], o["p99_ms"] / p["p99_ms"]))' \
    "$OUT/result-ours.json" "$OUT/result-plain.json"
} | tee "$OUT/summary.md"
