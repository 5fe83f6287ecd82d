#!/usr/bin/env bash
# Freshness: how long after a note is saved a search finds it. Serves a content folder with the
# watcher on (no embeddings), waits for /ready and for the server to go idle, then saves one note at
# a time: appends a new made-up word to an existing note (or writes a new note with --new), and polls
# /api/search for that word every 20 ms until the note is the hit. Needs curl, jq and
# server/target/dailydl.jar. The content folder is changed: point it at a copy.
# In the same script, plain Lucene's floor for the same edits: updateDocument + an NRT reopen of a
# smartcn index of the same folder (PlainLuceneFreshness).
#
#   benchmarks/scripts/freshness.sh --content /tmp/corpus10k-copy --index /tmp/fresh-index [--edits 20]
#       [--port 7090] [--new] [--gap SECONDS between a note found and the next save, default 0.5]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCRIPTS="$ROOT/benchmarks/scripts"
# shellcheck source=common.sh
source "$SCRIPTS/common.sh"

CONTENT=""
INDEX=""
EDITS=20
PORT=7090
NEW=0
GAP=0.5
while (( $# )); do
  case "$1" in
    --content) CONTENT="$2"; shift 2 ;;
    --index) INDEX="$2"; shift 2 ;;
    --edits) EDITS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --new) NEW=1; shift ;;
    --gap) GAP="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$CONTENT" && -n "$INDEX" ]] || { echo "--content and --index are required" >&2; exit 2; }
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
JAR="$ROOT/server/target/dailydl.jar"
LOG="$(mktemp)"
java -jar "$JAR" serve --content "$CONTENT" --index "$INDEX" --port "$PORT" --no-embeddings --no-mcp >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/ready"; do sleep 0.2; done
wait_for_idle "$PID" >/dev/null
mapfile -t NOTES < <(cd "$CONTENT" && find . -name '*.md' -not -name 'README.md' | sed 's|^\./||' | sort | head -n 2000)
times=()
for (( i = 0; i < EDITS; i++ )); do
  word="fresh$(printf '%s' "$RANDOM$RANDOM$i" | tr '0-9' 'a-j')"
  if (( NEW )); then
    note="fresh/$word.md"
    mkdir -p "$CONTENT/fresh"
  else
    note="${NOTES[$(( (i * 97) % ${#NOTES[@]} ))]}"
  fi
  start=$(now_ms)
  if (( NEW )); then
    printf '# %s\n\n一篇新笔记：%s。\n' "$word" "$word" >"$CONTENT/$note"
  else
    printf '\n新加的一句：%s。\n' "$word" >>"$CONTENT/$note"
  fi
  found=""
  for (( t = 0; t < 500; t++ )); do
    hit=$(curl -s "http://127.0.0.1:$PORT/api/search?q=$word&size=1" | jq -r '.hits[0].path // empty')
    if [[ "$hit" == "$note" ]]; then found=1; break; fi
    sleep 0.02
  done
  [[ -n "$found" ]] || { echo "edit $i: $note not found within 10 s" >&2; exit 1; }
  times+=("$(( $(now_ms) - start ))")
  sleep "$GAP"
done
printf '%s\n' "${times[@]}" >"$LOG.times"
echo "ours: $EDITS saves, searchable after p50 $(percentile 50 <"$LOG.times") ms, max $(percentile 100 <"$LOG.times") ms" \
  "(next save ${GAP} s after a note is found; load $(load1))"
kill $PID; wait $PID 2>/dev/null || true
java -cp "$ROOT/server/target/dailydl.jar:$ROOT/benchmarks/target/benchmarks.jar" \
  org.dailydl.benchmarks.indexing.PlainLuceneFreshness --content "$CONTENT" --edits "$EDITS"
