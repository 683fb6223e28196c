// Recovers the exact polynomials behind a one-variable expression or equation by evaluating it exactly at
// deg+1 values of the variable and interpolating (the evaluator never builds a symbolic tree).
#pragma once
#include "experts/math/parser.h"
#include "experts/math/polynomial.h"

namespace kimi::math {

enum class SampleStatus { kOk, kNonPolynomial, kTooHigh, kInexact, kError };

struct Sampled {
  SampleStatus status = SampleStatus::kError;
  Poly lhs, rhs;                  // rhs is zero for a plain expression
  const char* error = nullptr;    // kError: the evaluation message
};

// `span` from analyze_query; var is its variable letter (any letter when the span has none).
Sampled sample_span(const TokenList& t, const ParseResult& span, char var);

// Values of the span's two sides (lhs - rhs) with the variables set to `values` (letters in slot order).
const char* evaluate_at(const TokenList& t, const ParseResult& span, const char* letters, const Value* values,
                        Value* difference);

}  // namespace kimi::math
