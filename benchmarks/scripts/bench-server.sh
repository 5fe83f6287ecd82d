#!/usr/bin/env bash
# Server benchmark: start-up time, throughput and latency of /api/search, /health, related articles
# and the topic graph under wrk (loopback only), server-side tookMs, resident memory, per-request
# related time and whole-graph time. Run from anywhere; needs server/target/dailydl.jar (mvn -B -o
# install -DskipTests), wrk, curl and jq. Results go to $OUT (summary.md, summary.json, raw output).
#
#   benchmarks/scripts/bench-server.sh [--content content] [--index /tmp/bench-index] [--port 7080]
#       [--duration 20s] [--threads 2] [--connections 16] [--queries 50] [--out DIR]
#       [--server-args "--no-embeddings"] [--jar server/target/dailydl.jar] [--related-limit N]
#
# After the last start the script waits for the server process to go idle (background work such as
# passage embeddings finished) before measuring anything else.
# The machine may be shared: before each measurement the script waits (60 s steps, up to 25) for
# the 1-minute load average to be at most $MAX_LOAD (default 2) and records the load it measured at.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCRIPTS="$ROOT/benchmarks/scripts"
# shellcheck source=common.sh
source "$SCRIPTS/common.sh"

CONTENT=content
INDEX=/tmp/bench-index
PORT=7080
DURATION=20s
THREADS=2
CONNECTIONS=16
QUERIES=50
WARM_STARTS=3
VARIANTS=60
RELATED_LIMIT=0
COLD_STARTS=3
OUT="${TMPDIR:-/tmp}/dailydl-bench-server-$(date +%Y%m%d-%H%M%S)"
SERVER_ARGS=""
JAR=""
while (( $# )); do
  case "$1" in
    --content) CONTENT="$2"; shift 2 ;;
    --index) INDEX="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --server-args) SERVER_ARGS="$2"; shift 2 ;;
    --jar) JAR="$(realpath "$2")"; shift 2 ;;
    --related-limit) RELATED_LIMIT="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

cd "$ROOT"
JAR="${JAR:-$ROOT/server/target/dailydl.jar}"
JUDGMENTS="$ROOT/server/src/test/resources/relevance/search-judgments.json"
BASE="http://127.0.0.1:$PORT"
[[ -f "$JAR" ]] || { echo "missing $JAR: run mvn -B -o install -DskipTests first" >&2; exit 1; }
for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y $tool)" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
  echo "something already answers on port $PORT; choose another --port" >&2
  exit 1
fi
mkdir -p "$OUT"
echo "results in $OUT"
# run a private copy: builds running elsewhere in the tree may rewrite target/ during the run
cp "$JAR" "$OUT/"
CODE="jar built $(date -u -r "$JAR" +%Y-%m-%dT%H:%MZ); git $(git -C "$ROOT" rev-parse --short HEAD), \
$(git -C "$ROOT" --no-optional-locks status --porcelain -- indexer server | wc -l) uncommitted files in indexer/ and server/"
JAR="$OUT/$(basename "$JAR")"
echo "$CODE"

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# Starts the server in the background (SERVER_PID); sets STARTUP_MS to the milliseconds from
# process start to the first successful /health. Not in a subshell: the PID must stay ours.
start_server() {
  local log="$1" t0 t1
  t0=$(now_ms)
  # shellcheck disable=SC2086 # SERVER_ARGS is a list of flags
  java -jar "$JAR" serve --content "$CONTENT" --index "$INDEX" --port "$PORT" --no-watch $SERVER_ARGS >"$log" 2>&1 &
  SERVER_PID=$!
  until curl -sf -o /dev/null --max-time 1 "$BASE/health"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  STARTUP_MS=$((t1 - t0))
}

declare -A LOAD
declare -A RESULT

# --- start-up: cold (no index: the first start builds it) and warm (index present) ---------------
LOAD[startup_cold]=$(wait_for_load)
cold=()
for i in $(seq 1 "$COLD_STARTS"); do
  rm -rf "$INDEX"
  start_server "$OUT/server-cold-$i.log"
  cold+=("$STARTUP_MS")
  stop_server
done
RESULT[startup_cold_ms]=$(printf '%s\n' "${cold[@]}" | percentile 50)
RESULT[startup_cold_all]="${cold[*]}"
warm=()
LOAD[startup_warm]=$(wait_for_load)
for i in $(seq 1 "$WARM_STARTS"); do
  stop_server
  start_server "$OUT/server-warm-$i.log"
  warm+=("$STARTUP_MS")
done
RESULT[startup_warm_ms]=$(printf '%s\n' "${warm[@]}" | percentile 50)
RESULT[startup_warm_all]="${warm[*]}"
echo "start to first /health: cold ${cold[*]} ms, warm ${warm[*]} ms"
RESULT[idle_after_s]=$(wait_for_idle "$SERVER_PID")
echo "server idle ${RESULT[idle_after_s]} s after its last start"

