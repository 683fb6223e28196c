// The mathematics expert's exact solver: finds the maths in a normalized query ("what is 17 × 23?",
// "solve 2x + 7 = 3", "derivative of x^2 + 3x", "mean of 2, 4, 4, 5") and computes it exactly, or says
// honestly that it cannot. Per call: no heap allocation, bounded time (milliseconds even for 4096 bytes) and
// bounded stack (under 200 KB: nesting is capped at 32 levels).
//
//   kimi::TextBuffer<4096> out;
//   if (kimi::solve_math("what is 2+2?", out) == kimi::MathOutcome::kComputed) show(out.view());  // "2 + 2 = 4"
#pragma once
#include <cstddef>
#include <string_view>

#include "core/text_buffer.h"

namespace kimi {

enum class MathOutcome {
  kComputed,       // out: the exact result, e.g. "17 × 23 = 391" or "x = -2  (from 2x + 7 = 3)"
  kCannotCompute,  // recognized maths it cannot do exactly; out says so and shows what it understood
  kError,          // division by zero, malformed expression, overflow: out has a clear message
  kNotMath,        // nothing computable (out left empty): the engine shows the knowledge-base answer
};

// `normalized_query`: the engine's normalized text (lowercase, single spaces, at most 4096 bytes); any bytes
// are safe. `out` is cleared first.
MathOutcome solve_math(std::string_view normalized_query, TextBuffer<4096>& out);

}  // namespace kimi
