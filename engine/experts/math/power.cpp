// Powers a^b on values: exact for rational bases with whole exponents or exact roots, error-bounded otherwise.
#include <cmath>

#include "experts/math/value_internal.h"

namespace kimi::math {
namespace {

constexpr const char* kMsgZeroPowZero = "0^0 is undefined";
constexpr const char* kMsgNegativeRoot = "a negative number has no real root of even degree (the result is not a real number)";
constexpr const char* kMsgNegativeBase = "a negative number raised to a non-whole power is not a real number";

const char* real_integer_power(double da, double ea, i128 n, Value* out) {
  double dn = static_cast<double>(n);
  if (n < 0 && std::fabs(da) <= ea) {
    *out = unknown_value(0);
    return kMsgInaccurate;
  }
  double d = std::pow(da, dn);
  if (d == 0 && da != 0) {
    *out = unknown_value(0);
    return kMsgUnderflow;
  }
  double ae = std::fmax(std::fabs(std::pow(da + ea, dn) - d), std::fabs(std::pow(da - ea, dn) - d));
  if (ea == 0) ae = std::fabs(d) * (std::fabs(dn) + 2) * kEps;  // exactly known base: pow's own rounding
  return finish_real(d, ae + 2 * kEps * std::fabs(d), out);
}

// a^(p/q) for exact a and exact non-integer exponent.
const char* rational_power(const Rational& a, const Rational& b, Value* out) {
  if (is_zero(a)) {
    if (sign(b) > 0) *out = int_value(0);
    else *out = unknown_value(0);
    return sign(b) > 0 ? nullptr : kMsgDivZero;
  }
  bool negative = sign(a) < 0;
  bool odd_root = (b.den & 1) != 0;
  if (negative && !odd_root) {
    *out = unknown_value(0);
    return kMsgNegativeRoot;
  }
  Rational mag = a;
  if (negative) neg(a, &mag);
  bool negate = negative && (b.num & 1) != 0;  // odd numerator keeps the sign of an odd root
  i128 rn, rd;
  Rational root, result;
  if (b.den <= 64 && exact_root(mag.num, static_cast<int>(b.den), &rn) &&
      exact_root(mag.den, static_cast<int>(b.den), &rd) && make_rational(rn, rd, &root) &&
      pow_int(root, b.num, &result)) {
    if (negate) neg(result, &result);
    *out = exact_value(result);
    return nullptr;
  }
  double base = to_double(mag), e = to_double(b);
  double d = std::pow(base, e);
  if (d == 0) {
    *out = unknown_value(0);
    return kMsgUnderflow;
  }
  double ae = std::fabs(d) * (3 * kEps + 2 * kEps * std::fabs(e * std::log(base)));
  return finish_real(negate ? -d : d, ae, out);
}

}  // namespace

const char* vpow(const Value& a, const Value& b, Value* out) {
  int deg = 0;
  i128 n = 0;
  bool int_exponent = is_exact_integer(b, &n);
  if (b.deg != 0 || a.deg == kNotPolynomial) {
    *out = unknown_value(kNotPolynomial);
    return nullptr;
  }
  if (a.deg > 0) {
    if (!int_exponent || n < 0 || n > kDegreeCap) {
      *out = unknown_value(kNotPolynomial);  // x^-1, x^(1/2): not a polynomial
      return nullptr;
    }
    long long prod = static_cast<long long>(a.deg) * static_cast<long long>(n);
    deg = prod > kDegreeCap ? kDegreeCap : static_cast<int>(prod);
  }
  const char* err = nullptr;
  if (a.kind == Value::Kind::kUnknown || b.kind == Value::Kind::kUnknown) {
    *out = unknown_value(deg);
  } else if (int_exponent) {
    Rational r;
    if (a.kind == Value::Kind::kExact && is_zero(a.q)) {
      if (n == 0) err = kMsgZeroPowZero;
      else if (n < 0) err = kMsgDivZero;
      *out = err ? unknown_value(deg) : int_value(0);
    } else if (a.kind == Value::Kind::kExact && pow_int(a.q, n, &r)) {
      *out = exact_value(r);
    } else {
      double da, ea;
      to_real(a, &da, &ea);
      err = real_integer_power(da, ea, n, out);
    }
  } else if (b.kind == Value::Kind::kExact && a.kind == Value::Kind::kExact) {
    err = rational_power(a.q, b.q, out);
  } else {
    double da, ea, db, eb;
    to_real(a, &da, &ea);
    to_real(b, &db, &eb);
    if (a.kind == Value::Kind::kExact && is_zero(a.q) && db > eb) {
      *out = int_value(0);
    } else if (da < 0) {
      *out = unknown_value(0);
      err = kMsgNegativeBase;
    } else if (da <= ea) {
      *out = unknown_value(0);
      err = kMsgInaccurate;
    } else {
      double d = std::pow(da, db);
      if (d == 0) {
        *out = unknown_value(0);
        err = kMsgUnderflow;
      } else {
        double rel = 2 * (std::fabs(db) * ea / da + std::fabs(std::log(da)) * eb) + 3 * kEps;
        err = finish_real(d, std::fabs(d) * rel, out);
      }
    }
  }
  out->deg = static_cast<int16_t>(deg);
  return err;
}

}  // namespace kimi::math
