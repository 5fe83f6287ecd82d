#!/usr/bin/env bash
# Scores content/ and the three judged third-party corpora with score-corpus.py (our service beside
# plain-Lucene baselines) and writes benchmarks/results/relevance-<date>.md.
#
#   bash benchmarks/scripts/score-all.sh
#   EMBEDDINGS=content,jackfrued+Python-100-Days bash benchmarks/scripts/score-all.sh
#
# CORPORA_DIR   where the corpora are checked out as <owner>+<name>/ (default /work/corpora);
#               a corpus whose folder is missing is skipped with a message
# EMBEDDINGS    "all", or a comma-separated list of names (content, owner+name) scored with
#               embeddings as well (hybrid search rows); default none
# JSON_DIR      where the full JSON reports go (default benchmarks/target/relevance-<date>: they hold
#               text inferred from the notes and are not committed)
# OUT           the Markdown file (default benchmarks/results/relevance-<date>.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/common.sh

CORPORA_DIR="${CORPORA_DIR:-/work/corpora}"
EMBEDDINGS="${EMBEDDINGS:-}"
DATE="$(date +%F)"
JSON_DIR="${JSON_DIR:-benchmarks/target/relevance-$DATE}"
OUT="${OUT:-benchmarks/results/relevance-$DATE.md}"
CORPORA=(CyC2018+CS-Notes jackfrued+Python-100-Days apachecn+ailearning)

if [[ ! -f server/target/dailydl.jar || ! -f benchmarks/target/benchmarks.jar ]]; then
  echo "building the server and benchmark jars" >&2
  mvn -B -q package -DskipTests
fi
mkdir -p "$JSON_DIR" "$(dirname "$OUT")"

embeddings_for() {
  [[ "$EMBEDDINGS" == all || ",$EMBEDDINGS," == *",$1,"* ]] && echo --embeddings || true
}

sections=()
score() { # name, then score-corpus.py arguments
  local name="$1"; shift
  local md="$JSON_DIR/$name.md" flag
  flag="$(embeddings_for "$name")"
  echo "scoring $name${flag:+ (with embeddings)}, load $(load1)" >&2
  python3 benchmarks/scripts/score-corpus.py "$@" $flag --out "$JSON_DIR/$name.json" --markdown "$md" >/dev/null
  sections+=("$md")
}

load_before="$(load1)"
score content --corpus content --content-judgments server/src/test/resources/relevance \
  --judgments benchmarks/judgments/content.json
for corpus in "${CORPORA[@]}"; do
  if [[ ! -d "$CORPORA_DIR/$corpus" ]]; then
    echo "skipping $corpus: $CORPORA_DIR/$corpus is missing (see JUDGING_BRIEF.md to check it out)" >&2
    continue
  fi
  score "$corpus" --corpus "$CORPORA_DIR/$corpus" --judgments "benchmarks/judgments/$corpus.json" --no-corpus-text
done

{
  echo "# Relevance on judged corpora, $DATE"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- indexer server || echo ' (with local changes to indexer/server)');"
  echo "machine: $(nproc) cores, load $load_before before and $(load1) after. Command:"
  echo "\`${EMBEDDINGS:+EMBEDDINGS=$EMBEDDINGS }bash benchmarks/scripts/score-all.sh\`."
  echo
  echo "Ours: \`serve\` on the folder (fresh index), answers from the REST API. Baseline: plain Lucene on the same"
  echo "parsed titles and bodies (\`LuceneBaselines\`): SmartChineseAnalyzer, MoreLikeThis over the body with default"
  echo "settings for related articles, BM25 over body and title (OR) for search, MoreLikeThis's interesting terms"
  echo "(TF-IDF) for keywords, the file name for titles. Related R@5 is found in top 5 / wanted; the capped"
  echo "variant divides by min(5, wanted). nDCG uses gain 2^grade − 1. Keyword P@5: judged keyword groups"
  echo "matched exactly (case and spaces ignored, each group once) by the top 5 terms, / 5. Generic rows count"
  echo "top-10 keywords equal to a word of the judgment file's generic list, over all articles. content/ takes"
  echo "related and search judgments from server/src/test/resources/relevance (related lists ungraded: grade 1)"
  echo "and keywords, titles and generic words from benchmarks/judgments/content.json. Inferred titles of"
  echo "third-party notes are left out here (they are text of those notes); the JSON reports have them."
  for md in "${sections[@]}"; do
    echo
    cat "$md"
  done
} >"$OUT"
echo "wrote $OUT (JSON reports in $JSON_DIR)" >&2
