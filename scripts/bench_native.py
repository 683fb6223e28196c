#!/usr/bin/env python3
"""Turns kimi-bench's JSON into the native section of BENCHMARKS.md and an SVG chart of the latency
distributions (p50 / p95 / p99 per measure). Used by scripts/bench.sh.

  scripts/bench_native.py build/bench/native.json --svg BENCHMARKS-latency.svg
"""
import argparse, json

TARGETS = [("end-to-end p50, ~100-byte queries", "≤ 5 µs"), ("cache hit p50", "≤ 0.5 µs"),
           ("batch API throughput, one core", "≥ 200,000 q/s")]


def us(x):
    return f"{x:.2f}"


def markdown(j):
    o = []
    q = j["queries"]
    o.append(f"{q['count']} queries from `{q['file']}` (mean {q['mean_bytes']:.0f} bytes); "
             f"model load {j['load_ms']:.1f} ms; peak RSS {j['peak_rss_kib'] / 1024:.1f} MiB (after load and one pass over the queries, before the harness's sample buffers and fastText).")
    o.append("")
    o.append("| measure | p50 µs | p95 µs | p99 µs | mean µs | n |")
    o.append("| --- | --- | --- | --- | --- | --- |")

    def row(label, s):
        o.append(f"| {label} | {us(s['p50_us'])} | {us(s['p95_us'])} | {us(s['p99_us'])} | {us(s['mean_us'])} | {s['n']} |")

    row("end to end, cache off (normalize → answer)", j["end_to_end"])
    if "end_to_end_100_bytes" in j:
        row("end to end, cache off, 80–120-byte queries", j["end_to_end_100_bytes"])
    for k in ("normalize", "features", "router", "expert", "answer"):
        row(f"· stage: {k}", j["stages"][k])
    for k in ("normalize", "features", "router", "expert", "answer"):
        if "stages_100_bytes" in j:
            row(f"· stage at 80–120 bytes: {k}", j["stages_100_bytes"][k])
    row("cache hit (whole query() call)", j["cache_hit"])
    row("router only (normalize + features + router), int8", j["router_only"]["latency"])
    if "fasttext" in j:
        row("fastText predict (in-process, same queries)", j["fasttext"]["latency"])
    o.append("")
    t = j["throughput_qps"]
    o.append("| throughput, one core | queries/s |")
    o.append("| --- | --- |")
    o.append(f"| batch API `query_batch` (routing: router, experts, intents), cache off | {t['batch_cache_off']:,.0f} |")
    o.append(f"| batch API `query_batch`, all cache hits | {t['batch_all_cache_hits']:,.0f} |")
    o.append(f"| `query()` one call at a time with full answers, cache off | {t['single_calls_cache_off']:,.0f} |")
    o.append(f"| router only (classification) | {j['router_only']['qps']:,.0f} |")
    if "fasttext" in j:
        o.append(f"| fastText predict (classification) | {j['fasttext']['qps']:,.0f} |")
    o.append("")
    o.append("Length scaling (cache off, whole queries cut from the dev text): "
             + "; ".join(f"{s['bytes']} B → {us(s['p50_us'])} µs ({s['ns_per_byte']:.0f} ns/B)" for s in j["length_scaling"])
             + ". Router only: "
             + "; ".join(f"{s['bytes']} B → {us(s['p50_us'])} µs ({s['ns_per_byte']:.0f} ns/B)" for s in j["router_length_scaling"])
             + ".")
    o.append("")
    r = j["ratios"]
    o.append("| ratio (same run) | value |")
    o.append("| --- | --- |")
    o.append(f"| router, vector kernels (AVX2 chosen at run time here; SSE2 baseline) over scalar kernels (throughput) | {r['simd_over_scalar_router']:.2f}× |")
    o.append(f"| router, int8 embeddings over the same weights in f32 (throughput) | {r['int8_over_f32_router']:.2f}× |")
    o.append(f"| end to end p50, cache off over cache hit | {r['cache_on_over_off_end_to_end']:.1f}× |")
    if "router_over_fasttext_qps" in r:
        o.append(f"| router over fastText predict (throughput, classification vs classification) | {r['router_over_fasttext_qps']:.1f}× |")
        o.append(f"| batch API (router + expert intents) over fastText predict (throughput) | {r['end_to_end_batch_over_fasttext_qps']:.1f}× |")
    o.append("")
    e100 = j.get("end_to_end_100_bytes", j["end_to_end"])["p50_us"]
    got = [f"{us(e100)} µs", f"{us(j['cache_hit']['p50_us'])} µs", f"{t['batch_cache_off']:,.0f} q/s"]
    ok = [e100 <= 5, j["cache_hit"]["p50_us"] <= 0.5, t["batch_cache_off"] >= 200000]
    o.append("Targets (DESIGN.md): " + "; ".join(f"{name} {tgt}: {g} {'PASS' if k else 'FAIL'}"
                                                 for (name, tgt), g, k in zip(TARGETS, got, ok)) + ".")
    return "\n".join(o)


def svg(j):
    rows = [("native end to end", j["end_to_end"]), ("native cache hit", j["cache_hit"]),
            ("native router only", j["router_only"]["latency"])]
    for k in ("normalize", "features", "router", "expert", "answer"):
        rows.append((f"stage: {k}", j["stages"][k]))
    if "fasttext" in j:
        rows.append(("fastText predict", j["fasttext"]["latency"]))
    import math
    top = max(s["p99_us"] for _, s in rows)
    lo = 0.1  # log scale from 0.1 µs: sub-microsecond stages and 100 µs tails on one chart
    x = lambda v: 200 + 440 * math.log10(max(v, lo) / lo) / math.log10(top / lo)
    h = 40 + 26 * len(rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="780" height="{h + 30}" font-family="sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="white"/>',
             f'<text x="10" y="20" font-size="14">Latency per query, µs, log scale (bar: p50, whisker: p95, tick: p99) — {j["queries"]["count"]} queries</text>']
    for i, (label, s) in enumerate(rows):
        y = 40 + 26 * i
        parts.append(f'<text x="10" y="{y + 13}">{label}</text>')
        parts.append(f'<rect x="200" y="{y}" width="{max(1.0, x(s["p50_us"]) - 200):.1f}" height="16" fill="#4a78c2"/>')
        parts.append(f'<line x1="{x(s["p50_us"]):.1f}" x2="{x(s["p95_us"]):.1f}" y1="{y + 8}" y2="{y + 8}" stroke="#333"/>')
        parts.append(f'<line x1="{x(s["p99_us"]):.1f}" x2="{x(s["p99_us"]):.1f}" y1="{y + 2}" y2="{y + 14}" stroke="#c23"/>')
        parts.append(f'<text x="{x(s["p99_us"]) + 6:.1f}" y="{y + 13}" fill="#555">{s["p50_us"]:.2f} / {s["p95_us"]:.1f} / {s["p99_us"]:.1f}</text>')
    for v in (0.1, 1, 10, 100):
        if v <= top:
            parts.append(f'<line x1="{x(v):.1f}" x2="{x(v):.1f}" y1="34" y2="{h}" stroke="#ddd"/>')
            parts.append(f'<text x="{x(v) - 8:.1f}" y="{h + 15}" fill="#555">{v:g} µs</text>')
    parts.append('</svg>')
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("json")
    ap.add_argument("--svg")
    a = ap.parse_args()
    j = json.load(open(a.json))
    print(markdown(j))
    if a.svg:
        open(a.svg, "w").write(svg(j))


if __name__ == "__main__":
    main()
