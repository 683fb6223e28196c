#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: the unit tests (ctest) and the check that
# scripts/train.sh reproduces the committed model byte for byte. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

echo "== unit tests"
ctest --preset native-release -j2

echo "== model reproducibility"
scripts/train.sh --check

echo "== all tests passed"
