#!/usr/bin/env bash
# Load test on loopback: `serve` on content/ under 128 connections for 60 s with a mix of real
# searches, articles, related articles and graphs. Passes when there is no error of any kind (no
# socket error, no non-2xx answer) and resident memory stops growing: RSS is sampled every 5 s; the
# JVM's heap grows up to its -Xmx and then stays, so the peak must stay under 768 MiB and the last
# 20 s of the second run must be flat (within 5 %).
#   bash benchmarks/scripts/load-test.sh            (needs server/target/dailydl.jar and wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/common.sh

PORT="${PORT:-7090}"
WORK="$(mktemp -d /tmp/dailydl-load.XXXXXX)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

java -Xmx320m -jar server/target/dailydl.jar serve --content content --index "$WORK/index" --port "$PORT" \
  --no-watch > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.5
done
echo "waiting for the embeddings to settle: $(wait_for_idle "$SERVER") s" >&2

# the request mix: every judged query, every article, its related articles, graphs
python3 - "$PORT" > "$WORK/paths.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
port = sys.argv[1]
base = f"http://127.0.0.1:{port}"
queries = [q["query"] for q in json.load(open("server/src/test/resources/relevance/search-judgments.json"))]
articles = json.load(urllib.request.urlopen(base + "/api/articles"))["articles"]
paths = []
for i, q in enumerate(queries):
    paths.append("/api/search?q=" + urllib.parse.quote(q))
    a = articles[i % len(articles)]["id"]
    paths += ["/api/articles/" + a, "/api/articles/" + a + "/related", "/api/graph?center=" + a]
    if i % 10 == 0:
        paths.append("/api/graph")
print("\n".join(paths))
PY

rss() { awk '/VmRSS/ { print $2 }' "/proc/$SERVER/status"; }
run() {
  local label="$1" peak=0
  (while kill -0 "$SERVER" 2>/dev/null; do rss >> "$WORK/rss-$label.txt"; sleep 5; done) &
  local sampler=$!
  PATHS_FILE="$WORK/paths.txt" wrk -t2 -c128 -d60s --timeout 10s --latency -s benchmarks/scripts/cycle.lua \
    "http://127.0.0.1:$PORT" > "$WORK/wrk-$label.txt"
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/rss-$label.txt" | tail -1)
  echo "$label: $(tail -1 "$WORK/wrk-$label.txt")" >&2
  echo "$label: RSS samples (KiB): $(tr '\n' ' ' < "$WORK/rss-$label.txt")" >&2
  echo "$peak"
}

echo "load before: $(load1)" >&2
peak1=$(run first)
peak2=$(run second)
errors=$(for f in "$WORK/wrk-first.txt" "$WORK/wrk-second.txt"; do tail -n 1 "$f"; done | python3 -c '
import json, sys
total = 0
for line in sys.stdin:
    line = line.strip()
    if line.startswith("{"):
        e = json.loads(line)["errors"]
        total += sum(e.values())
print(total)')
echo "peak RSS: first run ${peak1} KiB, second run ${peak2} KiB; errors: ${errors}" >&2
if (( errors > 0 )); then
  echo "FAIL: $errors errors under load" >&2
  exit 1
fi
if (( peak2 > 768 * 1024 )); then
  echo "FAIL: resident memory above 768 MiB (${peak2} KiB)" >&2
  exit 1
fi
tail4=$(tail -n 4 "$WORK/rss-second.txt" | sort -n)
low=$(echo "$tail4" | head -n 1)
high=$(echo "$tail4" | tail -n 1)
if (( high * 100 > low * 105 )); then
  echo "FAIL: resident memory still growing at the end (${low} → ${high} KiB)" >&2
  exit 1
fi
echo "PASS: no errors, memory stable" >&2
