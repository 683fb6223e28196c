#!/usr/bin/env python3
"""Routing accuracy of our router and of fastText trained on exactly the same data, on dev and both test sets.

Reads build/data/{train,dev,test_handwritten,test_public}.jsonl (written by scripts/train.sh), scores our model
with build/native/kimi-eval, trains fastText (Debian's `fasttext` binary) on the same train split with its own
autotune on our dev split, and reports top-1, top-2, per-domain accuracy, confusion matrices, expected
calibration error (15 equal-width confidence bins) and model sizes. Prints the report and, with --write,
replaces the "bench_accuracy" section of BENCHMARKS.md.

  scripts/bench_accuracy.py [--model models/kimi.safetensors] [--autotune-seconds 300] [--write]
"""
import argparse, datetime, gzip, json, os, platform, subprocess, sys, tempfile

DOMAINS = ["reasoning", "coding", "language", "mathematics", "tool_use", "context"]
SETS = [("dev", "dev"), ("test_handwritten", "hand-written test"), ("test_public", "human-written public test")]
TARGETS = {"test_handwritten": (95.0, 99.0), "test_public": (90.0, 97.0)}


def fasttext_text(q):
    """Same preparation as engine/bench/peer_fasttext.cpp: lowercase ASCII, spaces around ASCII punctuation."""
    out = []
    for ch in q:
        c = ord(ch)
        if c >= 0x80 or ch.isascii() and ch.isalnum():
            out.append(ch.lower() if ch.isascii() else ch)
        elif c < 0x20 or ch.isspace():
            out.append(" ")
        else:
            out.append(" " + ch + " ")
    return "".join(out)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def ours(model, rows):
    inp = "".join(json.dumps({"q": r["q"]}, ensure_ascii=False) + "\n" for r in rows)
    out = subprocess.run(["build/native/kimi-eval", "--model", model], input=inp.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def write_fasttext(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(f"__label__{r['domain']} {fasttext_text(r['q'])}\n")


def fasttext_scores(model_bin, rows, tmp):
    path = os.path.join(tmp, "eval.txt")
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(fasttext_text(r["q"]) + "\n")
    out = subprocess.run(["fasttext", "predict-prob", model_bin, path, "6"], capture_output=True, check=True).stdout
    scores = []
    for line in out.decode("utf-8").splitlines():
        p = [0.0] * 6
        parts = line.split()
        for k in range(0, len(parts) - 1, 2):
            p[DOMAINS.index(parts[k][len("__label__"):])] = float(parts[k + 1])
        scores.append(p)
    return scores


def metrics(rows, scores):
    n = len(rows)
    conf = [[0] * 6 for _ in DOMAINS]
    top1 = top2 = 0
    bins = [[0, 0.0, 0] for _ in range(15)]  # count, sum confidence, correct
    for r, p in zip(rows, scores):
        y = DOMAINS.index(r["domain"])
        order = sorted(range(6), key=lambda k: -p[k])
        conf[y][order[0]] += 1
        top1 += order[0] == y
        top2 += y in order[:2]
        b = min(14, int(p[order[0]] * 15))
        bins[b][0] += 1
        bins[b][1] += p[order[0]]
        bins[b][2] += order[0] == y
    ece = sum(abs(c[1] / c[0] - c[2] / c[0]) * c[0] / n for c in bins if c[0])
    per = {d: (100.0 * conf[i][i] / sum(conf[i]) if sum(conf[i]) else None) for i, d in enumerate(DOMAINS)}
    return {"n": n, "top1": 100.0 * top1 / n, "top2": 100.0 * top2 / n, "ece": ece, "per_domain": per, "confusion": conf}


def size_line(path):
    raw = open(path, "rb").read()
    return f"{len(raw):,} bytes ({len(gzip.compress(raw, 9)):,} gzip)"


def table(name, a, b):
    lines = [f"**{name}** ({a['n']} queries)", "",
             "| router | top-1 | top-2 | ECE | " + " | ".join(DOMAINS) + " |",
             "| --- | --- | --- | --- | " + " | ".join("---" for _ in DOMAINS) + " |"]
    for label, m in (("kimi", a), ("fastText", b)):
        per = " | ".join("–" if m["per_domain"][d] is None else f"{m['per_domain'][d]:.1f}" for d in DOMAINS)
        lines.append(f"| {label} | {m['top1']:.2f}% | {m['top2']:.2f}% | {m['ece']:.3f} | {per} |")
    lines += ["", "kimi confusion (rows = true, columns = predicted; order " + ", ".join(DOMAINS) + "):", "```"]
    lines += ["%-12s %s" % (d, " ".join("%5d" % v for v in a["confusion"][i])) for i, d in enumerate(DOMAINS)]
    lines += ["```", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/kimi.safetensors")
    ap.add_argument("--data", default="build/data")
    ap.add_argument("--autotune-seconds", type=int, default=300)
    ap.add_argument("--write", action="store_true", help="replace the bench_accuracy section of BENCHMARKS.md")
    ap.add_argument("--reuse-fasttext", action="store_true",
                    help="keep build/data/fasttext_router.bin if it exists (same training data: skips the autotune)")
    a = ap.parse_args()
    data = {s: read_jsonl(os.path.join(a.data, s + ".jsonl")) for s in ["train"] + [s for s, _ in SETS]}
    with tempfile.TemporaryDirectory() as tmp:
        write_fasttext(data["train"], os.path.join(tmp, "train.txt"))
        write_fasttext(data["dev"], os.path.join(tmp, "dev.txt"))
        ft = os.path.join(a.data, "fasttext_router")
        if a.reuse_fasttext and os.path.exists(ft + ".bin"):
            print(f"bench_accuracy: reusing {ft}.bin", file=sys.stderr)
        else:
            print(f"bench_accuracy: training fastText on {len(data['train'])} queries "
                  f"(autotune {a.autotune_seconds} s on dev)", file=sys.stderr)
            subprocess.run(["fasttext", "supervised", "-input", os.path.join(tmp, "train.txt"), "-output", ft,
                            "-autotune-validation", os.path.join(tmp, "dev.txt"), "-autotune-duration",
                            str(a.autotune_seconds), "-thread", "1", "-verbose", "0"], check=True,
                           stderr=subprocess.DEVNULL)  # autotune's progress line is rewritten ~10 times a second
        results = {}
        for s, _ in SETS:
            results[s] = (metrics(data[s], ours(a.model, data[s])), metrics(data[s], fasttext_scores(ft + ".bin", data[s], tmp)))
    out = [f"Run {datetime.date.today()} on {platform.machine()} ({os.cpu_count()} cores); command "
           f"`scripts/bench_accuracy.sh`; fastText {len(data['train'])} training queries = ours (build/data/train.jsonl), "
           f"autotuned {a.autotune_seconds} s on build/data/dev.jsonl.", "",
           f"Model sizes: kimi `{a.model}` {size_line(a.model)}; fastText `{ft}.bin` {size_line(ft + '.bin')}.", ""]
    for s, name in SETS:
        out.append(table(name, *results[s]))
    out.append("Targets (issue 4):")
    for s, (t1, t2) in TARGETS.items():
        m, f = results[s]
        checks = [("top-1 >= %.0f%%" % t1, m["top1"] >= t1), ("top-2 >= %.0f%%" % t2, m["top2"] >= t2),
                  ("every domain >= 85%", all(v is None or v >= 85 for v in m["per_domain"].values())),
                  ("ECE <= 0.05", m["ece"] <= 0.05), ("top-1 >= fastText + 2", m["top1"] >= f["top1"] + 2)]
        out.append(f"- {s}: " + "; ".join(f"{c} {'PASS' if ok else 'FAIL'}" for c, ok in checks))
    report = "\n".join(out)
    print(report)
    if a.write:
        block = "<!-- bench_accuracy:begin -->\n## Routing accuracy (scripts/bench_accuracy.sh)\n\n" + report + "\n<!-- bench_accuracy:end -->"
        text = open("BENCHMARKS.md", encoding="utf-8").read()
        if "<!-- bench_accuracy:begin -->" in text:
            start, end = text.index("<!-- bench_accuracy:begin -->"), text.index("<!-- bench_accuracy:end -->")
            text = text[:start] + block + text[end + len("<!-- bench_accuracy:end -->"):]
        else:
            text = text.rstrip() + "\n\n" + block + "\n"
        open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
        print("bench_accuracy: BENCHMARKS.md updated", file=sys.stderr)


if __name__ == "__main__":
    main()
