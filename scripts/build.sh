#!/usr/bin/env bash
# Builds everything, incrementally:
#   build/native/  kimi (CLI), kimi-train (trainer), unit tests
#   build/wasm/    engine.mjs/.wasm (SIMD) and engine-scalar.mjs/.wasm
#   build/web/     the complete static site: web/ + engine + model + knowledge + vendored uPlot, and sw.js
#                  with its precache list and version filled in
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f build/native/build.ninja ] || cmake --preset native-release
cmake --build --preset native-release

[ -f build/wasm/build.ninja ] || cmake --preset wasm-release
cmake --build --preset wasm-release

site=build/web
rm -rf "$site.tmp"
mkdir -p "$site.tmp/engine" "$site.tmp/models/knowledge" "$site.tmp/vendor/uplot"
cp -R web/. "$site.tmp/"
cp build/wasm/engine.mjs build/wasm/engine.wasm build/wasm/engine-scalar.mjs build/wasm/engine-scalar.wasm "$site.tmp/engine/"
cp models/kimi.safetensors "$site.tmp/models/"
# The page checks the model it downloads against this before use.
printf '{"file": "kimi.safetensors", "bytes": %s, "sha256": "%s"}\n' "$(stat -c %s models/kimi.safetensors)" \
  "$(sha256sum models/kimi.safetensors | cut -d' ' -f1)" > "$site.tmp/models/model.json"
cp models/knowledge/*.json "$site.tmp/models/knowledge/"
cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE "$site.tmp/vendor/uplot/"
node scripts/make_sw.mjs "$site.tmp" >/dev/null
rm -rf "$site" && mv "$site.tmp" "$site"
echo "build: site ready in $site ($(du -sh "$site" | cut -f1))"
