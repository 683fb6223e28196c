#!/usr/bin/env bash
# Sets everything up, builds, and starts kimi. Until the web app lands (issue: the web app) this is the
# interactive CLI; then it will serve build/web/ on 127.0.0.1:${PORT:-8080} and print the URL.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh
exec ./build/native/kimi --interactive "$@"
