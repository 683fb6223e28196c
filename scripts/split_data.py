#!/usr/bin/env python3
"""Merges labelled query files into models/data/train.jsonl and dev.jsonl.

Rows are {"q", "domain"[, "intent"]}. Exact duplicates (after lowercasing and folding whitespace) are dropped,
keeping the first. The split is by a hash of the normalized query, so it is stable: a query never moves between
train and dev when other rows are added, and near-identical spellings of one query land on the same side.

  scripts/split_data.py NEW.jsonl [...] [--out models/data] [--dev-percent 10]

Existing rows of OUT/train.jsonl and OUT/dev.jsonl are kept and merged with the new ones.
"""
import argparse, hashlib, json, os, re, sys

def key(q):
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", q.lower())).strip()

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", default="models/data")
    ap.add_argument("--dev-percent", type=int, default=10)
    a = ap.parse_args()
    rows, seen = [], set()
    existing = [os.path.join(a.out, f) for f in ("train.jsonl", "dev.jsonl") if os.path.exists(os.path.join(a.out, f))]
    for path in existing + a.inputs:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                o = json.loads(line)
                row = {"q": o["q"], "domain": o["domain"]}
                if o.get("intent"):  # optional: rows without one train the router only
                    row["intent"] = o["intent"]
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                sys.exit(f"{path}:{n}: bad row ({e})")
            k = key(row["q"])
            if not k or k in seen:
                continue
            seen.add(k)
            rows.append(row)
    train, dev = [], []
    for r in rows:
        h = int(hashlib.sha256(key(r["q"]).encode()).hexdigest()[:8], 16)
        (dev if h % 100 < a.dev_percent else train).append(r)
    os.makedirs(a.out, exist_ok=True)
    for name, part in (("train.jsonl", train), ("dev.jsonl", dev)):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} unique rows: {len(train)} train, {len(dev)} dev -> {a.out}")

if __name__ == "__main__":
    main()
