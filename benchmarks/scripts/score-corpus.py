#!/usr/bin/env python3
"""Scores our service on one content folder against its judgments, beside plain-Lucene baselines.

    score-corpus.py --corpus DIR --judgments FILE [--jar server/target/dailydl.jar] [--embeddings]
                    [--content-judgments DIR] [--out report.json] [--markdown report.md]

Starts `serve` on the folder (fresh temporary index, a free port on 127.0.0.1), asks the REST API
for related articles, keywords, titles, search results and the topic graph, stops it, runs
org.dailydl.benchmarks.relevance.LuceneBaselines (benchmarks/target/benchmarks.jar) on the same
folder, and scores both the same way. Prints a Markdown table (one row per metric: ours, baseline,
ratio); --out writes the JSON report with every ranked list.

Judgments: the third-party format of JUDGING_BRIEF.md (related, keywords, titles, queries, generic).
For content/, --content-judgments DIR takes related and search judgments from our regression files
(related-judgments.json, every listed article grade 1; search-judgments.json, grades 1-3) and
--judgments then supplies keywords, titles and the generic list (benchmarks/judgments/content.json).

Python 3 standard library only.
"""
import argparse
import collections
import datetime
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASELINES_CLASS = "org.dailydl.benchmarks.relevance.LuceneBaselines"
SIZE = 10


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True, help="content folder (the corpus root)")
    p.add_argument("--judgments", required=True, help="judgment file in the third-party format")
    p.add_argument("--content-judgments", help="folder with related-judgments.json and search-judgments.json")
    p.add_argument("--jar", default=os.path.join(ROOT, "server/target/dailydl.jar"))
    p.add_argument("--baselines-jar", default=os.path.join(ROOT, "benchmarks/target/benchmarks.jar"))
    p.add_argument("--java", default=os.environ.get("JAVA", "java"))
    p.add_argument("--embeddings", action="store_true", help="start with embeddings, wait for them, score hybrid too")
    p.add_argument("--ready-timeout", type=int, default=3600, help="seconds to wait for start-up and embeddings")
    p.add_argument("--out", help="write the JSON report here")
    p.add_argument("--markdown", help="also write the Markdown here")
    p.add_argument("--no-corpus-text", action="store_true",
                   help="leave text inferred from the notes (our titles) out of the Markdown, for committing "
                        "results of third-party corpora")
    p.add_argument("--keep", action="store_true", help="keep the temporary index and server log")
    return p.parse_args()


def nfc(text):
    return unicodedata.normalize("NFC", text)


def norm(term):
    """Keyword comparison: case-insensitive, spaces ignored."""
    return "".join(nfc(term).split()).casefold()


# ---------------------------------------------------------------- judgments

def load_judgments(args):
    with open(args.judgments, encoding="utf-8") as f:
        raw = json.load(f)
    judged = {
        "corpus": raw.get("corpus") or os.path.basename(os.path.abspath(args.corpus)),
        "commit": raw.get("commit"),
        "related": [{"source": nfc(r["source"]), "wanted": {nfc(p): g for p, g in r["wanted"].items()}}
                    for r in raw.get("related", [])],
        "keywords": [{"path": nfc(k["path"]), "keywords": k["keywords"]} for k in raw.get("keywords", [])],
        "titles": [{"path": nfc(t["path"]), "title": t["title"], "subject": t["subject"]}
                   for t in raw.get("titles", [])],
        "queries": [{"q": q["q"], "relevant": {nfc(p): g for p, g in q["relevant"].items()}, "type": q.get("type")}
                    for q in raw.get("queries", [])],
        "generic": raw.get("generic", []),
        "sources": {"keywords/titles/generic": args.judgments},
    }
    if args.content_judgments:
        add_content_judgments(judged, args.content_judgments)
    else:
        judged["sources"]["related/queries"] = args.judgments
    return judged