# --- whole graph, cold: the first /api/graph computes TF-IDF vectors and the graph ---------------
LOAD[graph_cold]=$(wait_for_load)
RESULT[graph_cold_ms]=$(curl -sf -o "$OUT/graph.json" -w '%{time_total}' "$BASE/api/graph" | awk '{ printf "%.1f", $1 * 1000 }')
RESULT[graph_nodes]=$(jq '.nodes | length' "$OUT/graph.json")
RESULT[graph_edges]=$(jq '.edges | length' "$OUT/graph.json")
RESULT[graph_bytes]=$(stat -c %s "$OUT/graph.json")
echo "graph cold: ${RESULT[graph_cold_ms]} ms (${RESULT[graph_nodes]} nodes, ${RESULT[graph_edges]} edges)"

# --- request lists ----------------------------------------------------------------------------
curl -sf "$BASE/api/articles" | jq -r '.articles[].id' >"$OUT/ids.txt"
RESULT[articles]=$(wc -l <"$OUT/ids.txt")
jq -r '.[].query | @uri' "$JUDGMENTS" >"$OUT/all-queries.txt"
head -n "$QUERIES" "$OUT/all-queries.txt" | sed 's#^#/api/search?q=#' >"$OUT/paths-search.txt"
# The server caches search results (LRU, 2,048 entries per index version), so the cycle above is
# answered from the cache after its first turn. To time the search itself, each query also comes
# with 0…VARIANTS-1 trailing spaces: the same work, but distinct cache keys, 3,000 of them in a
# cycle, which an LRU of 2,048 never hits.
for k in $(seq 0 $((VARIANTS - 1))); do
  pad=$(printf '%%20%.0s' $(seq 1 "$k"))
  [[ $k == 0 ]] && pad=""
  sed "s#\$#$pad#" "$OUT/paths-search.txt"
done >"$OUT/paths-search-uncached.txt"
echo "/health" >"$OUT/paths-health.txt"
sed 's#^\(.*\)$#/api/articles/\1/related#' "$OUT/ids.txt" >"$OUT/paths-related.txt"
echo "/api/graph" >"$OUT/paths-graph.txt"
# the mix: related articles of every article in turn, and the whole graph after every fourth
awk '{ print "/api/articles/" $0 "/related" } NR % 4 == 0 { print "/api/graph" }' "$OUT/ids.txt" >"$OUT/paths-mix.txt"

run_wrk() {
  local name="$1" paths="$2" duration="${3:-$DURATION}"
  PATHS_FILE="$paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency \
    -s "$SCRIPTS/cycle.lua" "$BASE" \
    >"$OUT/wrk-$name.txt" 2>&1
  tail -n 1 "$OUT/wrk-$name.txt"
}

# --- JIT warm-up (discarded) --------------------------------------------------------------------
run_wrk warmup-search "$OUT/paths-search-uncached.txt" 10s >/dev/null
run_wrk warmup-mix "$OUT/paths-mix.txt" 10s >/dev/null
run_wrk warmup-health "$OUT/paths-health.txt" 5s >/dev/null

# --- throughput and latency, same threads, connections and duration ----------------------------
for name in health search search-uncached related graph mix; do
  LOAD[wrk_$name]=$(wait_for_load)
  RESULT[wrk_$name]=$(run_wrk "$name" "$OUT/paths-$name.txt")
  echo "$name (load ${LOAD[wrk_$name]}): ${RESULT[wrk_$name]}"
