#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: native unit tests (ctest), the same under ASan+UBSan,
# short fuzzing runs, the WebAssembly module in Node 20, the browser end-to-end tests, and the check that
# scripts/train.sh reproduces the committed model byte for byte, and a smoke run of the benchmarks. This is
# the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

echo "== unit tests"
ctest --preset native-release -j2

echo "== unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer"
[ -f build/native-debug/build.ninja ] || cmake --preset native-debug
cmake --build --preset native-debug
# (the soak and snippet tests add nothing under sanitizers but minutes; the fuzzers below cover the same code)
ctest --preset native-debug -j2 -E "soak|snippets"

echo "== fuzzing, short runs (the 10-minute runs are recorded in BENCHMARKS.md)"
scripts/fuzz.sh 20

echo "== WebAssembly engine in Node"
node --test tests/web/

echo "== browser end-to-end (Chromium)"
node --test --test-concurrency=1 e2e/

echo "== model reproducibility"
scripts/train.sh --check

echo "== benchmarks, smoke run (scripts/bench.sh --quick: runs every benchmark briefly; no timing is asserted)"
scripts/bench.sh --quick > build/bench-quick.md
tail -n 1 build/bench-quick.md

echo "== all tests passed"
