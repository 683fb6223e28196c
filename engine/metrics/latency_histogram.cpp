// Latency histogram (see latency_histogram.h).
#include "metrics/latency_histogram.h"

#include <cmath>

namespace kimi {

int LatencyHistogram::bucket_of(double us) {
  double units = us * 100.0;  // 10 ns units
  if (!(units >= 1.0)) return 0;
  int e;
  double m = std::frexp(units, &e);  // units = m * 2^e, m in [0.5, 1)
  int b = (e - 1) * kSub + static_cast<int>((m * 2.0 - 1.0) * kSub);
  return b >= kBuckets ? kBuckets - 1 : b;
}

double LatencyHistogram::bucket_upper_us(int b) {
  int e = b / kSub, sub = b % kSub;
  return std::ldexp(1.0 + static_cast<double>(sub + 1) / kSub, e) / 100.0;
}

void LatencyHistogram::record(double us) {
  ++counts_[bucket_of(us)];
  ++count_;
}

double LatencyHistogram::quantile(double q) const {
  if (count_ == 0) return 0.0;
  const uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_)));
  uint64_t seen = 0;
  for (int b = 0; b < kBuckets; ++b) {
    seen += counts_[b];
    if (seen >= rank && counts_[b] > 0) return bucket_upper_us(b);
  }
  return bucket_upper_us(kBuckets - 1);
}

Percentiles LatencyHistogram::percentiles() const { return {quantile(0.50), quantile(0.95), quantile(0.99), count_}; }

}  // namespace kimi
