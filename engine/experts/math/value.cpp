// Arithmetic on exact and error-bounded values (see value.h).
#include "experts/math/value.h"

#include <cmath>

#include "experts/math/value_internal.h"

namespace kimi::math {

const char kMsgDivZero[] = "division by zero";
const char kMsgOverflow[] = "the result is too large to compute (beyond about 10^308)";
const char kMsgUnderflow[] = "the result is too small to represent (below about 10^-308)";
const char kMsgInaccurate[] = "the result can't be computed accurately with floating point";

Value exact_value(const Rational& q) {
  Value v;
  v.q = q;
  return v;
}

Value int_value(i128 n) { return exact_value(from_int(n)); }

Value pi_value(const Rational& factor) {
  Value v;
  v.kind = Value::Kind::kPi;
  v.q = factor;
  if (factor.num == 0) v.kind = Value::Kind::kExact;
  return v;
}

Value unknown_value(int deg) {
  Value v;
  v.kind = Value::Kind::kUnknown;
  v.deg = static_cast<int16_t>(deg);
  return v;
}

Value real_value(double d, double ae) {
  Value v;
  v.kind = Value::Kind::kReal;
  v.d = d;
  v.ae = ae;
  return v;
}

bool is_exact_integer(const Value& v, i128* out) {
  if (v.kind != Value::Kind::kExact || v.q.den != 1) return false;
  if (out) *out = v.q.num;
  return true;
}

bool to_real(const Value& v, double* d, double* ae) {
  switch (v.kind) {
    case Value::Kind::kExact: {
      *d = to_double(v.q);
      const i128 k2p53 = static_cast<i128>(1) << 53;
      bool exact_in_double = v.q.den == 1 && v.q.num < k2p53 && v.q.num > -k2p53;
      *ae = exact_in_double ? 0.0 : std::fabs(*d) * kEps;
      return true;
    }
    case Value::Kind::kPi:
      *d = to_double(v.q) * kPi;
      *ae = std::fabs(*d) * 2 * kEps;
      return true;
    case Value::Kind::kReal:
      *d = v.d;
      *ae = v.ae;
      return true;
    default:
      return false;
  }
}

const char* finish_real(double d, double ae, Value* out) {
  if (!std::isfinite(d)) {
    *out = unknown_value(0);
    return kMsgOverflow;
  }
  if (!std::isfinite(ae)) {
    *out = unknown_value(0);
    return kMsgInaccurate;
  }
  *out = real_value(d, ae);
  return nullptr;
}

int combined_degree(int a, int b, bool product) {
  if (a == kNotPolynomial || b == kNotPolynomial) return kNotPolynomial;
  int d = product ? a + b : (a > b ? a : b);
  return d > kDegreeCap ? kDegreeCap : d;
}

const char* vadd(const Value& a, const Value& b, Value* out) {
  int deg = combined_degree(a.deg, b.deg, false);
  if (a.kind == Value::Kind::kUnknown || b.kind == Value::Kind::kUnknown) {
    *out = unknown_value(deg);
    return nullptr;
  }
  const char* err = nullptr;
  Rational r;
  if (a.kind == Value::Kind::kExact && is_zero(a.q)) {
    *out = b;
  } else if (b.kind == Value::Kind::kExact && is_zero(b.q)) {
    *out = a;
  } else if (a.kind == b.kind && a.kind != Value::Kind::kReal && add(a.q, b.q, &r)) {
    *out = a.kind == Value::Kind::kPi ? pi_value(r) : exact_value(r);
  } else {
    double da = 0, ea = 0, db = 0, eb = 0;
    to_real(a, &da, &ea);
    to_real(b, &db, &eb);
    double d = da + db;
    err = finish_real(d, ea + eb + kEps * std::fabs(d), out);
  }
  out->deg = static_cast<int16_t>(deg);
  return err;
}

const char* vneg(const Value& a, Value* out) {
  *out = a;
  if (a.surd) out->surd = static_cast<uint8_t>(a.surd ^ kSurdNegative);
  if (a.kind == Value::Kind::kReal) out->d = -a.d;
  else if (a.kind != Value::Kind::kUnknown) neg(a.q, &out->q);
  return nullptr;
}

const char* vsub(const Value& a, const Value& b, Value* out) {
  Value nb;
  vneg(b, &nb);
  return vadd(a, nb, out);
}

const char* vmul(const Value& a, const Value& b, Value* out) {
  int deg = combined_degree(a.deg, b.deg, true);
  if (a.kind == Value::Kind::kUnknown || b.kind == Value::Kind::kUnknown) {
    *out = unknown_value(deg);
    return nullptr;
  }
  const char* err = nullptr;
  Rational r;
  bool a_pi = a.kind == Value::Kind::kPi, b_pi = b.kind == Value::Kind::kPi;
  bool a_ex = a.kind == Value::Kind::kExact, b_ex = b.kind == Value::Kind::kExact;
  if ((a_ex && is_zero(a.q)) || (b_ex && is_zero(b.q))) {
    *out = int_value(0);
  } else if (((a_ex && b_ex) || (a_ex && b_pi) || (a_pi && b_ex)) && mul(a.q, b.q, &r)) {
    *out = (a_pi || b_pi) ? pi_value(r) : exact_value(r);
  } else {
    double da = 0, ea = 0, db = 0, eb = 0;
    to_real(a, &da, &ea);
    to_real(b, &db, &eb);
    double d = da * db;
    if (d == 0) {
      *out = unknown_value(deg);
      return kMsgUnderflow;
    }
    err = finish_real(d, std::fabs(da) * eb + std::fabs(db) * ea + ea * eb + kEps * std::fabs(d), out);
  }
  out->deg = static_cast<int16_t>(deg);
  return err;
}

const char* vdiv(const Value& a, const Value& b, Value* out) {
  if (a.deg == kNotPolynomial || b.deg != 0) {
    *out = unknown_value(kNotPolynomial);  // x in a denominator: not a polynomial
    return nullptr;
  }
  if (a.kind == Value::Kind::kUnknown || b.kind == Value::Kind::kUnknown) {
    *out = unknown_value(a.deg);
    return nullptr;
  }
  if (b.kind == Value::Kind::kExact && is_zero(b.q)) {
    *out = unknown_value(a.deg);
    return kMsgDivZero;
  }
  const char* err = nullptr;
  Rational r;
  bool a_pi = a.kind == Value::Kind::kPi, b_pi = b.kind == Value::Kind::kPi;
  bool a_ex = a.kind == Value::Kind::kExact, b_ex = b.kind == Value::Kind::kExact;
  if (a_ex && is_zero(a.q)) {
    *out = int_value(0);
  } else if (((a_ex || a_pi) && b_ex) && div(a.q, b.q, &r)) {
    *out = a_pi ? pi_value(r) : exact_value(r);
  } else if (a_pi && b_pi && div(a.q, b.q, &r)) {
    *out = exact_value(r);
  } else {
    double da = 0, ea = 0, db = 0, eb = 0;
    to_real(a, &da, &ea);
    to_real(b, &db, &eb);
    if (std::fabs(db) <= eb) {
      *out = unknown_value(a.deg);
      return kMsgInaccurate;
    }
    double d = da / db;
    if (d == 0) {
      *out = unknown_value(a.deg);
      return kMsgUnderflow;
    }
    err = finish_real(d, (ea + std::fabs(d) * eb) / (std::fabs(db) - eb) + kEps * std::fabs(d), out);
  }
  out->deg = a.deg;
  return err;
}

const char* vmod(const Value& a, const Value& b, Value* out) {
  if (a.deg != 0 || b.deg != 0) {
    *out = unknown_value(kNotPolynomial);
    return nullptr;
  }
  // a mod b = a - b * floor(a / b): the sign follows the divisor, as in mathematics.
  Value quotient, fl, prod;
  if (const char* e = vdiv(a, b, &quotient)) {
    *out = quotient;
    return e;
  }
  if (const char* e = vfunc(Func::kFloor, &quotient, 1, &fl)) {
    *out = fl;
    return e;
  }
  if (const char* e = vmul(b, fl, &prod)) {
    *out = prod;
    return e;
  }
  return vsub(a, prod, out);
}

int vcompare(const Value& a, const Value& b, bool* certain) {
  *certain = true;
  if (a.kind == b.kind && (a.kind == Value::Kind::kExact || a.kind == Value::Kind::kPi)) return compare(a.q, b.q);
  double da, ea, db, eb;
  if (!to_real(a, &da, &ea) || !to_real(b, &db, &eb)) {
    *certain = false;
    return 0;
  }
  if (std::fabs(da - db) <= ea + eb + kEps * (std::fabs(da) + std::fabs(db))) {
    *certain = false;
    return 0;
  }
  return da < db ? -1 : 1;
}

}  // namespace kimi::math
