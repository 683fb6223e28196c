#!/usr/bin/env bash
# Installs what building, testing and serving need, only what is missing (idempotent). Debian 12, as root
# (or with sudo). System packages come from Debian; JS packages from npm, pinned by package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ make pkg-config python3   # native build
  libeigen3-dev nlohmann-json3-dev catch2         # engine, trainer, unit tests
  emscripten                                      # WebAssembly build
  chromium                                        # browser end-to-end tests (driven by playwright-core)
  clang libclang-rt-14-dev                        # libFuzzer targets and sanitizer runtimes
  fasttext libfasttext-dev                        # the peer router in bench_accuracy.sh and kimi-bench
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node 20 usually comes with the machine (with its own npm); Debian's packages only fill a gap, since
# Debian's npm conflicts with a Node that bundles npm.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

# npm packages (uPlot for the charts, playwright-core for the e2e tests), exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
