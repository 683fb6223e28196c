// Latency histogram (see latency_histogram.h).
#include "metrics/latency_histogram.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace kimi {

int LatencyHistogram::bucket_of(double us) {
  double units = us * 100.0;  // 10 ns units
  if (!(units >= 1.0)) return 0;
  if (units >= 0x1p62) return kBuckets - 1;
  // units = 1.f * 2^E (a normal double): bucket E * kSub + the top bits of f, read from the bits directly
  // (the same value as with frexp, which is a libm call on every query).
  static_assert(kSub == 4, "two fraction bits select the sub-bucket");
  uint64_t bits;
  std::memcpy(&bits, &units, sizeof bits);
  const int e = static_cast<int>((bits >> 52) & 0x7FF) - 1023;
  const int b = e * kSub + static_cast<int>((bits >> 50) & 3u);
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
