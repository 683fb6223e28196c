// Polynomial recovery by exact sampling (see sampling.h).
#include "experts/math/sampling.h"

namespace kimi::math {

Sampled sample_span(const TokenList& t, const ParseResult& span, char var) {
  Sampled out;
  out.lhs.var = out.rhs.var = var;
  int deg = span.lhs.deg;
  if (span.rel >= 0 && (span.rhs.deg > deg || span.rhs.deg == kNotPolynomial)) deg = span.rhs.deg;
  if (span.lhs.deg == kNotPolynomial) deg = kNotPolynomial;
  if (deg == kNotPolynomial) {
    out.status = SampleStatus::kNonPolynomial;
    return out;
  }
  if (deg > kMaxPolyDegree) {
    out.status = SampleStatus::kTooHigh;
    return out;
  }
  Rational xs[kMaxPolyDegree + 1], yl[kMaxPolyDegree + 1], yr[kMaxPolyDegree + 1];
  char letters[2] = {var, 0};
  EvalOptions opt;
  opt.letters = letters;
  for (int i = 0; i <= deg; ++i) {
    i128 x = (i + 1) / 2 * (i % 2 ? 1 : -1);  // 0, 1, -1, 2, -2, ...: small values keep numbers small
    xs[i] = from_int(x);
    opt.var_values[0] = int_value(x);
    ParseResult r = parse_expression(t, span.begin, span.end, opt, nullptr);
    if (!r.ok || r.eval_error) {
      out.error = r.eval_error ? r.eval_error : r.syntax_error;
      out.status = SampleStatus::kError;
      return out;
    }
    bool exact = r.lhs.kind == Value::Kind::kExact && (r.rel < 0 || r.rhs.kind == Value::Kind::kExact);
    if (!exact) {
      out.status = (r.lhs.kind == Value::Kind::kUnknown || r.rhs.kind == Value::Kind::kUnknown)
                       ? SampleStatus::kNonPolynomial
                       : SampleStatus::kInexact;
      return out;
    }
    yl[i] = r.lhs.q;
    yr[i] = r.rel >= 0 ? r.rhs.q : Rational{};
  }
  if (!poly_interpolate(xs, yl, deg + 1, &out.lhs) || !poly_interpolate(xs, yr, deg + 1, &out.rhs)) {
    out.status = SampleStatus::kTooHigh;
    out.error = "the numbers get too large for exact arithmetic";
    return out;
  }
  out.status = SampleStatus::kOk;
  return out;
}

const char* evaluate_at(const TokenList& t, const ParseResult& span, const char* letters, const Value* values,
                        Value* difference) {
  EvalOptions opt;
  opt.letters = letters;
  for (int i = 0; i < kMaxVars && letters[i]; ++i) opt.var_values[i] = values[i];
  ParseResult r = parse_expression(t, span.begin, span.end, opt, nullptr);
  if (!r.ok) return r.syntax_error;
  if (r.eval_error) return r.eval_error;
  if (r.rel < 0) {
    *difference = r.lhs;
    return nullptr;
  }
  return vsub(r.lhs, r.rhs, difference);
}

}  // namespace kimi::math
