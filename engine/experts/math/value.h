// A computed quantity of the maths expert: an exact rational, an exact rational multiple of π, or a floating
// value that carries a bound on its absolute error, so that no digit is ever shown that might be wrong.
#pragma once
#include <cstdint>

#include "experts/math/rational.h"

namespace kimi::math {

inline constexpr int kNotPolynomial = -1;
inline constexpr int kDegreeCap = 200;  // degree bounds saturate here (x^1000 is simply "too high")

// Exact forms of the irrational values trig functions take at multiples of 30° and 45° ("√3/2"), kept on
// the floating value so the answer can show them; any further arithmetic drops them.
enum SurdCode : uint8_t {
  kSurdNone = 0, kSurdHalfRoot2, kSurdHalfRoot3, kSurdRoot3, kSurdThirdRoot3, kSurdRoot2, kSurdTwoThirdsRoot3,
  kSurdNegative = 0x80
};

struct Value {
  enum class Kind : uint8_t { kUnknown, kExact, kPi, kReal };
  Kind kind = Kind::kExact;
  uint8_t surd = kSurdNone;  // kReal only: its exact form (SurdCode, with kSurdNegative for a minus sign)
  int16_t deg = 0;       // degree bound in the variables; kNotPolynomial when one sits in a denominator, root, ...
  Rational q;            // kExact: the value; kPi: the factor of π
  double d = 0, ae = 0;  // kReal: the value and a bound on its absolute error
};

Value exact_value(const Rational& q);
Value int_value(i128 v);
Value pi_value(const Rational& factor);
Value unknown_value(int deg);
bool is_exact_integer(const Value& v, i128* out);
// The value as a double with an absolute error bound; false for kUnknown.
bool to_real(const Value& v, double* d, double* ae);

// Arithmetic: each returns nullptr, or a message for the user (the result is then kUnknown).
// Degree bounds are tracked for polynomial work: x in a denominator, exponent or function argument makes the
// result kNotPolynomial and its value is then not computed at all (so sampling x never divides by zero).
const char* vadd(const Value& a, const Value& b, Value* out);
const char* vsub(const Value& a, const Value& b, Value* out);
const char* vmul(const Value& a, const Value& b, Value* out);
const char* vdiv(const Value& a, const Value& b, Value* out);
const char* vmod(const Value& a, const Value& b, Value* out);
const char* vneg(const Value& a, Value* out);
const char* vpow(const Value& a, const Value& b, Value* out);

enum class Func : uint8_t {
  kSqrt, kCbrt, kAbs, kSin, kCos, kTan, kSec, kCsc, kCot, kAsin, kAcos, kAtan, kLog10, kLog2, kLn, kLogBase, kExp,
  kFloor, kCeil, kRound, kFactorial, kGcd, kLcm, kMax, kMin, kNcr, kNpr
};
bool func_is_trig(Func f);  // sin .. cot: the ones whose plain-number argument might have been meant in degrees
// args[0..n): for kLogBase args[0] is the base. Multi-argument functions take n >= 2 (ncr/npr exactly 2).
const char* vfunc(Func f, const Value* args, int n, Value* out);

// -1, 0, 1; sets *certain false when floating error bounds overlap.
int vcompare(const Value& a, const Value& b, bool* certain);

}  // namespace kimi::math