def add_content_judgments(judged, folder):
    """Our own regression files: related lists are ungraded (grade 1), search grades are 1-3."""
    with open(os.path.join(folder, "related-judgments.json"), encoding="utf-8") as f:
        related = json.load(f)
    with open(os.path.join(folder, "search-judgments.json"), encoding="utf-8") as f:
        search = json.load(f)
    judged["related"] = [{"source": nfc(r["source"]), "wanted": {nfc(p): 1 for p in r["related"]}} for r in related]
    judged["queries"] = [{"q": q["query"], "relevant": {nfc(p): g for p, g in q["relevant"].items()},
                          "type": q.get("type")} for q in search]
    judged["sources"]["related/queries"] = folder


# ---------------------------------------------------------------- our server

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`serve` on the corpus with a fresh index in a temporary folder; stopped by its own pid only."""

    def __init__(self, args, work):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(work, "server.log")
        cmd = [args.java, "-Xmx1g", "-jar", args.jar, "serve", "--content", args.corpus,
               "--index", os.path.join(work, "index"), "--port", str(self.port), "--host", "127.0.0.1", "--no-watch"]
        if not args.embeddings:
            cmd.append("--no-embeddings")
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, route, **params):
        url = self.base + route + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=300) as r:
            return json.load(r)

    def wait_until_ready(self, embeddings, timeout):
        deadline = time.time() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; log: {self.log_path}\n{self.tail()}")
            if time.time() > deadline:
                raise RuntimeError(f"server not ready after {timeout} s; log: {self.log_path}\n{self.tail()}")
            try:
                stats = self.get("/api/stats")
                if not embeddings or stats.get("semantic", {}).get("ready"):
                    return stats
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(2)

    def tail(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-30:])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def ask_ours(server, judged, embeddings):
    """Everything scored, from the REST API."""
    listing = server.get("/api/articles")["articles"]
    paths = [nfc(a["path"]) for a in listing]
    titles, keywords = {}, {}
    for entry in listing:
        path = nfc(entry["path"])
        article = server.get("/api/articles/" + urllib.parse.quote(entry["id"], safe=""))
        titles[path] = article["title"]
        keywords[path] = [k["term"] for k in article["keywords"]][:SIZE]
    related, reasons = {}, {}
    for r in judged["related"]:
        try:
            hits = server.get("/api/related", path=r["source"], size=SIZE)["hits"]
        except urllib.error.HTTPError:
            hits = []
        related[r["source"]] = [nfc(h["path"]) for h in hits]
        reasons[r["source"]] = [[nfc(h["path"]), h.get("reasons", [])] for h in hits]
    search, used = {}, collections.Counter()
    for mode in ["lexical", "hybrid"] if embeddings else ["lexical"]:
        search[mode] = {}
        for q in judged["queries"]:
            answer = server.get("/api/search", q=q["q"], size=SIZE, mode=mode)
            search[mode][q["q"]] = [nfc(h["path"]) for h in answer["hits"]]
            used[f"{mode} -> {answer.get('mode')}"] += 1
    graph = server.get("/api/graph")
    topics = [n["label"] for n in graph["nodes"] if n.get("kind") == "topic"]
    return {"articles": paths, "titles": titles, "keywords": keywords, "related": related, "search": search,
            "search_modes_used": dict(used), "related_reasons": reasons,
            "graph": {"nodes": len(graph["nodes"]), "edges": len(graph.get("edges", [])), "topics": topics}}


# ---------------------------------------------------------------- plain-Lucene baselines

def ask_baselines(args, judged, work):
    request = os.path.join(work, "baseline-request.json")
    answer = os.path.join(work, "baseline-answer.json")
    with open(request, "w", encoding="utf-8") as f:
        json.dump({"related": [r["source"] for r in judged["related"]], "queries": [q["q"] for q in judged["queries"]]},
                  f, ensure_ascii=False)
    subprocess.run([args.java, "-Xmx1g", "-cp", args.baselines_jar, BASELINES_CLASS, "--content", args.corpus,
                    "--request", request, "--out", answer, "--size", str(SIZE)], check=True)
    with open(answer, encoding="utf-8") as f:
        raw = json.load(f)
    keywords = {nfc(p): terms for p, terms in raw["keywords"].items()}
    # a plain indexer has no title inference: the file name is what it would show
    titles = {p: os.path.splitext(os.path.basename(p))[0] for p in keywords}
    return {"articles": list(keywords), "titles": titles, "keywords": keywords,
            "related": {nfc(s): [nfc(p) for p in hits] for s, hits in raw["related"].items()},
            "search": {"bm25": {q: [nfc(p) for p in hits] for q, hits in raw["search"].items()}}}


# ---------------------------------------------------------------- metrics

def ndcg(ranked, grades, k):
    dcg = sum((2 ** grades.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def found(ranked, grades, k):
    return sum(1 for p in ranked[:k] if grades.get(p, 0) > 0)


def reciprocal_rank(ranked, grades, k):
    return next((1 / (i + 1) for i, p in enumerate(ranked[:k]) if grades.get(p, 0) > 0), 0.0)


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else None


def score_related(judged, answers):
    rows = []
    for r in judged["related"]:
        ranked, wanted = answers.get(r["source"], []), r["wanted"]
        relevant = sum(1 for g in wanted.values() if g > 0)
        if not relevant:
            continue
        rows.append({"p5": found(ranked, wanted, 5) / 5, "r5": found(ranked, wanted, 5) / relevant,
                     "r5cap": found(ranked, wanted, 5) / min(5, relevant), "ndcg10": ndcg(ranked, wanted, 10)})
    return {m: mean(row[m] for row in rows) for m in ("p5", "r5", "r5cap", "ndcg10")}


def keyword_matches(predicted, groups):
    """Indexes of judged groups matched by the predicted terms, each group once."""
    spellings = [{norm(s) for s in group} for group in groups]
    matched = []
    for term in predicted:
        for i, group in enumerate(spellings):
            if i not in matched and norm(term) in group:
                matched.append(i)
                break
    return matched


def score_keywords(judged, keywords):
    p5, r10 = [], []
    for k in judged["keywords"]:
        predicted = keywords.get(k["path"], [])
        p5.append(len(keyword_matches(predicted[:5], k["keywords"])) / 5)
        r10.append(len(keyword_matches(predicted[:10], k["keywords"])) / max(1, len(k["keywords"])))
    return {"p5": mean(p5), "r10": mean(r10)}


def score_generic(judged, keywords):
    generic = {norm(w) for w in judged["generic"]}
    counts = collections.Counter()
    with_generic = 0
    for terms in keywords.values():
        hits = [norm(t) for t in terms[:SIZE] if norm(t) in generic]
        counts.update(hits)
        with_generic += bool(hits)
    return {"share": with_generic / len(keywords) if keywords else None, "total": sum(counts.values()),
            "articles": len(keywords), "words": counts.most_common()}


def score_titles(judged, titles):
    failures = []
    for t in judged["titles"]:
        title = titles.get(t["path"])
        if title is None or not any(s.casefold() in title.casefold() for s in t["subject"]):
            failures.append({"path": t["path"], "inferred": title, "judged": t["title"], "subject": t["subject"]})
    n = len(judged["titles"])
    return {"accuracy": (n - len(failures)) / n if n else None, "failures": failures}


def score_search(judged, answers):
    rows = collections.defaultdict(list)
    for q in judged["queries"]:
        ranked, relevant = answers.get(q["q"], []), q["relevant"]
        n = sum(1 for g in relevant.values() if g > 0)
        if not n:
            continue
        row = {"ndcg10": ndcg(ranked, relevant, 10), "mrr10": reciprocal_rank(ranked, relevant, 10),
               "recall10": found(ranked, relevant, 10) / n}
        rows["all"].append(row)
        if q.get("type"):
            rows[q["type"]].append(row)
    result = {m: mean(r[m] for r in rows["all"]) for m in ("ndcg10", "mrr10", "recall10")}
    result["ndcg10_by_type"] = {t: round(mean(r["ndcg10"] for r in v), 4) for t, v in sorted(rows.items()) if t != "all"}
    return result


def score_topics(judged, graph):
    generic = {norm(w) for w in judged["generic"]}
    bad = [t for t in graph["topics"] if norm(t) in generic]
    return {"topics": len(graph["topics"]), "generic": bad, "nodes": graph["nodes"]}


# ---------------------------------------------------------------- report

def metric(rows, name, n, ours, baseline, better="higher"):
    ratio = ours / baseline if ours is not None and baseline not in (None, 0) else None
    rows.append({"metric": name, "n": n, "ours": ours, "baseline": baseline, "ratio": ratio, "better": better})


def build_metrics(judged, ours, base):
    rows = []
    nr, nk, nt, nq = (len(judged[k]) for k in ("related", "keywords", "titles", "queries"))
    if nr:
        o, b = score_related(judged, ours["related"]), score_related(judged, base["related"])
        metric(rows, "related P@5", nr, o["p5"], b["p5"])
        metric(rows, "related R@5 (found / wanted)", nr, o["r5"], b["r5"])
        metric(rows, "related R@5 capped (found / min(5, wanted))", nr, o["r5cap"], b["r5cap"])
        metric(rows, "related nDCG@10", nr, o["ndcg10"], b["ndcg10"])
    if nk:
        o, b = score_keywords(judged, ours["keywords"]), score_keywords(judged, base["keywords"])
        metric(rows, "keyword P@5", nk, o["p5"], b["p5"])
        metric(rows, "keyword group recall@10", nk, o["r10"], b["r10"])
    if judged["generic"]:
        o, b = score_generic(judged, ours["keywords"]), score_generic(judged, base["keywords"])
        metric(rows, "articles with a generic word in top-10 keywords", o["articles"], o["share"], b["share"], "lower")
        metric(rows, "generic words in top-10 keywords (total)", o["articles"], o["total"], b["total"], "lower")
    if nt:
        o, b = score_titles(judged, ours["titles"]), score_titles(judged, base["titles"])
        metric(rows, "title accuracy (baseline: file name)", nt, o["accuracy"], b["accuracy"])
    if nq:
        b = score_search(judged, base["search"]["bm25"])
        for mode, answers in ours["search"].items():
            o = score_search(judged, answers)
            metric(rows, f"search nDCG@10 ({mode})", nq, o["ndcg10"], b["ndcg10"])
            metric(rows, f"search MRR@10 ({mode})", nq, o["mrr10"], b["mrr10"])
            metric(rows, f"search Recall@10 ({mode})", nq, o["recall10"], b["recall10"])
    t = score_topics(judged, ours["graph"])
    metric(rows, "topic nodes", None, t["topics"], None, "info")
    metric(rows, "topic nodes in the generic list", None, len(t["generic"]), None, "lower")
    metric(rows, "graph nodes", None, t["nodes"], None, "info")
    return rows


def missing_paths(judged, articles):
    known = set(articles)
    paths = {r["source"] for r in judged["related"]} | {p for r in judged["related"] for p in r["wanted"]}
    paths |= {k["path"] for k in judged["keywords"]} | {t["path"] for t in judged["titles"]}
    paths |= {p for q in judged["queries"] for p in q["relevant"]}
    return sorted(paths - known)


def build_report(args, judged, ours, base, stats, seconds):
    generic_ours, generic_base = score_generic(judged, ours["keywords"]), score_generic(judged, base["keywords"])
    search_by_type = {m: score_search(judged, a)["ndcg10_by_type"] for m, a in ours["search"].items()}
    search_by_type["bm25"] = score_search(judged, base["search"]["bm25"])["ndcg10_by_type"]
    return {
        "corpus": judged["corpus"], "commit": judged["commit"], "folder": os.path.abspath(args.corpus),
        "judgments": judged["sources"], "date": datetime.date.today().isoformat(),
        "embeddings": args.embeddings, "articles": {"ours": len(ours["articles"]), "baseline": len(base["articles"])},
        "counts": {k: len(judged[k]) for k in ("related", "keywords", "titles", "queries", "generic")},
        "definitions": {
            "related R@5": "found in top 5 / number of wanted articles (any grade)",
            "related R@5 capped": "found in top 5 / min(5, number wanted)",
            "nDCG": "gain 2^grade - 1, log2 discount, ideal from the judged grades",
            "keyword P@5": "judged keyword groups matched by the top 5 predicted terms (case-insensitive, spaces "
                           "ignored, each group once) / 5",
            "generic": "over all articles; a top-10 keyword equal to a word of the judgment file's generic list",
            "title accuracy": "share of judged titles containing one of the subject words (case-insensitive)",
            "baseline": "plain Lucene: SmartChineseAnalyzer, MoreLikeThis (body, defaults), BM25 body+title OR, "
                        "MoreLikeThis interesting terms; titles = file name",
        },
        "seconds": round(seconds, 1), "stats": stats, "metrics": rows_rounded(build_metrics(judged, ours, base)),
        "missing_paths": missing_paths(judged, ours["articles"]),
        "title_failures": {"ours": score_titles(judged, ours["titles"])["failures"]},
        "generic_topics": score_topics(judged, ours["graph"])["generic"],
        "generic_keywords": {"ours": generic_ours["words"], "baseline": generic_base["words"]},
        "search_ndcg10_by_type": search_by_type,
        "answers": {"ours": ours, "baseline": base},
    }


def rows_rounded(rows):
    for row in rows:
        for key in ("ours", "baseline", "ratio"):
            if isinstance(row[key], float):
                row[key] = round(row[key], 4)
    return rows


def fmt(value):
    if value is None:
        return "–"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def markdown(report, no_corpus_text):
    a = report["articles"]
    lines = [f"## {report['corpus']}" + (f" @ {report['commit'][:12]}" if report.get("commit") else ""),
             "",
             f"{a['ours']} articles served ({a['baseline']} in the baseline index); embeddings "
             f"{'on' if report['embeddings'] else 'off'}; judged: " +
             ", ".join(f"{v} {k}" for k, v in report["counts"].items()) + f"; {report['seconds']} s.",
             "",
             "| metric | n | ours | baseline | ours / baseline |",
             "|---|---|---|---|---|"]
    for row in report["metrics"]:
        arrow = {"higher": " ↑", "lower": " ↓"}.get(row["better"], "")
        ratio = f"{row['ratio']:.2f}×" if row["ratio"] is not None else "–"
        lines.append(f"| {row['metric']}{arrow} | {fmt(row['n'])} | {fmt(row['ours'])} | {fmt(row['baseline'])} | {ratio} |")
    failures = report["title_failures"]["ours"]
    lines += ["", f"Title failures (ours): {len(failures)}"]
    for f in failures:
        inferred = "" if no_corpus_text else f" — inferred “{f['inferred']}”"
        lines.append(f"- `{f['path']}`{inferred} (judged: {f['judged']})")
    lines += ["", "Topics in the generic list: " + (", ".join(report["generic_topics"]) or "none")]
    top = ", ".join(f"{w} ({c})" for w, c in report["generic_keywords"]["ours"][:15])
    lines += ["", "Generic words among our keywords: " + (top or "none")]
    fallback = {k: v for k, v in report["answers"]["ours"]["search_modes_used"].items()
                if k.split(" -> ")[0] != k.split(" -> ")[1]}
    if fallback:
        lines += ["", "Search answered in another mode than asked: " + ", ".join(f"{k}: {v}" for k, v in fallback.items())]
    if report["missing_paths"]:
        lines += ["", f"Judged paths not served ({len(report['missing_paths'])}): " +
                  ", ".join(f"`{p}`" for p in report["missing_paths"])]
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    args.corpus = os.path.abspath(args.corpus)
    judged = load_judgments(args)
    work = tempfile.mkdtemp(prefix="dailydl-score-")
    start = time.time()
    server = Server(args, work)
    try:
        stats = server.wait_until_ready(args.embeddings, args.ready_timeout)
        ours = ask_ours(server, judged, args.embeddings)
    finally:
        server.stop()
    try:
        base = ask_baselines(args, judged, work)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report = build_report(args, judged, ours, base, stats, time.time() - start)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
    text = markdown(report, args.no_corpus_text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
