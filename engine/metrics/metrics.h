// Engine metrics: query/error/consensus counters, per-expert counts and a latency histogram per stage.
#pragma once
#include <array>
#include <cstdint>

#include "kimi/kimi.h"
#include "metrics/latency_histogram.h"

namespace kimi {

struct Metrics {
  uint64_t queries = 0, errors = 0, consensus = 0, cache_bypassed = 0;
  std::array<uint64_t, kNumDomains> per_expert{};
  LatencyHistogram normalize, features, router, expert, total;
  void reset() { *this = Metrics(); }
};

}  // namespace kimi
