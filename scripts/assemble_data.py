#!/usr/bin/env python3
"""Assembles the exact training, dev and test sets from our own data plus public data read in place.

Our data (committed): models/data/train.jsonl, dev.jsonl (hand-written), models/data/test_handwritten.jsonl.
Public data (never copied into the repository; read from DATA_DIR, default ../shared/data — see its README):
  clinc150   intents mapped to our domains below (its train/val splits train/validate, its test split tests)
  gsm8k      math word problems (its train split trains, a sample of its test split tests)
  stackexchange  titles, labelled by hand by line number in models/data/labels/stackexchange_*.tsv
  tldr, nl2bash  descriptions of shell tasks -> tool_use
Public items are split by a hash of their text (or their dataset's own split), so the split is stable and no
test item is ever trained on. Per-source caps keep any one source's style from standing for a domain.

Writes OUT/train.jsonl, OUT/dev.jsonl, OUT/test_public.jsonl, OUT/test_handwritten.jsonl (a copy of ours) and
OUT/sources.json (rows per source and domain). Rows are {"q", "domain"[, "intent"], "source"}.

  scripts/assemble_data.py [--data-dir DIR] [--out build/data]
"""
import argparse, collections, hashlib, json, os, re, sys

DOMAINS = ["reasoning", "coding", "language", "mathematics", "tool_use", "context"]

# CLINC150 intents that fall under our domain definitions (DESIGN.md), with the matching expert intent.
# Every other intent (banking, travel, small talk, device control, ...) is none of our domains and is left out.
CLINC_MAP = {
    "calculator": ("mathematics", "arithmetic"),
    "measurement_conversion": ("mathematics", "unit_conversion_rates"),
    "translate": ("language", "translate_phrase"),
    "definition": ("language", "word_definition"),
    "spelling": ("language", "spelling_rules"),
    "repeat": ("context", "repeat_answer"),
    "user_name": ("context", "recall_name"),
    "change_user_name": ("context", "remember_name"),
    "meaning_of_life": ("reasoning", "meaning_of_life"),
}

# Caps on rows per (source, domain) in training, so no public source outweighs our varied hand-written rows
# or teaches a domain by its style (long GSM8K problems, terse tldr imperatives, LaTeX titles).
TRAIN_CAP = {"gsm8k": 700, "tldr": 700, "nl2bash": 700, "stackexchange": 900}
TEST_CAP = 150  # per (source, domain) in the public test set


def bucket(text, salt):
    """Stable 0..99 from a hash of the text: the split never depends on row order or other rows."""
    return int(hashlib.sha1((salt + "\0" + text).encode("utf-8")).hexdigest()[:8], 16) % 100


def norm_key(q):
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", q.lower())).strip()


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def spread(rows, cap, salt):
    """At most `cap` rows, picked by hash order (deterministic, independent of file order)."""
    return sorted(rows, key=lambda r: hashlib.sha1((salt + r["q"]).encode("utf-8")).hexdigest())[:cap]


class NearTest:
    """Finds rows that paraphrase a test query: word 3-gram Jaccard >= 0.5 (the measure of
    ../shared/tools/data_report.py, which reports >= 0.6), so no test query is nearly seen in training.
    Applied to our written rows (writers converge on the same famous examples); the public datasets are
    split by their own splits or by hash, and their templated phrasings ("how to spell X") would match
    without being paraphrases."""

    def __init__(self, test_rows, threshold=0.5):
        self.threshold = threshold
        self.tests = [self.shingles(r["q"]) for r in test_rows]
        self.index = collections.defaultdict(list)
        for i, s in enumerate(self.tests):
            for g in s:
                self.index[g].append(i)
        self.dropped = 0

    @staticmethod
    def shingles(q, k=3):
        w = norm_key(q).split()
        return {" ".join(w[i:i + k]) for i in range(max(1, len(w) - k + 1))}

    def close(self, q):
        s = self.shingles(q)
        shared = collections.Counter(i for g in s for i in self.index.get(g, ()))
        if any(n / len(s | self.tests[i]) >= self.threshold for i, n in shared.items()):
            self.dropped += 1
            return True
        return False


def clinc(d):
    data = json.load(open(os.path.join(d, "clinc150", "data_full.json"), encoding="utf-8"))
    out = {"train": [], "dev": [], "test": []}
    for split, ours in (("train", "train"), ("val", "dev"), ("test", "test")):
        for text, intent in data[split]:
            if intent in CLINC_MAP:
                dom, our_intent = CLINC_MAP[intent]
                out[ours].append({"q": text, "domain": dom, "intent": our_intent, "source": "clinc150"})
    return out


def gsm8k(d):
    out = {"train": [], "dev": [], "test": []}
    for row in read_jsonl(os.path.join(d, "gsm8k", "train.jsonl")):
        q = row["question"].strip()
        out["dev" if bucket(q, "gsm8k") < 8 else "train"].append(
            {"q": q, "domain": "mathematics", "intent": "word_problems", "source": "gsm8k"})
    out["test"] = [{"q": r["question"].strip(), "domain": "mathematics", "intent": "word_problems", "source": "gsm8k"}
                   for r in read_jsonl(os.path.join(d, "gsm8k", "test.jsonl"))]
    return out


def split3(q, salt):
    b = bucket(q, salt)
    return "test" if b < 20 else ("dev" if b < 25 else "train")


