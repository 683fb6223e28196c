#!/usr/bin/env bash
# Routing accuracy of our router vs fastText trained on the same split (see scripts/bench_accuracy.py), written
# to BENCHMARKS.md. Assembles build/data/ first (public data read in place, KIMI_DATA_DIR) if it is missing.
#   scripts/bench_accuracy.sh [--autotune-seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v fasttext >/dev/null || { echo "bench_accuracy.sh: needs Debian's fasttext (apt-get install fasttext)" >&2; exit 1; }
scripts/build.sh >/dev/null
[ -f build/data/test_public.jsonl ] || python3 scripts/assemble_data.py --data-dir "${KIMI_DATA_DIR:-../shared/data}" --out build/data
python3 scripts/bench_accuracy.py --write "$@"
