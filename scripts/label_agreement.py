#!/usr/bin/env python3
"""Agreement between our Stack Exchange labels (models/data/labels/stackexchange_*.tsv, which train and test)
and the blind second labelling pass (models/data/labels/second_pass/stackexchange.tsv, used for nothing else):
overall, per site, among titles both passes give a domain, and the most common disagreements. Then the title-only
pass (second_pass/title_only_public_test.tsv: the public test's titles, labelled from the title alone, without the
site, forced to one of the six domains): how often a reader with no more than the router sees agrees with our labels.

  scripts/label_agreement.py [--data-dir ../shared/data]
"""
import argparse, collections, json, os, sys


def read_tsv(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            n, label = line.rstrip("\n").split("\t")
            out[int(n)] = label
    return out


def agreement(first, other, ns):
    return sum(first[n] == other[n] for n in ns) / len(ns) if ns else float("nan")


def print_breakdown(first, other, ns, group_of, prefix, other_name, top):
    """Agreement per group (site, or our domain) and the most common disagreements."""
    groups = collections.defaultdict(list)
    for n in ns:
        groups[group_of(n)].append(n)
    for group, gns in sorted(groups.items()):
        print(f"  {prefix}{group:12} {len(gns):5}  {agreement(first, other, gns):.1%}")
    pairs = collections.Counter((first[n], other[n]) for n in ns if first[n] != other[n])
    print(f"most common disagreements (ours -> {other_name}):")
    for (x, y), c in pairs.most_common(top):
        print(f"  {x:12} -> {y:12} {c}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("KIMI_DATA_DIR", "../shared/data"))
    ap.add_argument("--labels", default="models/data/labels")
    a = ap.parse_args()
    titles_path = os.path.join(a.data_dir, "stackexchange", "titles.jsonl")
    if not os.path.exists(titles_path):
        sys.exit(f"label_agreement.py: {titles_path} not found (set KIMI_DATA_DIR or --data-dir)")
    sites = [json.loads(l)["site"] for l in open(titles_path, encoding="utf-8") if l.strip()]
    first = {}
    for name in sorted(os.listdir(a.labels)):
        if name.startswith("stackexchange_") and name.endswith(".tsv"):
            first.update(read_tsv(os.path.join(a.labels, name)))
    second = read_tsv(os.path.join(a.labels, "second_pass", "stackexchange.tsv"))
    both = [n for n in range(len(sites)) if n in first and n in second]
    if len(both) != len(sites):
        sys.exit(f"label_agreement.py: {len(sites)} titles but {len(both)} carry both labels")

    print(f"titles: {len(both)}; agreement {agreement(first, second, both):.1%}")
    domains = [n for n in both if first[n] != "none" and second[n] != "none"]
    print(f"titles both passes give a domain: {len(domains)}; agreement {agreement(first, second, domains):.1%}")
    print_breakdown(first, second, both, lambda n: sites[n], "", "second pass", 8)

    title_only_path = os.path.join(a.labels, "second_pass", "title_only_public_test.tsv")
    if os.path.exists(title_only_path):
        title_only = read_tsv(title_only_path)
        ns = sorted(title_only)
        print(f"title-only pass over the public test's titles: {len(ns)}; agreement {agreement(first, title_only, ns):.1%}")
        print_breakdown(first, title_only, ns, lambda n: first[n], "ours ", "title only", 5)


if __name__ == "__main__":
    main()
