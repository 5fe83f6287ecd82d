#!/usr/bin/env bash
# Resource limits: the time and peak memory of each input at the edge of a notes folder, through
# the shipped jar. For each input, one folder holding it alone: `index` (wall time and peak RSS by
# /usr/bin/time, -Xmx512m), then `serve` on it and the article's rendering (/api/articles/{id},
# the id found by /api/articles?path=).
# Then, on one folder: a 256-character query of distinct glossary terms and the depth-2
# neighbourhood of a note linked from 2,000 others. Baseline in the same run: the same `index`
# and rendering on a plain note of 2 KB. Fails when a bound of BENCHMARKS.md is broken.
#   bash benchmarks/scripts/resource-limits.sh         (needs server/target/dailydl.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/common.sh

JAR=server/target/dailydl.jar
PORT="${PORT:-7093}"
WORK="$(mktemp -d /tmp/dailydl-limits.XXXXXX)"
SERVER=""
trap '[[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'PY'
import json, os, sys
work = sys.argv[1]
def note(name, file, text):
    os.makedirs(f"{work}/{name}", exist_ok=True)
    open(f"{work}/{name}/{file}", "w", encoding="utf-8").write(text)
sentence = "注意力机制让模型关注序列中的重要位置，卷积网络提取局部特征。"
note("baseline", "note.md", "# 笔记\n\n" + sentence * 20 + "\n")
note("line-4.9mb", "note.md", "# 长文\n\n" + sentence * (4_900_000 // (3 * len(sentence))) + "\n")
note("headings-100k", "note.md", "".join(f"## 标题 {i}\n" for i in range(100_000)))
note("links-50k", "note.md", "# 链接\n\n" + "".join(f"[第{i}篇](other.md) " for i in range(50_000)) + "\n")
note("lists-10k-deep", "note.md", "# 列表\n\n" + "".join("  " * i + f"- 层 {i}\n" for i in range(10_000)))
note("list-markers-10k-deep", "note.md", "# 列表\n\n" + "- " * 10_000 + "最深处\n")
note("quotes-10k-deep", "note.md", "# 引用\n\n" + ">" * 10_000 + " 最深处\n")
cells = [{"cell_type": "markdown", "source": [f"第 {i} 格"]} for i in range(100_000)]
note("notebook-100k-cells", "note.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
os.makedirs(f"{work}/hub/many", exist_ok=True)
hub = "# 目录\n\n"
for i in range(2000):
    open(f"{work}/hub/many/n{i}.md", "w").write(f"# 笔记 {i}\n\n见 [目录](../note.md) 和 [下一篇](n{i+1}.md)。梯度下降。\n")
    hub += f"- [笔记 {i}](many/n{i}.md)\n"
open(f"{work}/hub/note.md", "w").write(hub)
PY

serve_on() {
  java -Xmx512m -jar "$JAR" serve --content "$1" --index "$2" --port "$PORT" --no-embeddings --no-watch > "$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.2; done
  echo "serve did not start" >&2; exit 1
}
article_id() {
  curl -s "http://127.0.0.1:$PORT/api/articles?path=$1" \
    | python3 -c 'import json,sys; a=json.load(sys.stdin).get("articles") or [{}]; print(a[0].get("id", ""))'
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }
ms() { curl -s -o "$WORK/body" -w '%{http_code} %{time_total}\n' "$1" | awk '{ printf "%s %.0f\n", $1, $2 * 1000 }'; }

echo "load before: $(load1)" >&2
echo "| input | index | peak RSS (index) | warnings | render /api/articles/{id}: first, second | status |"
echo "|---|---|---|---|---|---|"
fail=0
for name in baseline line-4.9mb headings-100k links-50k lists-10k-deep list-markers-10k-deep quotes-10k-deep notebook-100k-cells; do
  file=$(ls "$WORK/$name")
  /usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx512m -jar "$JAR" index --content "$WORK/$name" \
    --index "$WORK/$name.index" --no-embeddings --quiet --format json > "$WORK/report.json" 2> "$WORK/index.err" || true
  read -r secs kib < "$WORK/time"
  warnings=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r.get("warnings", [])) + len(r.get("skipped", [])))' "$WORK/report.json" 2>/dev/null || echo "?")
  serve_on "$WORK/$name" "$WORK/$name.index"
  id=$(article_id "$file")
  if [[ -n "$id" ]]; then
    read -r status render < <(ms "http://127.0.0.1:$PORT/api/articles/$id")   # the JVM's first rendering
    read -r status warm < <(ms "http://127.0.0.1:$PORT/api/articles/$id")     # and once it is compiled
  else
    status="left out"; render=0; warm=0
  fi
  stop
  echo "| $name | ${secs} s | $((kib / 1024)) MB | $warnings | ${render} ms, ${warm} ms | $status |"
  # bounds (BENCHMARKS.md): index ≤ 60 s and ≤ 512 MB heap (the JVM fails otherwise); rendering ≤ 10 s
  # in a fresh JVM and ≤ 1 s once compiled; never 5xx
  awk -v s="$secs" 'BEGIN { exit !(s > 60) }' && { echo "FAIL: $name indexed in $secs s" >&2; fail=1; }
  (( render > 10000 )) && { echo "FAIL: $name first rendered in $render ms" >&2; fail=1; }
  (( warm > 1000 )) && { echo "FAIL: $name rendered again in $warm ms" >&2; fail=1; }
  [[ "$status" == 5* ]] && { echo "FAIL: $name answered $status" >&2; fail=1; }
done

java -Xmx512m -jar "$JAR" index --content "$WORK/hub" --index "$WORK/hub.index" --no-embeddings --quiet >/dev/null 2>&1
serve_on "$WORK/hub" "$WORK/hub.index"
query=$(python3 - <<'PY'
import json, urllib.parse, urllib.request
terms = []
for line in open("indexer/src/main/resources/org/dailydl/indexer/analysis/glossary.txt", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    term = line.split(",")[0].strip()  # one spelling of each concept
    if " " not in term and len(term) >= 2 and term not in terms:
        terms.append(term)
q = ""
for t in terms:
    if len(q) + len(t) + 1 > 256:
        break
    q = (q + " " + t).strip()
print(urllib.parse.quote(q))
PY
)
read -r qs qms < <(ms "http://127.0.0.1:$PORT/api/search?q=$query")
id=$(article_id note.md)
read -r gs gms < <(ms "http://127.0.0.1:$PORT/api/graph?depth=2&center=$id")
nodes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$WORK/body")
stop
echo "| 256-character query of distinct glossary terms | | | | ${qms} ms | $qs |"
echo "| depth-2 neighbourhood of a hub (2,000 notes; $nodes nodes) | | | | ${gms} ms | $gs |"
(( qms > 1000 )) && { echo "FAIL: the long query took $qms ms" >&2; fail=1; }
(( gms > 1000 )) && { echo "FAIL: the hub neighbourhood took $gms ms" >&2; fail=1; }
echo "load after: $(load1)" >&2
exit "$fail"
