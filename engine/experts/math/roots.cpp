// Exact polynomial roots and factoring (see roots.h).
#include "experts/math/roots.h"

#include <cmath>

#include "experts/math/number_format.h"

namespace kimi::math {
namespace {

constexpr int64_t kMaxDivisorBase = 1000000000;  // rational-root search only for |a0|, |an| up to 10^9
constexpr int kMaxDivisors = 1344;               // the most divisors any n <= 10^9 has
constexpr long kMaxCandidates = 200000;

struct Found {
  Rational root;
  int mult;
};

int divisors(int64_t n, int64_t* out) {
  int count = 0;
  for (int64_t d = 1; d * d <= n && count < kMaxDivisors - 1; ++d)
    if (n % d == 0) {
      out[count++] = d;
      if (d != n / d) out[count++] = n / d;
    }
  return count;
}

// p scaled to integer coefficients with no common factor (same roots). False on overflow.
bool primitive(const Poly& p, Poly* out) {
  i128 l = 1;
  for (int k = 0; k <= p.deg; ++k) {
    i128 g = gcd(l, p.c[k].den);
    if (__builtin_mul_overflow(l / g, p.c[k].den, &l)) return false;
  }
  Poly r = p;
  i128 content = 0;
  for (int k = 0; k <= p.deg; ++k) {
    if (!mul(p.c[k], from_int(l), &r.c[k])) return false;
    content = gcd(content, r.c[k].num);
  }
  if (p.deg >= 0 && sign(r.c[p.deg]) < 0) content = -content;
  for (int k = 0; k <= p.deg && content != 0; ++k) r.c[k].num /= content;
  *out = r;
  return true;
}

// Removes every rational root of p (with multiplicity) into found[]; *rest is what remains.
int extract_rational_roots(const Poly& p, Found* found, Poly* rest) {
  Poly q;
  int n = 0;
  if (!primitive(p, &q)) {
    *rest = p;
    return 0;
  }
  auto take_root = [&](const Rational& r) {
    int m = 0;
    Poly d;
    while (q.deg >= 1 && poly_divide_root(q, r, &d)) {
      q = d;
      ++m;
    }
    if (m > 0) found[n++] = Found{r, m};
    return m > 0;
  };
  take_root(Rational{0, 1});
  if (q.deg >= 1) {
    Poly prim;
    if (primitive(q, &prim)) q = prim;
    i128 a0 = q.c[0].num < 0 ? -q.c[0].num : q.c[0].num, an = q.c[q.deg].num < 0 ? -q.c[q.deg].num : q.c[q.deg].num;
    if (q.c[0].den == 1 && q.c[q.deg].den == 1 && a0 <= kMaxDivisorBase && an <= kMaxDivisorBase && a0 > 0) {
      int64_t dp[kMaxDivisors], dq[kMaxDivisors];
      int np = divisors(static_cast<int64_t>(a0), dp), nq = divisors(static_cast<int64_t>(an), dq);
      if (static_cast<long>(np) * nq <= kMaxCandidates)
        for (int j = 0; j < nq && q.deg >= 1; ++j)
          for (int i = 0; i < np && q.deg >= 1; ++i)
            for (int s = -1; s <= 1; s += 2) {
              Rational cand, val;
              if (!make_rational(s * dp[i], dq[j], &cand) || cand.den != dq[j]) continue;  // skip non-reduced
              if (poly_eval(q, cand, &val) && is_zero(val)) take_root(cand);
            }
    }
  }
  *rest = q;
  return n;
}

void append_root_value(PolyText& out, const Rational& r) {
  NumText t;
  bool approx;
  format_value(exact_value(r), 0, &t, &approx);
  out.append(t.view());
}

void append_multiplicity(PolyText& out, int m) {
  if (m == 2) out.append(" (double root)");
  else if (m == 3) out.append(" (triple root)");
  else if (m > 3) {
    NumText t;
    append_int(t, m);
    out.append(" (multiplicity ").append(t.view()).append(")");
  }
}

// Roots of a·x² + b·x + c (integers, a != 0, no rational roots unless d == 1) in exact and decimal form.
bool quadratic_text(i128 a, i128 b, i128 c, char var, bool alone, PolyText& out) {
  i128 b2, ac, D;
  if (__builtin_mul_overflow(b, b, &b2) || __builtin_mul_overflow(a, c, &ac) || __builtin_mul_overflow(ac, 4, &ac) ||
      __builtin_sub_overflow(b2, ac, &D))
    return false;
  bool complex = D < 0;
  i128 s, d;
  split_square(complex ? -D : D, &s, &d);
  i128 den = 2 * a, num = -b;
  i128 g = gcd(gcd(num, s), den);
  if (den < 0) g = -g;
  den /= g;
  num /= g;
  s /= g;
  if (s < 0) s = -s;
  NumText t;
  char v = var;
  out.append(std::string_view(&v, 1)).append(" = ");
  bool wrap = den != 1 && num != 0;
  if (wrap) out.append("(");
  if (num != 0) {
    append_int(t, num);
    out.append(t.view()).append(" ± ");
  } else {
    out.append("±");
  }
  t.clear();
  if (s != 1 || (d == 1 && !complex)) append_int(t, s);
  out.append(t.view());
  if (complex) out.append("i");
  if (d != 1) {
    t.clear();
    append_int(t, d);
    out.append("√").append(t.view());
  }
  if (wrap) out.append(")");
  if (den != 1) {
    t.clear();
    append_int(t, den);
    out.append("/").append(t.view());
  }
  const char* complex_note = alone ? "no real solutions" : "a complex pair";
  if (d == 1) {  // rational parts: nothing to approximate
    if (complex) out.append("  (").append(complex_note).append(")");
    return true;
  }
  // Decimals, with error bounds, from the same formula.
  Value two_a = int_value(2 * a), minus_b = int_value(-b), sq, lo, hi, q1, q2;
  Value mag = int_value(complex ? -D : D);
  if (vfunc(Func::kSqrt, &mag, 1, &sq)) return true;
  NumText x1, x2;
  if (complex) {
    if (vdiv(minus_b, two_a, &q1) || vdiv(sq, two_a, &q2)) return true;
    if (vfunc(Func::kAbs, &q2, 1, &q2)) return true;
    if (!append_decimal(x1, q1) || !append_decimal(x2, q2)) return true;
    out.append("  (≈ ").append(x1.view()).append(" ± ").append(x2.view()).append("i; ").append(complex_note).append(")");
    return true;
  }
  if (vsub(minus_b, sq, &lo) || vadd(minus_b, sq, &hi) || vdiv(lo, two_a, &q1) || vdiv(hi, two_a, &q2)) return true;
  bool certain;
  if (vcompare(q1, q2, &certain) > 0) std::swap(q1, q2);
  if (!append_decimal(x1, q1) || !append_decimal(x2, q2)) return true;
  out.append("  (").append(std::string_view(&v, 1)).append(" ≈ ").append(x1.view()).append(" or ");
  out.append(std::string_view(&v, 1)).append(" ≈ ").append(x2.view()).append(")");
  return true;
}

void sort_found(Found* f, int n) {
  for (int i = 1; i < n; ++i)
    for (int j = i; j > 0 && compare(f[j].root, f[j - 1].root) < 0; --j) {
      Found t = f[j];
      f[j] = f[j - 1];
      f[j - 1] = t;
    }
}

double eval_double(const double* a, int deg, double x) {
  double acc = 0;
  for (int k = deg; k >= 0; --k) acc = acc * x + a[k];
  return acc;
}

// Sign of p(x) when the floating evaluation is provably right (|p(x)| above Horner's rounding bound), else 0.
int certain_sign(const double* a, int deg, double x) {
  double acc = 0, mag = 0;
  for (int k = deg; k >= 0; --k) {
    acc = acc * x + a[k];
    mag = mag * std::fabs(x) + std::fabs(a[k]);
  }
  double bound = (2.0 * deg + 4) * 2.3e-16 * mag * 1.01;  // Horner's error plus the coefficients' rounding
  if (std::fabs(acc) <= bound) return 0;
  return acc < 0 ? -1 : 1;
}

// Roots of the polynomial with coefficients a[0..deg] in (lo, hi), ascending, via the roots of its derivative.
int real_roots_double(const double* a, int deg, double lo, double hi, double* out, double* crit_values, int* ncrit) {
  if (deg < 1) return 0;
  if (deg == 1) {
    double r = -a[0] / a[1];
    if (r > lo && r < hi) {
      out[0] = r;
      return 1;
    }
    return 0;
  }
  double da[kMaxPolyDegree + 1], crit[kMaxPolyDegree + 1], dummy[kMaxPolyDegree + 1];
  for (int k = 1; k <= deg; ++k) da[k - 1] = a[k] * k;
  int dn = 0;
  int nc = real_roots_double(da, deg - 1, lo, hi, crit, dummy, &dn);
  double pts[kMaxPolyDegree + 3];
  int np = 0;
  pts[np++] = lo;
  for (int i = 0; i < nc; ++i) {
    pts[np++] = crit[i];
    if (crit_values) crit_values[(*ncrit)++] = eval_double(a, deg, crit[i]);
  }
  pts[np++] = hi;
  int n = 0;
  for (int i = 0; i + 1 < np; ++i) {  // p is monotonic between critical points: at most one root each
    double l = pts[i], r = pts[i + 1], fl = eval_double(a, deg, l), fr = eval_double(a, deg, r);
    if (fl == 0 || fr == 0 || (fl < 0) == (fr < 0)) continue;
    for (int it = 0; it < 200 && l < r; ++it) {
      double m = l + (r - l) / 2;
      if (m <= l || m >= r) break;
      double fm = eval_double(a, deg, m);
      if ((fm < 0) == (fl < 0)) l = m, fl = fm;
      else r = m;
    }
    out[n++] = l + (r - l) / 2;
  }
  return n;
}

}  // namespace

int numeric_real_roots(const Poly& p, double* roots, double* errors, bool* complete) {
  *complete = true;
  if (p.deg < 1 || p.deg > kMaxPolyDegree) return 0;
  double a[kMaxPolyDegree + 1];
  double bound = 0;
  for (int k = 0; k <= p.deg; ++k) a[k] = to_double(p.c[k]);
  for (int k = 0; k < p.deg; ++k) bound = std::fmax(bound, std::fabs(a[k] / a[p.deg]));
  bound += 1;  // Cauchy: every root has |x| < 1 + max |a_k / a_n|
  double cand[kMaxPolyDegree + 1], crit_values[kMaxPolyDegree * kMaxPolyDegree + 8];
  int ncrit = 0;
  int nc = real_roots_double(a, p.deg, -bound, bound, cand, crit_values, &ncrit);
  double scale = 0;
  for (int k = 0; k <= p.deg; ++k) scale = std::fmax(scale, std::fabs(a[k]));
  for (int i = 0; i < ncrit; ++i)
    if (std::fabs(crit_values[i]) < 1e-9 * scale) *complete = false;  // p may touch zero there
  int n = 0;
  for (int i = 0; i < nc; ++i) {
    double x = cand[i];
    bool found = false;
    // A provable sign change across [x - d, x + d] pins a root there; widen d until it is provable.
    for (double rel : {1e-12, 1e-10, 1e-8, 1e-6}) {
      double d = std::fabs(x) * rel + rel * 1e-3;
      int sl = certain_sign(a, p.deg, x - d), sr = certain_sign(a, p.deg, x + d);
      if (sl != 0 && sr != 0 && sl != sr) {
        roots[n] = x;
        errors[n++] = d;
        found = true;
        break;
      }
    }
    if (!found) *complete = false;
  }
  return n;
}

SolveKind solve_polynomial(const Poly& p, PolyText& out, Poly* rest) {
  *rest = p;
  if (p.deg < 0) return SolveKind::kIdentity;
  if (p.deg == 0) return SolveKind::kNoSolution;
  Found found[kMaxPolyDegree + 1];
  Poly q;
  int n = extract_rational_roots(p, found, &q);
  sort_found(found, n);
  *rest = q;
  char v = p.var;
  for (int i = 0; i < n; ++i) {
    if (i > 0) out.append(std::string_view(&kItemSeparator, 1));
    out.append(std::string_view(&v, 1)).append(" = ");
    append_root_value(out, found[i].root);
    append_multiplicity(out, found[i].mult);
  }
  if (q.deg < 1) return SolveKind::kSolved;
  if (q.deg == 2 && q.c[0].den == 1 && q.c[1].den == 1 && q.c[2].den == 1) {
    PolyText quad;
    if (quadratic_text(q.c[2].num, q.c[1].num, q.c[0].num, v, n == 0, quad)) {
      if (n > 0) out.append(std::string_view(&kItemSeparator, 1));
      out.append(quad.view());
      return SolveKind::kSolved;
    }
  }
  return n > 0 ? SolveKind::kPartial : SolveKind::kTooHard;
}

bool all_rational_roots(const Poly& p, Rational* roots, int* count) {
  Found found[kMaxPolyDegree + 1];
  Poly q;
  int n = extract_rational_roots(p, found, &q);
  if (q.deg == 2) {  // a quadratic factor without real roots changes no sign
    Rational b2, ac, d;
    if (!mul(q.c[1], q.c[1], &b2) || !mul(q.c[2], q.c[0], &ac) || !mul(ac, from_int(4), &ac) || !sub(b2, ac, &d) ||
        sign(d) >= 0)
      return false;
  } else if (q.deg >= 1) {
    return false;
  }
  sort_found(found, n);
  *count = n;
  for (int i = 0; i < n; ++i) roots[i] = found[i].root;
  return true;
}

bool factor_polynomial(const Poly& p, PolyText& out) {
  if (p.deg < 1) return false;
  Found found[kMaxPolyDegree + 1];
  Poly q;
  int n = extract_rational_roots(p, found, &q);
  if (n == 0) {  // no linear factor: at most a common factor, 2x^2 + 2 = 2(x^2 + 1)
    Poly prim;
    Rational k;
    if (!primitive(p, &prim) || !div(p.c[p.deg], prim.c[prim.deg], &k) || (k.num == 1 && k.den == 1)) return false;
    NumText t;
    if (k.num == -1 && k.den == 1) out.append("-");
    else {
      append_fraction(t, k);
      out.append(t.view());
    }
    out.append("(");
    append_poly(out, prim);
    out.append(")");
    return true;
  }
  sort_found(found, n);
  // p = k · Π (den·x - num)^m · q, with k chosen so the leading coefficients agree.
  Rational k = p.c[p.deg], lead = q.deg >= 1 ? q.c[q.deg] : Rational{1, 1};
  for (int i = 0; i < n; ++i)
    for (int m = 0; m < found[i].mult; ++m)
      if (!div(k, from_int(found[i].root.den), &k)) return false;
  if (!div(k, lead, &k)) return false;
  Poly scaled = q;
  if (q.deg >= 1) {  // fold k into the remaining factor when it has one, keeping it integral
    for (int j = 0; j <= q.deg; ++j)
      if (!mul(q.c[j], k, &scaled.c[j])) return false;
    Poly prim;
    if (primitive(scaled, &prim)) {
      Rational ratio;
      if (!div(scaled.c[scaled.deg], prim.c[prim.deg], &ratio)) return false;
      k = ratio;
      scaled = prim;
    }
  }
  NumText t;
  if (k.num == -1 && k.den == 1) out.append("-");
  else if (!(k.num == 1 && k.den == 1)) {
    append_fraction(t, k);
    out.append(t.view());
  }
  for (int i = 0; i < n; ++i) {
    Poly f;
    f.var = p.var;
    f.c[1] = from_int(found[i].root.den);
    f.c[0] = from_int(-found[i].root.num);
    poly_trim(&f);
    out.append("(");
    append_poly(out, f);
    out.append(")");
    if (found[i].mult > 1) {
      t.clear();
      append_int(t, found[i].mult);
      out.append("^").append(t.view());
    }
  }
  if (scaled.deg >= 1) {
    out.append("(");
    append_poly(out, scaled);
    out.append(")");
  }
  return true;
}

}  // namespace kimi::math
