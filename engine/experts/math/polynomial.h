// Polynomials in one variable with exact rational coefficients: recovery from samples, derivative, integral,
// evaluation and the conventional text form ("3x^2 - x + 1/2").
#pragma once
#include "core/text_buffer.h"
#include "experts/math/value.h"

namespace kimi::math {

inline constexpr int kMaxPolyDegree = 12;  // highest degree handled (integration adds one)

struct Poly {
  Rational c[kMaxPolyDegree + 2];  // c[k] multiplies var^k
  int deg = -1;                    // -1 for the zero polynomial
  char var = 'x';
};

using PolyText = TextBuffer<1024>;

void poly_trim(Poly* p);  // recomputes deg after leading zeros
// The polynomial of degree < n through (xs[i], ys[i]), by Newton's divided differences. False on overflow.
bool poly_interpolate(const Rational* xs, const Rational* ys, int n, Poly* out);
bool poly_sub(const Poly& a, const Poly& b, Poly* out);
bool poly_derivative(const Poly& p, Poly* out);
bool poly_integral(const Poly& p, Poly* out);  // constant term 0; false when the degree would exceed the cap
bool poly_eval(const Poly& p, const Rational& x, Rational* out);
const char* poly_eval_value(const Poly& p, const Value& x, Value* out);  // exact or error-bounded
// Divides by (x - r) when r is a root; false if it is not or on overflow.
bool poly_divide_root(const Poly& p, const Rational& r, Poly* out);

void append_poly(PolyText& out, const Poly& p);
// One coefficient-times-power term without sign, e.g. "3x^2/2", "x", "5".
void append_term(PolyText& out, const Rational& magnitude, int power, char var);

}  // namespace kimi::math
