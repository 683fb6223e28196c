// Number text (see number_format.h).
#include "experts/math/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kimi::math {

void append_int(NumText& out, i128 v) {
  char buf[48];
  int n = 0;
  u128 m = v < 0 ? static_cast<u128>(0) - static_cast<u128>(v) : static_cast<u128>(v);
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  } while (m != 0);
  if (v < 0) out.append("-");
  char rev[48];
  for (int i = 0; i < n; ++i) rev[i] = buf[n - 1 - i];
  out.append(std::string_view(rev, static_cast<std::size_t>(n)));
}

void append_fraction(NumText& out, const Rational& q) {
  append_int(out, q.num);
  if (q.den != 1) {
    out.append("/");
    append_int(out, q.den);
  }
}

bool append_exact_decimal(NumText& out, const Rational& q, int max_decimals) {
  i128 d = q.den;
  int twos = 0, fives = 0;
  while (d % 2 == 0) { d /= 2; ++twos; }
  while (d % 5 == 0) { d /= 5; ++fives; }
  int places = twos > fives ? twos : fives;
  if (d != 1 || places > max_decimals) return false;
  u128 num = q.num < 0 ? static_cast<u128>(0) - static_cast<u128>(q.num) : static_cast<u128>(q.num);
  u128 den = static_cast<u128>(q.den);
  if (q.num < 0) out.append("-");
  append_int(out, static_cast<i128>(num / den));
  u128 rem = num % den;
  if (places == 0) return true;
  out.append(".");
  for (int i = 0; i < places; ++i) {
    // 10·rem may not fit even in 128 bits: add rem ten times, reducing as we go (rem < den < 2^127).
    u128 acc = 0;
    int digit = 0;
    for (int k = 0; k < 10; ++k) {
      acc += rem;
      if (acc >= den) {
        acc -= den;
        ++digit;
      }
    }
    char c = static_cast<char>('0' + digit);
    out.append(std::string_view(&c, 1));
    rem = acc;
  }
  return true;
}

void append_rounded(NumText& out, double d, int sig) {
  if (sig < 1) sig = 1;
  if (sig > 17) sig = 17;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", sig - 1, d);
  // buf: [-]D.DDDDe[+-]XX
  const char* p = buf;
  bool negative = *p == '-';
  if (negative) ++p;
  char digits[32];
  int nd = 0;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9' && nd < 31) digits[nd++] = *p;
  int exp10 = *p == 'e' ? std::atoi(p + 1) : 0;
  while (nd > 1 && digits[nd - 1] == '0') --nd;
  if (nd == 1 && digits[0] == '0') {
    out.append("0");
    return;
  }
  if (negative) out.append("-");
  std::string_view ds(digits, static_cast<std::size_t>(nd));
  if (exp10 >= 12 || exp10 <= -6) {
    out.append(ds.substr(0, 1));
    if (nd > 1) out.append(".").append(ds.substr(1));
    out.append(" × 10^");
    char e[16];
    int n = std::snprintf(e, sizeof e, "%d", exp10);
    out.append(std::string_view(e, static_cast<std::size_t>(n)));
    return;
  }
  if (exp10 < 0) {
    out.append("0.");
    for (int i = 0; i < -exp10 - 1; ++i) out.append("0");
    out.append(ds);
    return;
  }
  std::size_t int_len = static_cast<std::size_t>(exp10) + 1;
  if (ds.size() <= int_len) {
    out.append(ds);
    for (std::size_t i = ds.size(); i < int_len; ++i) out.append("0");
  } else {
    out.append(ds.substr(0, int_len)).append(".").append(ds.substr(int_len));
  }
}

int reliable_digits(double d, double ae) {
  if (ae <= 0) return kShownDigits;
  if (std::fabs(d) <= ae) return 0;
  double e = std::floor(std::log10(std::fabs(d)));
  double sig = std::floor(e + 1 - std::log10(2 * ae));
  if (sig >= kShownDigits) return kShownDigits;
  return sig < 3 ? 0 : static_cast<int>(sig);
}

void append_pi_multiple(NumText& out, const Rational& q) {
  if (q.num == -1) out.append("-");
  else if (q.num != 1) append_int(out, q.num);
  out.append("π");
  if (q.den != 1) {
    out.append("/");
    append_int(out, q.den);
  }
}

