// Exact rationals over 128-bit integers (see rational.h).
#include "experts/math/rational.h"

#include <cmath>

namespace kimi::math {
namespace {

constexpr i128 kI128Min = -kI128Max - 1;

i128 abs_i(i128 v) { return v < 0 ? -v : v; }

bool mul_i(i128 a, i128 b, i128* out) { return !__builtin_mul_overflow(a, b, out) && *out != kI128Min; }
bool add_i(i128 a, i128 b, i128* out) { return !__builtin_add_overflow(a, b, out) && *out != kI128Min; }

}  // namespace

i128 gcd(i128 a, i128 b) {
  a = abs_i(a);
  b = abs_i(b);
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool make_rational(i128 num, i128 den, Rational* out) {
  if (den == 0 || num == kI128Min || den == kI128Min) return false;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i128 g = gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  *out = Rational{num, den};
  return true;
}

bool add(const Rational& a, const Rational& b, Rational* out) {
  // a/b + c/d over the smallest common denominator keeps intermediates small.
  i128 g = gcd(a.den, b.den);
  i128 bd = b.den / g, ad = a.den / g, x, y, n, d;
  if (!mul_i(a.num, bd, &x) || !mul_i(b.num, ad, &y) || !add_i(x, y, &n) || !mul_i(a.den, bd, &d)) return false;
  return make_rational(n, d, out);
}

bool neg(const Rational& a, Rational* out) {
  *out = Rational{-a.num, a.den};  // num is never the most negative value
  return true;
}

bool sub(const Rational& a, const Rational& b, Rational* out) {
  Rational nb;
  neg(b, &nb);
  return add(a, nb, out);
}

bool mul(const Rational& a, const Rational& b, Rational* out) {
  if (a.num == 0 || b.num == 0) {
    *out = Rational{0, 1};
    return true;
  }
  // Cross-reduce first so that a product that fits is never reported as overflow.
  i128 g1 = gcd(a.num, b.den), g2 = gcd(b.num, a.den), n, d;
  if (!mul_i(a.num / g1, b.num / g2, &n) || !mul_i(a.den / g2, b.den / g1, &d)) return false;
  return make_rational(n, d, out);
}

bool div(const Rational& a, const Rational& b, Rational* out) {
  if (b.num == 0) return false;
  Rational inv;
  if (!make_rational(b.den, b.num, &inv)) return false;
  return mul(a, inv, out);
}

bool pow_int(const Rational& a, i128 exponent, Rational* out) {
  Rational base = a;
  if (exponent < 0) {
    if (a.num == 0 || exponent == kI128Min || !make_rational(a.den, a.num, &base)) return false;
    exponent = -exponent;
  }
  Rational result{1, 1};
  // |base| <= 1 cases end quickly; otherwise overflow stops the loop within 128 squarings.
  if (base.num == 0) {
    *out = exponent == 0 ? result : base;
    return true;
  }
  if (base.den == 1 && (base.num == 1 || base.num == -1)) {
    *out = Rational{(base.num == -1 && (exponent & 1)) ? -1 : 1, 1};
    return true;
  }
  while (exponent > 0) {
    if (exponent & 1) {
      if (!mul(result, base, &result)) return false;
    }
    exponent >>= 1;
    if (exponent > 0 && !mul(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

bool floor_int(const Rational& a, i128* out) {
  i128 q = a.num / a.den, r = a.num % a.den;
  if (r < 0) --q;  // C++ division truncates toward zero
  *out = q;
  return true;
}

int compare(const Rational& x, const Rational& y) {
  // Continued-fraction comparison: integer parts first, then r1/b vs r2/d, which orders like d/r2 vs b/r1.
  // Only divisions are used, so it never overflows; Euclid's steps bound the loop.
  i128 a = x.num, b = x.den, c = y.num, d = y.den;
  for (int guard = 0; guard < 400; ++guard) {
    i128 q1 = a / b, r1 = a % b, q2 = c / d, r2 = c % d;
    if (r1 < 0) { --q1; r1 += b; }
    if (r2 < 0) { --q2; r2 += d; }
    if (q1 != q2) return q1 < q2 ? -1 : 1;
    if (r1 == 0 || r2 == 0) return (r1 == 0 && r2 == 0) ? 0 : (r1 == 0 ? -1 : 1);
    i128 na = d, nb = r2, nc = b, nd = r1;
    a = na; b = nb; c = nc; d = nd;
  }
  return 0;
}

double to_double(const Rational& a) { return static_cast<double>(a.num) / static_cast<double>(a.den); }

bool exact_root(i128 n, int k, i128* root) {
  if (k < 2) return false;
  bool negative = n < 0;
  if (negative && k % 2 == 0) return false;
  if (n == kI128Min) return false;
  i128 m = negative ? -n : n;
  double est = std::pow(static_cast<double>(m), 1.0 / k);
  i128 base = static_cast<i128>(est);
  for (i128 r = base > 2 ? base - 2 : 0; r <= base + 2; ++r) {
    i128 p = 1;
    bool ok = true;
    for (int i = 0; i < k && ok; ++i) ok = mul_i(p, r, &p);
    if (!ok) break;
    if (p == m) {
      *root = negative ? -r : r;
      return true;
    }
    if (p > m) break;
  }
  return false;
}

void split_square(i128 D, i128* s, i128* d) {
  *s = 1;
  for (i128 k = 2; k * k <= D && k <= 100000; ++k)
    while (D % (k * k) == 0) {
      D /= k * k;
      *s *= k;
    }
  *d = D;
}

bool pow10_int(int e, i128* out) {
  if (e < 0 || e > 38) return false;
  i128 v = 1;
  for (int i = 0; i < e; ++i) v *= 10;
  *out = v;
  return true;
}

}  // namespace kimi::math