def stackexchange(d, labels_dir):
    titles = read_jsonl(os.path.join(d, "stackexchange", "titles.jsonl"))
    labels = {}
    for name in sorted(os.listdir(labels_dir)):
        if name.startswith("stackexchange_") and name.endswith(".tsv"):
            for line in open(os.path.join(labels_dir, name), encoding="utf-8"):
                if line.strip():
                    n, lab = line.rstrip("\n").split("\t")
                    labels[int(n)] = lab
    out = {"train": [], "dev": [], "test": []}
    for n, row in enumerate(titles):
        lab = labels.get(n)
        if lab in DOMAINS:
            q = row["title"].strip()
            out[split3(q, "stackexchange")].append({"q": q, "domain": lab, "source": "stackexchange"})
    return out, len(labels), len(titles)


def tldr(d):
    out = {"train": [], "dev": [], "test": []}
    for line in open(os.path.join(d, "tldr", "pages.jsonl"), encoding="utf-8"):
        page = json.loads(line)
        part = split3(page["platform"] + "/" + page["command"], "tldr")  # a command's examples stay together
        for ex in page.get("examples", []):
            q = re.sub(r"\[(\w+)\]", r"\1", ex["desc"]).strip().rstrip(":").strip()  # "package [n]ame" -> "package name"
            if len(q) >= 8:
                out[part].append({"q": q, "domain": "tool_use", "source": "tldr"})
    return out


def nl2bash(d):
    out = {"train": [], "dev": [], "test": []}
    for line in open(os.path.join(d, "nl2bash", "all.nl"), encoding="utf-8"):
        q = re.sub(r"^\((GNU|BSD|OSX|Linux)[^)]*\)\s*", "", line.strip())
        if len(q) >= 8:
            out[split3(q, "nl2bash")].append({"q": q, "domain": "tool_use", "source": "nl2bash"})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("KIMI_DATA_DIR", "../shared/data"))
    ap.add_argument("--out", default="build/data")
    ap.add_argument("--ours", default="models/data")
    a = ap.parse_args()
    if not os.path.isdir(a.data_dir):
        sys.exit(f"assemble_data.py: public data directory '{a.data_dir}' not found (set KIMI_DATA_DIR or --data-dir; "
                 "see ../shared/data/README.md for the datasets)")

    sets = {"train": [], "dev": [], "test": []}
    for r in read_jsonl(os.path.join(a.ours, "train.jsonl")):
        sets["train"].append(dict(r, source="ours"))
    for r in read_jsonl(os.path.join(a.ours, "dev.jsonl")):
        sets["dev"].append(dict(r, source="ours"))

    se, labelled, titles = stackexchange(a.data_dir, os.path.join(a.ours, "labels"))
    print(f"stackexchange: {labelled} of {titles} titles labelled by hand", file=sys.stderr)
    for name, parts in (("clinc150", clinc(a.data_dir)), ("gsm8k", gsm8k(a.data_dir)), ("stackexchange", se),
                        ("tldr", tldr(a.data_dir)), ("nl2bash", nl2bash(a.data_dir))):
        for split in ("train", "dev", "test"):
            by_dom = collections.defaultdict(list)
            for r in parts[split]:
                by_dom[r["domain"]].append(r)
            for dom, rows in sorted(by_dom.items()):
                if split == "train" and name in TRAIN_CAP:
                    rows = spread(rows, TRAIN_CAP[name], name)
                elif split == "dev" and name in TRAIN_CAP:
                    rows = spread(rows, max(1, TRAIN_CAP[name] // 9), name)
                elif split == "test":
                    rows = spread(rows, TEST_CAP, name + "/test")
                sets[split].extend(rows)

    # No test text in train or dev, and no dev text in train (exact match after folding case and punctuation).
    test_keys = {norm_key(r["q"]) for r in sets["test"]}
    hand = [dict(r, source="ours") for r in read_jsonl(os.path.join(a.ours, "test_handwritten.jsonl"))]
    test_keys |= {norm_key(r["q"]) for r in hand}
    near = NearTest(sets["test"] + hand)
    dev_seen, dev = set(), []
    for r in sets["dev"]:
        k = norm_key(r["q"])
        if k and k not in test_keys and k not in dev_seen and not (r["source"] == "ours" and near.close(r["q"])):
            dev_seen.add(k)
            dev.append(r)
    train_seen, train = set(), []
    for r in sets["train"]:
        k = norm_key(r["q"])
        if k and k not in test_keys and k not in dev_seen and k not in train_seen and not (r["source"] == "ours" and near.close(r["q"])):
            train_seen.add(k)
            train.append(r)
    print(f"dropped {near.dropped} of our train/dev rows that paraphrase a test query", file=sys.stderr)
    test_seen, test = set(), []
    for r in sets["test"]:
        k = norm_key(r["q"])
        if k and k not in test_seen:
            test_seen.add(k)
            test.append(r)

    os.makedirs(a.out, exist_ok=True)
    counts = {}
    for name, rows in (("train", train), ("dev", dev), ("test_public", test), ("test_handwritten", hand)):
        with open(os.path.join(a.out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        c = collections.Counter((r["source"], r["domain"]) for r in rows)
        counts[name] = {f"{s}/{d}": n for (s, d), n in sorted(c.items())}
        per_dom = collections.Counter(r["domain"] for r in rows)
        print(f"{name}: {len(rows)} rows; " + ", ".join(f"{d} {per_dom[d]}" for d in DOMAINS), file=sys.stderr)
    json.dump(counts, open(os.path.join(a.out, "sources.json"), "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
