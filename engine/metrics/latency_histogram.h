// Fixed-size log-linear latency histogram (4 sub-buckets per power of two, 0.01 us .. ~170 s).
// Percentiles are accurate to the bucket width (about 19%), plenty for p50/p95/p99 reporting.
#pragma once
#include <array>
#include <cstdint>

#include "kimi/kimi.h"

namespace kimi {

class LatencyHistogram {
 public:
  void record(double microseconds);
  Percentiles percentiles() const;
  uint64_t count() const { return count_; }
  void reset() { *this = LatencyHistogram(); }

 private:
  static constexpr int kSub = 4;
  static constexpr int kBuckets = 34 * kSub;  // powers of two of 10 ns units: up to 2^34 * 10 ns
  static int bucket_of(double us);
  static double bucket_upper_us(int b);
  double quantile(double q) const;
  std::array<uint64_t, kBuckets> counts_{};
  uint64_t count_ = 0;
};

}  // namespace kimi