bool append_decimal(NumText& out, const Value& v) {
  if (v.kind == Value::Kind::kExact && append_exact_decimal(out, v.q, 24)) return true;
  double d, ae;
  if (!to_real(v, &d, &ae)) return false;
  if (v.kind != Value::Kind::kReal) ae = std::fabs(d) * 4e-16;
  if (std::fabs(d) <= ae) {
    if (ae > 1e-10) return false;
    out.append("0");
    return true;
  }
  int sig = reliable_digits(d, ae);
  if (sig == 0) return false;
  append_rounded(out, d, sig);
  return true;
}

const char* format_value(const Value& v, unsigned flags, NumText* out, bool* approx_only) {
  *approx_only = false;
  const char* inaccurate = "the result can't be computed accurately with floating point";
  switch (v.kind) {
    case Value::Kind::kUnknown:
      return "the expression could not be evaluated";
    case Value::Kind::kExact: {
      if (v.q.den == 1) {
        append_int(*out, v.q.num);
        return nullptr;
      }
      NumText dec;
      bool terminating = append_exact_decimal(dec, v.q, 24);
      bool show_fraction = !terminating || (flags & (kPreferFraction | kShowMixed));
      if (show_fraction) append_fraction(*out, v.q);
      if ((flags & kShowMixed) && (v.q.num > v.q.den || -v.q.num > v.q.den)) {
        i128 whole = v.q.num / v.q.den, rest = v.q.num % v.q.den;
        out->append(" = ");
        append_int(*out, whole);
        out->append(" ");
        append_int(*out, rest < 0 ? -rest : rest);
        out->append("/");
        append_int(*out, v.q.den);
      }
      if (terminating) {
        if (show_fraction) out->append(" = ");
        out->append(dec.view());
        return nullptr;
      }
      out->append(" ≈ ");
      if (!append_decimal(*out, v)) return inaccurate;
      return nullptr;
    }
    case Value::Kind::kPi:
      append_pi_multiple(*out, v.q);
      out->append(" ≈ ");
      append_decimal(*out, v);
      return nullptr;
    case Value::Kind::kReal:
      if (v.surd) {  // "√3/2 ≈ 0.8660254038"
        static const char* kSurds[] = {"", "√2/2", "√3/2", "√3", "√3/3", "√2", "2√3/3"};
        int code = v.surd & ~kSurdNegative;
        if (code > 0 && code <= 6) {
          if (v.surd & kSurdNegative) out->append("-");
          out->append(kSurds[code]).append(" ≈ ");
          if (!append_decimal(*out, v)) return inaccurate;
          return nullptr;
        }
      }
      *approx_only = true;
      out->append("≈ ");
      if (!append_decimal(*out, v)) return inaccurate;
      return nullptr;
  }
  return nullptr;
}

}  // namespace kimi::math

namespace kimi::math {

bool append_repeating_decimal(NumText& out, const Rational& q, int max_period, NumText* block) {
  if (q.den == 1) return false;
  i128 d = q.den;
  int twos = 0, fives = 0;
  while (d % 2 == 0) { d /= 2; ++twos; }
  while (d % 5 == 0) { d /= 5; ++fives; }
  if (d == 1) return false;  // terminates
  int pre = twos > fives ? twos : fives;
  // Period = order of 10 modulo d.
  int period = 0;
  u128 r = 1, ud = static_cast<u128>(d);
  if (ud > (static_cast<u128>(1) << 120)) return false;
  do {
    r = r * 10 % ud;
    ++period;
  } while (r != 1 && period <= max_period);
  if (period > max_period) return false;
  u128 num = q.num < 0 ? static_cast<u128>(0) - static_cast<u128>(q.num) : static_cast<u128>(q.num);
  u128 den = static_cast<u128>(q.den);
  if (q.num < 0) out.append("-");
  append_int(out, static_cast<i128>(num / den));
  out.append(".");
  u128 rem = num % den;
  for (int i = 0; i < pre + 2 * period; ++i) {
    u128 acc = 0;
    int digit = 0;
    for (int k = 0; k < 10; ++k) {
      acc += rem;
      if (acc >= den) {
        acc -= den;
        ++digit;
      }
    }
    char c = static_cast<char>('0' + digit);
    out.append(std::string_view(&c, 1));
    if (i >= pre && i < pre + period) block->append(std::string_view(&c, 1));
    rem = acc;
  }
  out.append("…");
  return true;
}

}  // namespace kimi::math

