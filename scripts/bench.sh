#!/usr/bin/env bash
# Runs the benchmarks and writes their section of BENCHMARKS.md (between the "bench.sh" markers), with the
# date, machine and command. --quick: fewer repetitions (a smoke run; figures are not for the record).
#
# So far: web-side figures (sizes, SIMD vs scalar WebAssembly, Chromium first answer and round trips).
# Native latency/throughput and the fastText comparison come with the performance issue.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)

scripts/build.sh >/dev/null
section=$(node scripts/bench_web.mjs "${quick[@]}")
machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
block=$(printf '<!-- bench.sh:begin -->\n## Web (scripts/bench.sh%s)\n\nRun %s on %s.\n\n%s\n<!-- bench.sh:end -->' \
  "${quick:+ --quick}" "$(date -u +%Y-%m-%d)" "$machine" "$section")

if [ ${#quick[@]} -gt 0 ]; then
  echo "$block"
  echo "bench.sh --quick: smoke run done (BENCHMARKS.md not changed)"
  exit 0
fi
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
echo "bench.sh: BENCHMARKS.md updated"
