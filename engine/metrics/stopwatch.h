// Monotonic timestamps for the per-stage latencies: several per query, so their cost matters. On x86-64 with
// an invariant TSC (checked once) a read is the time-stamp counter, a few ns; elsewhere, and without an
// invariant TSC, std::chrono::steady_clock (about 35 ns per read on the measured VM, ~150 ns in WebAssembly
// under Node). Ticks become microseconds with a rate measured once against steady_clock.
#pragma once
#include <cstdint>

namespace kimi {

class Stopwatch {
 public:
  using Ticks = uint64_t;
  // Measures the tick rate (about 2 ms, once per process); call before timing anything (Engine::load does).
  static void calibrate();
  // A host's own monotonic clock in milliseconds, used instead of steady_clock (the WebAssembly bindings pass
  // emscripten_get_now: steady_clock there goes through clock_gettime's emulation on top of the same call).
  static void use_host_clock(double (*now_ms)());
  static Ticks now();
  static double us_between(Ticks a, Ticks b);
};

}  // namespace kimi