namespace kimi::math {

bool append_scientific(NumText& out, const Value& v, bool* approx) {
  *approx = true;
  if (v.kind == Value::Kind::kExact && !is_zero(v.q)) {
    // Exponent e with 1 <= |q| / 10^e < 10, found exactly.
    Rational mag = v.q, ten{10, 1}, one{1, 1}, m;
    if (sign(mag) < 0) neg(mag, &mag);
    int e = static_cast<int>(std::floor(std::log10(to_double(mag))));
    for (int tries = 0; tries < 3; ++tries) {
      if (!pow_int(ten, -e, &m) || !mul(mag, m, &m)) break;
      if (compare(m, one) < 0) --e;
      else if (compare(m, ten) >= 0) ++e;
      else {
        NumText digits;
        if (!append_exact_decimal(digits, m, 20)) break;
        *approx = false;
        if (sign(v.q) < 0) out.append("-");
        out.append(digits.view());
        char buf[16];
        int n = std::snprintf(buf, sizeof buf, " × 10^%d", e);
        out.append(std::string_view(buf, static_cast<std::size_t>(n)));
        return true;
      }
    }
  }
  double d, ae;
  if (!to_real(v, &d, &ae)) return false;
  if (v.kind != Value::Kind::kReal) ae = std::fabs(d) * 4e-16;
  int sig = d == 0 ? 1 : reliable_digits(d, ae);
  if (sig == 0) return false;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", sig - 1, d);
  char* e = std::strchr(buf, 'e');
  if (!e) return false;
  std::string_view mant(buf, static_cast<std::size_t>(e - buf));
  if (mant.find('.') != std::string_view::npos)
    while (!mant.empty() && (mant.back() == '0' || mant.back() == '.')) {
      bool dot = mant.back() == '.';
      mant.remove_suffix(1);
      if (dot) break;
    }
  out.append(mant);
  char tail[16];
  int n = std::snprintf(tail, sizeof tail, " × 10^%d", std::atoi(e + 1));
  out.append(std::string_view(tail, static_cast<std::size_t>(n)));
  return true;
}

bool append_rounded_places(NumText& out, const Value& v, int places) {
  if (places > 30 || places < -30) return false;
  i128 n;
  if (v.kind == Value::Kind::kExact) {
    Rational scale, scaled, half{1, 2};
    if (!pow_int(Rational{10, 1}, places, &scale) || !mul(v.q, scale, &scaled)) return false;
    bool negative = sign(scaled) < 0;
    if (negative) neg(scaled, &scaled);
    if (!add(scaled, half, &scaled)) return false;
    floor_int(scaled, &n);
    if (negative) n = -n;
  } else {
    double d, ae;
    if (!to_real(v, &d, &ae) || places > 15) return false;
    double s = std::pow(10.0, places);
    double lo = std::round((d - ae) * s), hi = std::round((d + ae) * s);
    if (lo != hi || std::fabs(lo) > 1e17) return false;
    n = static_cast<i128>(lo);
  }
  if (places <= 0) {  // to tens, hundreds, ...
    i128 p;
    if (!pow10_int(-places, &p) || __builtin_mul_overflow(n, p, &n)) return false;
    append_int(out, n);
    return true;
  }
  NumText digits;
  append_int(digits, n < 0 ? -n : n);
  std::string_view ds = digits.view();
  if (n < 0) out.append("-");
  std::size_t k = static_cast<std::size_t>(places);
  if (ds.size() <= k) {
    out.append("0.");
    for (std::size_t i = ds.size(); i < k; ++i) out.append("0");
    out.append(ds);
  } else {
    out.append(ds.substr(0, ds.size() - k)).append(".").append(ds.substr(ds.size() - k));
  }
  return true;
}

}  // namespace kimi::math
