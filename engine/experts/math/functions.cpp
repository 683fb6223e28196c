// Named functions on values (sqrt, trig, logs, rounding, factorial, gcd, ...): exact where the answer is
// rational (or a rational multiple of π), error-bounded floating point otherwise.
#include <cmath>

#include "experts/math/value_internal.h"

namespace kimi::math {
namespace {

constexpr const char* kMsgSqrtNegative = "the square root of a negative number is not a real number";
constexpr const char* kMsgLogDomain = "logarithms are only defined for positive numbers";
constexpr const char* kMsgLogBase = "a logarithm base must be positive and not 1";
constexpr const char* kMsgArcDomain = "asin and acos are only defined for values from -1 to 1";
constexpr const char* kMsgTanUndefined = "tan is undefined at odd multiples of π/2 (90°)";
constexpr const char* kMsgFactorial = "factorial is only defined for whole numbers 0, 1, 2, ...";
constexpr const char* kMsgWhole = "gcd, lcm, nCr and nPr need whole numbers (and n >= k >= 0 for nCr, nPr)";
constexpr const char* kMsgTooLarge = "the result is too large for exact arithmetic";

Rational rat(i128 n, i128 d) {
  Rational r;
  make_rational(n, d, &r);
  return r;
}

bool equals(const Rational& a, i128 n, i128 d) { return compare(a, rat(n, d)) == 0; }

// Monotone f on [x - ae, x + ae]: the spread of f there bounds the propagated error.
const char* real_monotone(double (*f)(double), double x, double ae, Value* out) {
  double d = f(x);
  double spread = std::fmax(std::fabs(f(x + ae) - d), std::fabs(f(x - ae) - d));
  return finish_real(d, spread + 2 * kEps * std::fabs(d), out);
}

double f_sqrt(double x) { return std::sqrt(x > 0 ? x : 0); }
double f_cbrt(double x) { return std::cbrt(x); }
double f_log10(double x) { return std::log10(x); }
double f_log2(double x) { return std::log2(x); }
double f_ln(double x) { return std::log(x); }
double f_exp(double x) { return std::exp(x); }
double f_asin(double x) { return std::asin(std::fmax(-1.0, std::fmin(1.0, x))); }
double f_acos(double x) { return std::acos(std::fmax(-1.0, std::fmin(1.0, x))); }
double f_atan(double x) { return std::atan(x); }

bool power_of(i128 n, i128 base, i128* k) {
  if (n < 1) return false;
  *k = 0;
  while (n % base == 0) {
    n /= base;
    ++*k;
  }
  return n == 1;
}

uint8_t signed_surd(uint8_t code, double d) { return static_cast<uint8_t>(code | (d < 0 ? kSurdNegative : 0)); }

// The exact form of a ratio or reciprocal of the special sin/cos values (tan 30° = √3/3, sec 45° = √2).
uint8_t derived_surd(Func f, const Value& s, const Value& c, double result) {
  auto base = [](const Value& v) { return static_cast<uint8_t>(v.surd & ~kSurdNegative); };
  auto half = [](const Value& v) { return v.kind == Value::Kind::kExact && v.q.den == 2; };  // ±1/2
  uint8_t code = kSurdNone;
  switch (f) {
    case Func::kTan:
      if (base(s) == kSurdHalfRoot3 && half(c)) code = kSurdRoot3;
      if (half(s) && base(c) == kSurdHalfRoot3) code = kSurdThirdRoot3;
      break;
    case Func::kCot:
      if (base(c) == kSurdHalfRoot3 && half(s)) code = kSurdRoot3;
      if (half(c) && base(s) == kSurdHalfRoot3) code = kSurdThirdRoot3;
      break;
    case Func::kSec:
    case Func::kCsc: {
      uint8_t b = base(f == Func::kSec ? c : s);
      if (b == kSurdHalfRoot2) code = kSurdRoot2;
      if (b == kSurdHalfRoot3) code = kSurdTwoThirdsRoot3;
      break;
    }
    default:
      break;
  }
  return code ? signed_surd(code, result) : static_cast<uint8_t>(kSurdNone);
}

// sin and cos of the argument: exact halves at multiples of 30°, otherwise error-bounded reals.
const char* sin_cos(const Value& a, Value* s, Value* c) {
  if (a.kind == Value::Kind::kExact && is_zero(a.q)) {
    *s = int_value(0);
    *c = int_value(1);
    return nullptr;
  }
  if (a.kind == Value::Kind::kPi) {
    Rational half, r, twice;
    i128 k;
    if (div(a.q, rat(2, 1), &half) && floor_int(half, &k) && mul(from_int(k), rat(2, 1), &twice) &&
        sub(a.q, twice, &r)) {  // r = q mod 2, in [0, 2)
      Rational six;
      static const int kSinHalves[12] = {0, 1, 9, 2, 9, 1, 0, -1, 9, -2, 9, -1};  // 9: irrational
      int idx = -1;
      if (mul(r, rat(6, 1), &six) && six.den == 1) idx = static_cast<int>(six.num);
      double angle = to_double(r) * kPi;
      int si = idx >= 0 ? kSinHalves[idx] : 9, ci = idx >= 0 ? kSinHalves[(idx + 3) % 12] : 9;
      *s = si != 9 ? exact_value(rat(si, 2)) : real_value(std::sin(angle), 4 * kEps);
      *c = ci != 9 ? exact_value(rat(ci, 2)) : real_value(std::cos(angle), 4 * kEps);
      // Irrational values at 30° and 45° multiples keep their exact form: ±√3/2, ±√2/2.
      Rational four;
      bool at45 = mul(r, rat(4, 1), &four) && four.den == 1 && (four.num & 1);
      uint8_t code = kSurdNone;
      if (at45) code = kSurdHalfRoot2;
      else if (idx >= 0) code = kSurdHalfRoot3;
      if (code && s->kind == Value::Kind::kReal) s->surd = signed_surd(code, s->d);
      if (code && c->kind == Value::Kind::kReal) c->surd = signed_surd(code, c->d);
      return nullptr;
    }
  }
  double x, ae;
  to_real(a, &x, &ae);
  double spread = std::fmin(ae + kEps * std::fabs(x), 2.0) + 2 * kEps;  // sin and cos are 1-Lipschitz
  *s = real_value(std::sin(x), spread);
  *c = real_value(std::cos(x), spread);
  return nullptr;
}

const char* trig(Func f, const Value& a, Value* out) {
  Value s, c, one = int_value(1);
  sin_cos(a, &s, &c);
  const char* err = nullptr;
  switch (f) {
    case Func::kSin: *out = s; return nullptr;
    case Func::kCos: *out = c; return nullptr;
    case Func::kTan: {
      if (a.kind == Value::Kind::kPi) {  // odd multiples of 45°: ±1 exactly
        Rational four;
        if (mul(a.q, rat(4, 1), &four) && four.den == 1 && (four.num & 1)) {
          i128 m = ((four.num % 8) + 8) % 8;
          *out = int_value((m == 1 || m == 5) ? 1 : -1);
          return nullptr;
        }
      }
      err = vdiv(s, c, out);
      break;
    }
    case Func::kSec: err = vdiv(one, c, out); break;
    case Func::kCsc: err = vdiv(one, s, out); break;
    default: err = vdiv(c, s, out); break;  // cot
  }
  if (!err && out->kind == Value::Kind::kReal) out->surd = derived_surd(f, s, c, out->d);
  if (err == kMsgDivZero || err == kMsgInaccurate) {
    if (f == Func::kTan || f == Func::kSec) return kMsgTanUndefined;
    return f == Func::kCsc ? "csc is undefined at multiples of π (180°)" : "cot is undefined at multiples of π (180°)";
  }
  return err;
}

const char* inverse_trig(Func f, const Value& a, Value* out) {
  if (a.kind == Value::Kind::kExact) {
    const Rational& q = a.q;
    if (f != Func::kAtan && compare(q, rat(1, 1)) > 0) return kMsgArcDomain;
    if (f != Func::kAtan && compare(q, rat(-1, 1)) < 0) return kMsgArcDomain;
    struct Known { i128 n, d, pn, pd; };  // f(n/d) = (pn/pd)·π
    static const Known kAsin[] = {{0, 1, 0, 1}, {1, 2, 1, 6}, {-1, 2, -1, 6}, {1, 1, 1, 2}, {-1, 1, -1, 2}};
    static const Known kAcos[] = {{1, 1, 0, 1}, {1, 2, 1, 3}, {0, 1, 1, 2}, {-1, 2, 2, 3}, {-1, 1, 1, 1}};
    static const Known kAtan[] = {{0, 1, 0, 1}, {1, 1, 1, 4}, {-1, 1, -1, 4}};
    const Known* table = f == Func::kAsin ? kAsin : (f == Func::kAcos ? kAcos : kAtan);
    int n = f == Func::kAtan ? 3 : 5;
    for (int i = 0; i < n; ++i)
      if (equals(q, table[i].n, table[i].d)) {
        *out = pi_value(rat(table[i].pn, table[i].pd));
        return nullptr;
      }
  }
  double x, ae;
  to_real(a, &x, &ae);
  if (f == Func::kAtan) return real_monotone(f_atan, x, ae, out);
  if (std::fabs(x) - ae > 1) return kMsgArcDomain;
  if (std::fabs(x) > 1) return kMsgInaccurate;
  return real_monotone(f == Func::kAsin ? f_asin : f_acos, x, ae, out);
}

const char* logarithm(Func f, const Value& a, Value* out) {
  double x, ae;
  to_real(a, &x, &ae);
  if (a.kind == Value::Kind::kExact) {
    if (sign(a.q) <= 0) return kMsgLogDomain;
    i128 base = f == Func::kLog10 ? 10 : (f == Func::kLog2 ? 2 : 0), k;
    if (base && a.q.den == 1 && power_of(a.q.num, base, &k)) {
      *out = int_value(k);
      return nullptr;
    }
    if (base && a.q.num == 1 && power_of(a.q.den, base, &k)) {
      *out = int_value(-k);
      return nullptr;
    }
    if (f == Func::kLn && equals(a.q, 1, 1)) {
      *out = int_value(0);
      return nullptr;
    }
  }
  if (x + ae <= 0 || (a.kind != Value::Kind::kReal && x <= 0)) return kMsgLogDomain;
  if (x - ae <= 0) return kMsgInaccurate;
  return real_monotone(f == Func::kLog10 ? f_log10 : (f == Func::kLog2 ? f_log2 : f_ln), x, ae, out);
}

// log_b(x) exactly when x is a rational power of b (log_4 8 = 3/2), otherwise ln x / ln b.
const char* log_base(const Value& b, const Value& x, Value* out) {
  if (b.kind == Value::Kind::kExact && (sign(b.q) <= 0 || equals(b.q, 1, 1))) return kMsgLogBase;
  if (b.kind == Value::Kind::kExact && x.kind == Value::Kind::kExact) {
    if (sign(x.q) <= 0) return kMsgLogDomain;
    for (int m = 1; m <= 6; ++m) {
      i128 rn = b.q.num, rd = b.q.den;
      if (m > 1 && !(exact_root(b.q.num, m, &rn) && exact_root(b.q.den, m, &rd))) continue;
      Rational r = rat(rn, rd), p;
      if (equals(r, 1, 1)) continue;
      double guess = std::log(to_double(x.q)) / std::log(to_double(r));
      if (!std::isfinite(guess) || std::fabs(guess) > 200) continue;
      i128 n = static_cast<i128>(std::llround(guess));
      if (pow_int(r, n, &p) && compare(p, x.q) == 0) {
        *out = exact_value(rat(n, m));
        return nullptr;
      }
    }
  }
  Value ln_b, ln_x;
  if (const char* e = logarithm(Func::kLn, b, &ln_b)) return e;
  if (const char* e = logarithm(Func::kLn, x, &ln_x)) return e;
  const char* e = vdiv(ln_x, ln_b, out);
  return e == kMsgDivZero ? kMsgLogBase : e;
}

const char* rounding(Func f, const Value& a, Value* out) {
  if (a.kind == Value::Kind::kExact) {
    Rational shifted = a.q, half = rat(1, 2);
    bool negative = sign(a.q) < 0;
    if (f == Func::kCeil || (f == Func::kRound && negative)) neg(a.q, &shifted);
    if (f == Func::kRound && !add(shifted, half, &shifted)) return kMsgTooLarge;
    i128 k;
    floor_int(shifted, &k);
    if (f == Func::kCeil || (f == Func::kRound && negative)) k = -k;  // ceil(q) = -floor(-q)
    *out = int_value(k);
    return nullptr;
  }
  double x, ae;
  to_real(a, &x, &ae);
  double (*g)(double) = f == Func::kFloor ? static_cast<double (*)(double)>(std::floor)
                        : f == Func::kCeil ? static_cast<double (*)(double)>(std::ceil)
                                           : static_cast<double (*)(double)>(std::round);
  double lo = g(x - ae), hi = g(x + ae);
  if (lo != hi) return "the value is too close to a rounding boundary to round it reliably";
  if (std::fabs(lo) > 1e30) return kMsgTooLarge;
  *out = int_value(static_cast<i128>(lo));
  return nullptr;
}

const char* factorial(const Value& a, Value* out) {
  i128 n;
  if (!is_exact_integer(a, &n) || n < 0) return kMsgFactorial;
  if (n > 170) return kMsgOverflow;
  Rational r = from_int(1);
  bool exact = true;
  double d = 1;
  for (i128 i = 2; i <= n; ++i) {
    if (exact && !mul(r, from_int(i), &r)) exact = false;
    d *= static_cast<double>(i);
  }
  if (exact) {
    *out = exact_value(r);
    return nullptr;
  }
  return finish_real(d, d * static_cast<double>(n) * kEps, out);
}

const char* gcd_lcm(Func f, const Value* args, int n, Value* out) {
  i128 acc = 0;
  for (int i = 0; i < n; ++i) {
    i128 v;
    if (!is_exact_integer(args[i], &v)) return kMsgWhole;
    if (v < 0) v = -v;
    if (i == 0) {
      acc = v;
    } else if (f == Func::kGcd) {
      acc = gcd(acc, v);
    } else if (acc != 0 && v != 0) {
      i128 step = v / gcd(acc, v);
      if (__builtin_mul_overflow(acc, step, &acc)) return kMsgTooLarge;
    } else {
      acc = 0;
    }
  }
  *out = int_value(acc);
  return nullptr;
}

const char* choose(Func f, const Value& vn, const Value& vk, Value* out) {
  i128 n, k;
  if (!is_exact_integer(vn, &n) || !is_exact_integer(vk, &k) || n < 0 || k < 0) return kMsgWhole;
  if (k > n) {
    *out = int_value(0);
    return nullptr;
  }
  if (f == Func::kNcr && k > n - k) k = n - k;
  i128 c = 1;
  bool exact = k <= 2000;
  for (i128 i = 0; exact && i < k; ++i) {
    if (f == Func::kNcr) {  // c·(n-i)/(i+1) stays whole; divide out common factors first
      i128 g = gcd(c, i + 1);
      i128 rest = (i + 1) / g;
      exact = !__builtin_mul_overflow(c / g, (n - i) / rest, &c);
    } else {
      exact = !__builtin_mul_overflow(c, n - i, &c);
    }
  }
  if (exact) {
    *out = int_value(c);
    return nullptr;
  }
  double dn = static_cast<double>(n), dk = static_cast<double>(k);
  double lg = std::lgamma(dn + 1) - std::lgamma(dn - dk + 1) - (f == Func::kNcr ? std::lgamma(dk + 1) : 0);
  double d = std::exp(lg);
  return finish_real(d, d * (8 * kEps * (std::lgamma(dn + 1) + 2) + 16 * kEps), out);
}

}  // namespace

bool func_is_trig(Func f) { return f >= Func::kSin && f <= Func::kCot; }

const char* vfunc_into(Func f, const Value* args, int n, Value* out);

const char* vfunc(Func f, const Value* args, int n, Value* result) {
  // Work on a local result: callers may pass an argument as the output (vfunc(kAbs, &v, 1, &v)).
  Value local;
  Value* out = &local;
  const char* err = vfunc_into(f, args, n, out);
  *result = local;
  return err;
}

const char* vfunc_into(Func f, const Value* args, int n, Value* out) {
  int deg = 0;
  for (int i = 0; i < n; ++i)
    if (args[i].deg != 0) deg = kNotPolynomial;
  for (int i = 0; i < n; ++i)
    if (deg != 0 || args[i].kind == Value::Kind::kUnknown) {
      *out = unknown_value(deg);
      return nullptr;
    }
  *out = unknown_value(0);
  const Value& a = args[0];
  const char* err = nullptr;
  switch (f) {
    case Func::kSqrt:
    case Func::kCbrt: {
      int k = f == Func::kSqrt ? 2 : 3;
      if (a.kind == Value::Kind::kExact) {
        if (k == 2 && sign(a.q) < 0) return kMsgSqrtNegative;
        i128 rn, rd;
        if (exact_root(a.q.num, k, &rn) && exact_root(a.q.den, k, &rd)) {
          *out = exact_value(rat(rn, rd));
          return nullptr;
        }
      }
      double x, ae;
      to_real(a, &x, &ae);
      if (k == 2 && x + ae < 0) return kMsgSqrtNegative;
      if (k == 2 && x < 0) return kMsgInaccurate;
      err = real_monotone(k == 2 ? f_sqrt : f_cbrt, x, ae, out);
      break;
    }
    case Func::kAbs:
      *out = a;
      if (a.kind == Value::Kind::kReal) out->d = std::fabs(a.d);
      else if (sign(a.q) < 0) neg(a.q, &out->q);
      break;
    case Func::kSin: case Func::kCos: case Func::kTan: case Func::kSec: case Func::kCsc: case Func::kCot:
      err = trig(f, a, out);
      break;
    case Func::kAsin: case Func::kAcos: case Func::kAtan:
      err = inverse_trig(f, a, out);
      break;
    case Func::kLog10: case Func::kLog2: case Func::kLn:
      err = logarithm(f, a, out);
      break;
    case Func::kLogBase:
      err = n == 2 ? log_base(args[0], args[1], out) : "log with a base needs the base and a number";
      break;
    case Func::kExp: {
      if (a.kind == Value::Kind::kExact && is_zero(a.q)) {
        *out = int_value(1);
        break;
      }
      double x, ae;
      to_real(a, &x, &ae);
      err = real_monotone(f_exp, x, ae, out);
      if (!err && out->d == 0) err = kMsgUnderflow;
      break;
    }
    case Func::kFloor: case Func::kCeil: case Func::kRound:
      err = rounding(f, a, out);
      break;
    case Func::kFactorial:
      err = factorial(a, out);
      break;
    case Func::kGcd: case Func::kLcm:
      err = gcd_lcm(f, args, n, out);
      break;
    case Func::kMax: case Func::kMin: {
      int best = 0;
      for (int i = 1; i < n; ++i) {
        bool certain;
        int c = vcompare(args[i], args[best], &certain);
        if ((f == Func::kMax && c > 0) || (f == Func::kMin && c < 0)) best = i;
      }
      *out = args[best];
      break;
    }
    case Func::kNcr: case Func::kNpr:
      err = n == 2 ? choose(f, args[0], args[1], out) : kMsgWhole;
      break;
  }
  if (err) *out = unknown_value(0);
  return err;
}

}  // namespace kimi::math
