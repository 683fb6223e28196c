#!/usr/bin/env bash
# Rebuilds models/kimi.safetensors from models/data/ deterministically (fixed seed), and writes the exact
# train/dev sets it used to build/data/{train,dev}.jsonl so any peer can be trained on the same data.
#
#   scripts/train.sh            retrain and overwrite models/kimi.safetensors
#   scripts/train.sh --check    retrain into build/ and fail unless the bytes equal the committed model
#
# Environment: KIMI_DATA_DIR (default ../shared/data) is where public datasets are read in place; data v1
# does not use them yet (see models/data/SOURCES.md).
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
[ "${1:-}" = "--check" ] && check=1

scripts/build.sh >/dev/null
mkdir -p build/data
out=models/kimi.safetensors
[ $check -eq 1 ] && out=build/data/kimi.check.safetensors

./build/native/kimi-train --data models/data --knowledge models/knowledge --out "$out" --assembled build/data --seed 1

if [ $check -eq 1 ]; then
  if cmp -s "$out" models/kimi.safetensors; then
    echo "train.sh --check: retrained model is byte-identical to models/kimi.safetensors ($(sha256sum "$out" | cut -c1-16))"
  else
    echo "train.sh --check: FAILED: retrained model differs from models/kimi.safetensors" >&2
    echo "  committed $(sha256sum models/kimi.safetensors | cut -c1-16), retrained $(sha256sum "$out" | cut -c1-16)" >&2
    exit 1
  fi
fi
