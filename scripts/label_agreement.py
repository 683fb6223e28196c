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

    def rate(ns):
        return sum(first[n] == second[n] for n in ns) / len(ns) if ns else float("nan")

    print(f"titles: {len(both)}; agreement {rate(both):.1%}")
    domains = [n for n in both if first[n] != "none" and second[n] != "none"]
    print(f"titles both passes give a domain: {len(domains)}; agreement {rate(domains):.1%}")
    by_site = collections.defaultdict(list)
    for n in both:
        by_site[sites[n]].append(n)
    for site, ns in sorted(by_site.items()):
        print(f"  {site:12} {len(ns):5}  {rate(ns):.1%}")
    pairs = collections.Counter((first[n], second[n]) for n in both if first[n] != second[n])
    print("most common disagreements (ours -> second pass):")
    for (x, y), c in pairs.most_common(8):
        print(f"  {x:12} -> {y:12} {c}")

    title_only_path = os.path.join(a.labels, "second_pass", "title_only_public_test.tsv")
    if os.path.exists(title_only_path):
        title_only = read_tsv(title_only_path)
        ns = sorted(title_only)
        agree = sum(first[n] == title_only[n] for n in ns)
        print(f"title-only pass over the public test's titles: {len(ns)}; agreement {agree / len(ns):.1%}")
        by_domain = collections.defaultdict(list)
        for n in ns:
            by_domain[first[n]].append(n)
        for domain, dns in sorted(by_domain.items()):
            print(f"  ours {domain:12} {len(dns):4}  {sum(first[n] == title_only[n] for n in dns) / len(dns):.1%}")
        pairs = collections.Counter((first[n], title_only[n]) for n in ns if first[n] != title_only[n])
        print("most common disagreements (ours -> title only):")
        for (x, y), c in pairs.most_common(5):
            print(f"  {x:12} -> {y:12} {c}")


if __name__ == "__main__":
    main()
