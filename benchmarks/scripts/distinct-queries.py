#!/usr/bin/env python3
"""Writes N distinct search request paths for wrk's cycle.lua: every judged query alone, then
pairs and triples of judged queries (what real traffic looks like to a cache: mostly new
strings made of words readers use), each URL-encoded. Standard library only.

    distinct-queries.py --judgments FILE [FILE ...] --count 60000 --mode hybrid > paths.txt
"""
import argparse
import json
import random
import sys
import urllib.parse


def queries(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    items = data if isinstance(data, list) else data.get("queries", [])
    return [q.get("query") or q.get("q") for q in items]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--judgments", nargs="+", required=True)
    parser.add_argument("--count", type=int, default=60000)
    parser.add_argument("--mode", default="hybrid", choices=["hybrid", "lexical", "semantic"])
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    singles = []
    for path in args.judgments:
        singles.extend(q for q in queries(path) if q)
    singles = list(dict.fromkeys(singles))
    rng = random.Random(args.seed)
    seen = set()
    out = []

    def add(text):
        if text not in seen and len(text) <= 256:
            seen.add(text)
            out.append(text)

    for q in singles:
        add(q)
    attempts = 0
    while len(out) < args.count and attempts < args.count * 20:
        attempts += 1
        k = 2 if rng.random() < 0.8 else 3
        add(" ".join(rng.choice(singles) for _ in range(k)))
    rng.shuffle(out)
    for text in out[: args.count]:
        q = urllib.parse.quote(text, safe="")
        sys.stdout.write(f"/api/search?q={q}&size={args.size}&mode={args.mode}\n")
    print(f"{min(len(out), args.count)} distinct requests from {len(singles)} judged queries", file=sys.stderr)


if __name__ == "__main__":
    main()
