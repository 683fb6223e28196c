#!/usr/bin/env bash
# Sets everything up, builds, and serves the app (build/web) on 127.0.0.1:${PORT:-8080}, printing its URL.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs build/web "${PORT:-8080}"
