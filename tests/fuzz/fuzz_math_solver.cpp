// libFuzzer target: the mathematics solver on arbitrary (normalized) text. Any outcome is fine; crashes,
// sanitizer reports, runaway time and answers on kNotMath are not.
#include <cstdint>
#include <cstdlib>

#include "experts/math/math_solver.h"
#include "text/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static char buf[kimi::kMaxNormalizedBytes];
  static kimi::TextBuffer<4096> out;
  kimi::NormalizeStats st;
  const std::size_t n = kimi::normalize(std::string_view(reinterpret_cast<const char*>(data), size), buf, &st);
  const kimi::MathOutcome outcome = kimi::solve_math(std::string_view(buf, n), out);
  if (outcome == kimi::MathOutcome::kNotMath && out.size() != 0) std::abort();
  if (outcome != kimi::MathOutcome::kNotMath && out.size() == 0) std::abort();
  return 0;
}
