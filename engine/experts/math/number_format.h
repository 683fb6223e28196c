// Number text for the maths expert's answers: whole numbers, fractions, exact decimals, π multiples and
// roundings that show only the digits the error bound guarantees.
#pragma once
#include "core/text_buffer.h"
#include "experts/math/value.h"

namespace kimi::math {

using NumText = TextBuffer<320>;

inline constexpr int kShownDigits = 10;  // significant digits of an approximation

void append_int(NumText& out, i128 v);
void append_fraction(NumText& out, const Rational& q);  // "7/3", "-1/2", "5"
// Exact decimal expansion ("0.75") when q terminates within max_decimals places; false otherwise.
bool append_exact_decimal(NumText& out, const Rational& q, int max_decimals);
// d rounded to `sig` significant digits, trailing zeros dropped: "0.3333333333", "1.2676506 × 10^30".
void append_rounded(NumText& out, double d, int sig);
// Significant digits of d that ae guarantees (at most kShownDigits); 0 when too few to be useful.
int reliable_digits(double d, double ae);
void append_pi_multiple(NumText& out, const Rational& q);  // "π", "2π", "-π/2", "3π/4"

enum FormatFlags : unsigned {
  kPreferFraction = 1,  // also show p/q for a terminating decimal ("3/4 = 0.75")
  kShowMixed = 2,       // also show a mixed number ("11/4 = 2 3/4 = 2.75")
};
// The shown result of v: "391", "0.3", "1/3 ≈ 0.3333333333", "π/6 ≈ 0.5235987756" or "≈ 1.414213562"
// (*approx_only set for the last form, which follows an expression without "="). nullptr or an error message.
const char* format_value(const Value& v, unsigned flags, NumText* out, bool* approx_only);
// The plain decimal of v, rounded when needed ("0.25", "0.3333333333"); false when v has no reliable digits.
bool append_decimal(NumText& out, const Value& v);

}  // namespace kimi::math

namespace kimi::math {
// The decimal of a rational with a repeating part shown twice and marked: 1/6 -> "0.1666…", *block = "6".
// False when the repeating block is longer than max_period digits (or the number does not repeat).
bool append_repeating_decimal(NumText& out, const Rational& q, int max_period, NumText* block);
// v in scientific notation, "9 × 10^9", "1.234 × 10^-5"; *approx set when rounded. False if not computable.
bool append_scientific(NumText& out, const Value& v, bool* approx);
// v rounded half away from zero to `places` decimals (negative: to tens, hundreds, ...), trailing zeros kept:
// "3.10". False when a floating value is too close to a rounding boundary to decide.
bool append_rounded_places(NumText& out, const Value& v, int places);
}  // namespace kimi::math
