// Small text helpers shared by the equation solvers.
#pragma once
#include "experts/math/number_format.h"
#include "experts/math/polynomial.h"
#include "experts/math/query.h"

namespace kimi::math {

// Integers and terminating decimals as decimals, others as fractions: "3", "2.5", "7/3".
inline void append_number(PolyText& out, const Rational& r) {
  NumText t;
  if (!append_exact_decimal(t, r, 12)) append_fraction(t, r);
  out.append(t.view());
}

inline std::string_view relation_symbol(int rel) {
  switch (rel) {
    case kLt: return " < ";
    case kGt: return " > ";
    case kLe: return " ≤ ";
    case kGe: return " ≥ ";
    case kNe: return " ≠ ";
    default: return " = ";
  }
}

// "  (from 2x + 7 = 3)"
inline void append_from(AnswerText& out, const Echo& echo) {
  out.append("  (from ").append(echo.view());
  if (echo.overflow()) out.append("…");
  out.append(")");
}

}  // namespace kimi::math
