// Stopwatch (see stopwatch.h).
#include "metrics/stopwatch.h"

#include <chrono>

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
#include <cpuid.h>
#include <x86intrin.h>
#define KIMI_TSC 1
#endif

namespace kimi {
namespace {

using Steady = std::chrono::steady_clock;

double (*g_host_now_ms)() = nullptr;

uint64_t steady_ns() {
  if (g_host_now_ms) return static_cast<uint64_t>(g_host_now_ms() * 1e6);
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now().time_since_epoch()).count());
}

#ifdef KIMI_TSC
bool invariant_tsc() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(0x80000000u, &a, &b, &c, &d) || a < 0x80000007u) return false;
  __get_cpuid(0x80000007u, &a, &b, &c, &d);
  return (d >> 8) & 1u;  // "TSC invariant": constant rate in all power states
}
#endif

struct Rate {
  bool tsc = false;
  double us_per_tick = 1e-3;  // steady_clock ticks are nanoseconds
};

Rate measure() {
  Rate r;
#ifdef KIMI_TSC
  if (!invariant_tsc()) return r;
  const uint64_t n0 = steady_ns(), c0 = __rdtsc();
  uint64_t n1 = n0, c1 = c0;
  while (n1 - n0 < 2'000'000) {  // 2 ms
    n1 = steady_ns();
    c1 = __rdtsc();
  }
  if (c1 <= c0) return r;
  r.tsc = true;
  r.us_per_tick = static_cast<double>(n1 - n0) * 1e-3 / static_cast<double>(c1 - c0);
#endif
  return r;
}

const Rate& rate() {
  static const Rate r = measure();
  return r;
}

}  // namespace

void Stopwatch::calibrate() { (void)rate(); }

void Stopwatch::use_host_clock(double (*now_ms)()) { g_host_now_ms = now_ms; }

Stopwatch::Ticks Stopwatch::now() {
#ifdef KIMI_TSC
  if (rate().tsc) return __rdtsc();
#endif
  return steady_ns();
}

double Stopwatch::us_between(Ticks a, Ticks b) { return b > a ? static_cast<double>(b - a) * rate().us_per_tick : 0.0; }

}  // namespace kimi
