#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for SECONDS (default 30: the CI smoke run;
# the recorded long runs use 600). Seeds come from tests/fuzz/corpus/<target> (committed); the growing corpus
# and any crash artifacts stay in build/fuzz/. Exit status 1 if any target finds a crash.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang)"; exit 1; }
[ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz >/dev/null
if [ ${#targets[@]} -eq 0 ]; then  # every target tests/fuzz/CMakeLists.txt built
  for bin in build/fuzz/fuzz_*; do [ -x "$bin" ] && targets+=("${bin#build/fuzz/fuzz_}"); done
fi

status=0
for t in "${targets[@]}"; do
  bin=build/fuzz/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz.sh: no target $t"; status=1; continue; }
  corpus=build/fuzz/corpus/$t
  mkdir -p "$corpus" build/fuzz/artifacts
  max_len=8192
  [ "$t" = model_loader ] && max_len=65536
  echo "== fuzz_$t for ${seconds}s"
  if "$bin" "$corpus" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -max_len=$max_len -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/"$t"- \
      > build/fuzz/"$t".log 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: " build/fuzz/"$t".log | tail -3 | sed 's/^/  /'
  else
    echo "  CRASH or failure: see build/fuzz/$t.log"; tail -30 build/fuzz/"$t".log; status=1
  fi
done
exit $status
