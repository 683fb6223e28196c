#!/usr/bin/env bash
# Runs every benchmark in one go on this machine and writes their section of BENCHMARKS.md (between the
# "bench.sh" markers) with the date, machine and command, plus BENCHMARKS-latency.svg:
#   native (kimi-bench): per-stage and end-to-end latency, cache hits, batch throughput, length scaling, load
#     time, peak RSS, SIMD/int8/cache ratios, and fastText (libfasttext-dev) in-process on the same queries;
#   web (bench_web.mjs): download sizes, WASM in Node 20 vs native on the same queries, SIMD vs scalar,
#     Chromium first answer and worker round trips.
# Queries: build/data/dev.jsonl (assembled by scripts/train.sh) or models/data/dev.jsonl.
# --quick: few repetitions, prints the section and leaves BENCHMARKS.md alone (the CI smoke run).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)

scripts/build.sh >/dev/null
mkdir -p build/bench
queries=build/data/dev.jsonl
[ -f "$queries" ] || queries=models/data/dev.jsonl

# fastText peer for speed: a compact supervised model (32 dims, 200k buckets, char 3-4-grams, word bigrams)
# trained here on the same training split, used in-process natively and through fastText's own WebAssembly
# build in Node. (The accuracy peer is the autotuned model of bench_accuracy.sh, 1.5 GB: not a fair size.)
ft_args=()
web_ft=()
if command -v fasttext >/dev/null; then
  train=build/data/train.jsonl
  [ -f "$train" ] || train=models/data/train.jsonl
  python3 -c "
import json, sys
sys.path.insert(0, 'scripts')
from bench_accuracy import fasttext_text
with open('build/bench/fasttext_train.txt', 'w', encoding='utf-8') as f:
    for l in open('$train', encoding='utf-8'):
        r = json.loads(l)
        f.write('__label__' + r['domain'] + ' ' + fasttext_text(r['q']) + '\n')
"
  fasttext supervised -input build/bench/fasttext_train.txt -output build/bench/fasttext_compact -dim 32 -bucket 200000 \
    -minn 3 -maxn 4 -wordNgrams 2 -epoch 25 -lr 0.5 -thread 1 -verbose 0
  ft_args=(--fasttext build/bench/fasttext_compact.bin)
  web_ft=(--fasttext-model=build/bench/fasttext_compact.bin)
fi

echo "bench.sh: native (kimi-bench on $queries)" >&2
./build/native/kimi-bench --queries "$queries" "${ft_args[@]}" "${quick[@]}" > build/bench/native.json
native_md=$(python3 scripts/bench_native.py build/bench/native.json --svg build/bench/latency.svg)
echo "bench.sh: web (Node 20 and Chromium)" >&2
web_md=$(node scripts/bench_web.mjs --native=build/bench/native.json "${web_ft[@]}" "${quick[@]}")
machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
block=$(printf '<!-- bench.sh:begin -->\n## Performance (scripts/bench.sh%s)\n\nRun %s on %s. Command: `scripts/bench.sh`. Chart: [BENCHMARKS-latency.svg](BENCHMARKS-latency.svg).\n\n### Native (kimi-bench, one core)\n\n%s\n\n%s\n<!-- bench.sh:end -->' \
  "${quick:+ --quick}" "$(date -u +%Y-%m-%d)" "$machine" "$native_md" "$web_md")

if [ ${#quick[@]} -gt 0 ]; then
  echo "$block"
  echo "bench.sh --quick: smoke run done (BENCHMARKS.md not changed)"
  exit 0
fi
cp build/bench/latency.svg BENCHMARKS-latency.svg
python3 - "$block" <<'PY'
import re, sys
block = sys.argv[1]
text = open("BENCHMARKS.md", encoding="utf-8").read()
if "<!-- bench.sh:begin -->" in text:
    text = re.sub(r"<!-- bench.sh:begin -->.*?<!-- bench.sh:end -->", lambda m: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
PY
echo "bench.sh: BENCHMARKS.md and BENCHMARKS-latency.svg updated"