done
RESULT[rss_kb]=$(awk '/^VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")
RESULT[hwm_kb]=$(awk '/^VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")
echo "RSS after load: ${RESULT[rss_kb]} kB (peak ${RESULT[hwm_kb]} kB)"

# --- server-side tookMs over every judged query (one pass, sequential) --------------------------
LOAD[tookms]=$(wait_for_load)
: >"$OUT/tookms.txt"
# a suffix of spaces no earlier request used: every one of these is a cache miss
fresh=$(printf '%%20%.0s' $(seq 1 $((VARIANTS + 1))))
while read -r q; do
  curl -sf "$BASE/api/search?q=$q$fresh" | jq -r '.tookMs' >>"$OUT/tookms.txt"
done <"$OUT/all-queries.txt"
RESULT[tookms_n]=$(wc -l <"$OUT/tookms.txt")
RESULT[tookms_p50]=$(percentile 50 <"$OUT/tookms.txt")
RESULT[tookms_p99]=$(percentile 99 <"$OUT/tookms.txt")
RESULT[tookms_max]=$(percentile 100 <"$OUT/tookms.txt")
echo "tookMs over ${RESULT[tookms_n]} queries: p50 ${RESULT[tookms_p50]}, p99 ${RESULT[tookms_p99]}"

# --- related articles of every article, one request at a time (time_total: includes HTTP) -------
LOAD[related_loop]=$(wait_for_load)
# every article, or --related-limit of them evenly spaced (for large corpora)
awk -v n="$(wc -l <"$OUT/ids.txt")" -v limit="$RELATED_LIMIT" \
  'limit == 0 || limit >= n || (NR - 1) % int(n / limit) == 0' "$OUT/ids.txt" >"$OUT/ids-related.txt"
sed "s#^\\(.*\\)\$#url = \"$BASE/api/articles/\\1/related\"\\noutput = /dev/null#" "$OUT/ids-related.txt" >"$OUT/related-curl.cfg"
curl -sf -K "$OUT/related-curl.cfg" -w '%{time_total}\n' | awk '{ printf "%.3f\n", $1 * 1000 }' >"$OUT/related-ms.txt"
RESULT[related_n]=$(wc -l <"$OUT/related-ms.txt")
RESULT[related_p50]=$(percentile 50 <"$OUT/related-ms.txt")
RESULT[related_p99]=$(percentile 99 <"$OUT/related-ms.txt")
echo "related over ${RESULT[related_n]} articles: p50 ${RESULT[related_p50]} ms, p99 ${RESULT[related_p99]} ms"

# --- whole graph, warm ------------------------------------------------------------------------
LOAD[graph_warm]=$(wait_for_load)
for _ in $(seq 1 20); do
  curl -sf -o /dev/null -w '%{time_total}\n' "$BASE/api/graph"
done | awk '{ printf "%.3f\n", $1 * 1000 }' >"$OUT/graph-warm-ms.txt"
RESULT[graph_warm_p50]=$(percentile 50 <"$OUT/graph-warm-ms.txt")
echo "graph warm p50: ${RESULT[graph_warm_p50]} ms"
stop_server

# --- summary ----------------------------------------------------------------------------------
rps() { jq -r '.rps' <<<"${RESULT[wrk_$1]}"; }
field() { jq -r ".$2" <<<"${RESULT[wrk_$1]}"; }
half() { awk -v s="$(rps "$1")" -v h="$(rps health)" 'BEGIN { printf "%s (%.1f %%)", (s >= h / 2) ? "yes" : "no", 100 * s / h }'; }
{
  echo "# Server benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "content \`$CONTENT\` (${RESULT[articles]} articles), server flags \`--no-watch $SERVER_ARGS\`, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency, loopback"
  echo "($CODE)"
  echo
  echo "| scenario | requests/s | p50 ms | p99 ms | non-2xx | load (1 min) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for name in health search search-uncached related graph mix; do
    echo "| $name | $(rps "$name") | $(field "$name" p50_ms) | $(field "$name" p99_ms) | $(field "$name" errors.status) | ${LOAD[wrk_$name]} |"
  done
  echo
  echo "- /api/search throughput at least half of /health: cached cycle **$(half search)**, uncached **$(half search-uncached)**"
  echo "- tookMs (uncached) over ${RESULT[tookms_n]} judged queries: p50 ${RESULT[tookms_p50]} ms, p99 ${RESULT[tookms_p99]} ms, max ${RESULT[tookms_max]} ms (load ${LOAD[tookms]})"
  echo "- server went idle (background work done) ${RESULT[idle_after_s]} s after its last start"
  echo "- start to first /health: cold (no index: builds it first) median ${RESULT[startup_cold_ms]} ms of ${RESULT[startup_cold_all]} (load ${LOAD[startup_cold]}); warm median ${RESULT[startup_warm_ms]} ms of ${RESULT[startup_warm_all]} (load ${LOAD[startup_warm]})"
  echo "- RSS after load: $((RESULT[rss_kb] / 1024)) MB (peak $((RESULT[hwm_kb] / 1024)) MB)"
  echo "- related, one request at a time over ${RESULT[related_n]} articles (curl time_total, includes HTTP): p50 ${RESULT[related_p50]} ms, p99 ${RESULT[related_p99]} ms (load ${LOAD[related_loop]})"
  echo "- /api/graph whole: cold ${RESULT[graph_cold_ms]} ms (load ${LOAD[graph_cold]}), warm p50 ${RESULT[graph_warm_p50]} ms over 20 (load ${LOAD[graph_warm]}); ${RESULT[graph_nodes]} nodes, ${RESULT[graph_edges]} edges, ${RESULT[graph_bytes]} bytes"
} >"$OUT/summary.md"
{
  printf '{'
  first=1
  for k in "${!RESULT[@]}"; do
    v="${RESULT[$k]}"
    [[ $first == 1 ]] || printf ','
    first=0
    if [[ "$v" == \{* ]]; then printf '"%s":%s' "$k" "$v"; else printf '"%s":"%s"' "$k" "$v"; fi
  done
  for k in "${!LOAD[@]}"; do printf ',"load_%s":"%s"' "$k" "${LOAD[$k]}"; done
  printf '}\n'
} | jq -S . >"$OUT/summary.json"
cat "$OUT/summary.md"
