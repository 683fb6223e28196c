#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: native unit tests (ctest), the WebAssembly module in
# Node 20, the browser end-to-end tests, and the check that scripts/train.sh reproduces the committed model
# byte for byte. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

echo "== unit tests"
ctest --preset native-release -j2

echo "== WebAssembly engine in Node"
node --test tests/web/

echo "== browser end-to-end (Chromium)"
node --test --test-concurrency=1 e2e/

echo "== model reproducibility"
scripts/train.sh --check

echo "== all tests passed"
