// Polynomials with exact rational coefficients (see polynomial.h).
#include "experts/math/polynomial.h"

#include "experts/math/number_format.h"

namespace kimi::math {

void poly_trim(Poly* p) {
  p->deg = kMaxPolyDegree + 1;
  while (p->deg >= 0 && is_zero(p->c[p->deg])) --p->deg;
}

bool poly_interpolate(const Rational* xs, const Rational* ys, int n, Poly* out) {
  if (n < 1 || n > kMaxPolyDegree + 1) return false;
  Rational dd[kMaxPolyDegree + 1];
  for (int i = 0; i < n; ++i) dd[i] = ys[i];
  // Divided differences in place: dd[i] becomes f[x0..xi].
  for (int level = 1; level < n; ++level)
    for (int i = n - 1; i >= level; --i) {
      Rational num, den;
      if (!sub(dd[i], dd[i - 1], &num) || !sub(xs[i], xs[i - level], &den) || !div(num, den, &dd[i])) return false;
    }
  // Newton form to coefficients: p = dd[n-1]; p = p·(x - x_i) + dd[i].
  Poly p;
  p.var = out->var;
  for (auto& c : p.c) c = Rational{};
  p.c[0] = dd[n - 1];
  for (int i = n - 2; i >= 0; --i) {
    for (int k = n - 1; k >= 0; --k) {
      Rational shifted = k > 0 ? p.c[k - 1] : Rational{}, scaled;
      if (!mul(p.c[k], xs[i], &scaled) || !sub(shifted, scaled, &p.c[k])) return false;
    }
    if (!add(p.c[0], dd[i], &p.c[0])) return false;
  }
  poly_trim(&p);
  *out = p;
  return true;
}

bool poly_sub(const Poly& a, const Poly& b, Poly* out) {
  Poly r;
  r.var = a.var;
  for (int k = 0; k <= kMaxPolyDegree + 1; ++k)
    if (!sub(a.c[k], b.c[k], &r.c[k])) return false;
  poly_trim(&r);
  *out = r;
  return true;
}

bool poly_derivative(const Poly& p, Poly* out) {
  Poly r;
  r.var = p.var;
  for (int k = 1; k <= kMaxPolyDegree + 1; ++k)
    if (!mul(p.c[k], from_int(k), &r.c[k - 1])) return false;
  poly_trim(&r);
  *out = r;
  return true;
}

bool poly_integral(const Poly& p, Poly* out) {
  if (p.deg > kMaxPolyDegree) return false;
  Poly r;
  r.var = p.var;
  for (int k = 0; k <= p.deg; ++k)
    if (!div(p.c[k], from_int(k + 1), &r.c[k + 1])) return false;
  poly_trim(&r);
  *out = r;
  return true;
}

bool poly_eval(const Poly& p, const Rational& x, Rational* out) {
  Rational acc{};
  for (int k = p.deg; k >= 0; --k)
    if (!mul(acc, x, &acc) || !add(acc, p.c[k], &acc)) return false;
  *out = acc;
  return true;
}

const char* poly_eval_value(const Poly& p, const Value& x, Value* out) {
  Value acc = int_value(0);
  for (int k = p.deg; k >= 0; --k) {
    Value t;
    if (const char* e = vmul(acc, x, &t)) return e;
    if (const char* e = vadd(t, exact_value(p.c[k]), &acc)) return e;
  }
  *out = acc;
  return nullptr;
}

bool poly_divide_root(const Poly& p, const Rational& r, Poly* out) {
  Poly q;
  q.var = p.var;
  if (p.deg < 1) return false;
  Rational carry{};
  for (int k = p.deg; k >= 1; --k) {
    Rational t;
    if (!mul(carry, r, &t) || !add(t, p.c[k], &carry)) return false;
    q.c[k - 1] = carry;
  }
  Rational rem, t;
  if (!mul(carry, r, &t) || !add(t, p.c[0], &rem) || !is_zero(rem)) return false;
  poly_trim(&q);
  *out = q;
  return true;
}

void append_term(PolyText& out, const Rational& m, int power, char var) {
  NumText n;
  if (power == 0 || m.num != 1) append_int(n, m.num);  // "x^2/2", not "1x^2/2"
  out.append(n.view());
  if (power > 0) {
    char v = var;
    out.append(std::string_view(&v, 1));
    if (power > 1) {
      NumText e;
      append_int(e, power);
      out.append("^").append(e.view());
    }
  }
  if (m.den != 1) {
    NumText d;
    append_int(d, m.den);
    out.append("/").append(d.view());
  }
}

void append_poly(PolyText& out, const Poly& p) {
  if (p.deg < 0) {
    out.append("0");
    return;
  }
  bool first = true;
  for (int k = p.deg; k >= 0; --k) {
    const Rational& c = p.c[k];
    if (is_zero(c)) continue;
    bool negative = sign(c) < 0;
    if (first) out.append(negative ? "-" : "");
    else out.append(negative ? " - " : " + ");
    Rational m = c;
    if (negative) neg(c, &m);
    append_term(out, m, k, p.var);
    first = false;
  }
}

}  // namespace kimi::math
