// Exact rationals over 128-bit integers for the maths expert: every operation reports overflow instead of wrapping.
#pragma once
#include <cstdint>

namespace kimi::math {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

inline constexpr i128 kI128Max = static_cast<i128>(~static_cast<u128>(0) >> 1);

// Always normalized: den > 0, gcd(|num|, den) == 1, num never equals the most negative i128 (so it can be negated).
struct Rational {
  i128 num = 0;
  i128 den = 1;
};

inline Rational from_int(i128 v) { return Rational{v, 1}; }
inline bool is_integer(const Rational& r) { return r.den == 1; }
inline bool is_zero(const Rational& r) { return r.num == 0; }
inline int sign(const Rational& r) { return r.num > 0 ? 1 : (r.num < 0 ? -1 : 0); }

i128 gcd(i128 a, i128 b);  // of |a| and |b|; arguments must not be the most negative i128
// Builds num/den in lowest terms. False when den == 0 or a value is out of range.
bool make_rational(i128 num, i128 den, Rational* out);

// Each returns false on overflow and then leaves *out unspecified.
bool add(const Rational& a, const Rational& b, Rational* out);
bool sub(const Rational& a, const Rational& b, Rational* out);
bool mul(const Rational& a, const Rational& b, Rational* out);
bool div(const Rational& a, const Rational& b, Rational* out);  // b must be non-zero
bool neg(const Rational& a, Rational* out);
bool pow_int(const Rational& a, i128 exponent, Rational* out);  // not 0^negative
bool floor_int(const Rational& a, i128* out);                  // largest integer <= a

int compare(const Rational& a, const Rational& b);  // -1, 0, 1; never overflows
double to_double(const Rational& a);

// Exact integer k-th root of n (k >= 2): true and *root when n is a perfect k-th power (n < 0 only for odd k).
bool exact_root(i128 n, int k, i128* root);
// D = s²·d (D > 0) with d free of square factors up to 10^5: enough for textbook numbers; a larger square
// factor just stays under the root, which is still exact.
void split_square(i128 D, i128* s, i128* d);
// 10^e as an i128 (0 <= e <= 38), or false.
bool pow10_int(int e, i128* out);

}  // namespace kimi::math
