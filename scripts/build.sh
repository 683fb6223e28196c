#!/usr/bin/env bash
# Builds the native engine, CLI (build/native/kimi), trainer (build/native/kimi-train) and unit tests.
# Incremental: reruns only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f build/native/build.ninja ] || cmake --preset native-release
cmake --build --preset native-release
