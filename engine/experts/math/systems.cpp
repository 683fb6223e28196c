// Linear systems by exact Gauss-Jordan elimination, and "solve for y" in one linear equation (see algebra.h).
#include "experts/math/algebra.h"
#include "experts/math/equation_text.h"
#include "experts/math/sampling.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

constexpr int kMaxEquations = 4;

// Coefficients of lhs - rhs = a·vars + c for a linear equation; false when not linear or not exact.
bool linear_coefficients(const MathQuery& q, const ParseResult& s, const char* letters, int nv, Rational* a,
                         Rational* c) {
  if (s.lhs.deg > 1 || s.rhs.deg > 1 || s.lhs.deg < 0 || s.rhs.deg < 0) return false;
  Value vals[kMaxVars], f0, fj;
  for (int j = 0; j < kMaxVars; ++j) vals[j] = int_value(0);
  if (evaluate_at(q.toks, s, letters, vals, &f0) || f0.kind != Value::Kind::kExact) return false;
  *c = f0.q;
  for (int j = 0; j < nv; ++j) {
    vals[j] = int_value(1);
    if (evaluate_at(q.toks, s, letters, vals, &fj) || fj.kind != Value::Kind::kExact) return false;
    vals[j] = int_value(0);
    if (!sub(fj.q, f0.q, &a[j])) return false;
  }
  return true;
}

void append_echoes(const MathQuery& q, const ParseResult* const* eqs, int n, AnswerText& out) {
  out.append("  (from ");
  for (int i = 0; i < n; ++i) {
    Echo e;
    render_span(q, *eqs[i], EvalOptions{}, &e);
    if (i > 0) out.append(i + 1 == n ? " and " : ", ");
    out.append(e.view());
  }
  out.append(")");
}

}  // namespace

MathOutcome solve_linear_system(const MathQuery& q, const ParseResult* const* eqs, int n, AnswerText& out) {
  char letters[kMaxVars + 1] = {};
  int nv = 0;
  bool too_many = n > kMaxEquations;
  for (int i = 0; i < n && !too_many; ++i) {
    too_many = too_many || eqs[i]->extra_vars;
    for (int k = 0; k < eqs[i]->nvars; ++k) {
      bool seen = false;
      for (int j = 0; j < nv; ++j) seen = seen || letters[j] == eqs[i]->vars[k];
      if (seen) continue;
      if (nv == kMaxVars) too_many = true;
      else letters[nv++] = eqs[i]->vars[k];
    }
  }
  for (int i = 1; i < nv; ++i)  // x before y before z, whatever order they appeared in
    for (int j = i; j > 0 && letters[j] < letters[j - 1]; --j) std::swap(letters[j], letters[j - 1]);
  if (too_many) {
    out.append("I can solve systems of up to 4 linear equations in up to 3 unknowns; this one is larger");
    append_echoes(q, eqs, n < kMaxEquations ? n : kMaxEquations, out);
    return MathOutcome::kCannotCompute;
  }
  // Augmented matrix [A | b] with A·vars = b.
  Rational m[kMaxEquations][kMaxVars + 1];
  for (int i = 0; i < n; ++i) {
    Rational a[kMaxVars], c;
    if (eqs[i]->rel != kEq || !linear_coefficients(q, *eqs[i], letters, nv, a, &c)) {
      out.append("I can only solve systems of linear equations exactly");
      append_echoes(q, eqs, n, out);
      return MathOutcome::kCannotCompute;
    }
    for (int j = 0; j < nv; ++j) m[i][j] = a[j];
    neg(c, &m[i][nv]);
  }
  int row = 0, pivot_col[kMaxVars];
  for (int col = 0; col < nv && row < n; ++col) {
    int p = row;
    while (p < n && is_zero(m[p][col])) ++p;
    if (p == n) continue;
    for (int j = 0; j <= nv; ++j) std::swap(m[row][j], m[p][j]);
    Rational inv = m[row][col];
    for (int j = 0; j <= nv; ++j)
      if (!div(m[row][j], inv, &m[row][j])) goto overflow;
    for (int i = 0; i < n; ++i) {
      if (i == row || is_zero(m[i][col])) continue;
      Rational f = m[i][col];
      for (int j = 0; j <= nv; ++j) {
        Rational t;
        if (!mul(f, m[row][j], &t) || !sub(m[i][j], t, &m[i][j])) goto overflow;
      }
    }
    pivot_col[row++] = col;
  }
  for (int i = row; i < n; ++i)
    if (!is_zero(m[i][nv])) {
      out.append("No solution: the equations contradict each other");
      append_echoes(q, eqs, n, out);
      return MathOutcome::kComputed;
    }
  if (row < nv) {
    out.append("Infinitely many solutions: the equations are not independent");
    append_echoes(q, eqs, n, out);
    return MathOutcome::kComputed;
  }
  for (int i = 0; i < row; ++i) {
    PolyText t;
    char v = letters[pivot_col[i]];
    if (i > 0) out.append(", ");
    out.append(std::string_view(&v, 1)).append(" = ");
    NumText num;
    bool approx;
    format_value(exact_value(m[i][nv]), 0, &num, &approx);
    out.append(num.view());
  }
  append_echoes(q, eqs, n, out);
  return MathOutcome::kComputed;
overflow:
  out.append("The numbers get too large for exact arithmetic");
  append_echoes(q, eqs, n, out);
  return MathOutcome::kCannotCompute;
}

MathOutcome solve_for_variable(const MathQuery& q, const ParseResult& eq, AnswerText& out) {
  Echo echo;
  render_span(q, eq, EvalOptions{}, &echo);
  // The unknown to isolate: the letter after "for" ("solve for y"), else "in terms of x" names the other.
  int target = -1;
  int f = q.find_word("for");
  if (f >= 0 && f + 1 < q.toks.count && q.toks.text_of(f + 1).size() == 1)
    for (int k = 0; k < eq.nvars; ++k)
      if (eq.vars[k] == q.toks.text_of(f + 1)[0]) target = k;
  Rational a[kMaxVars], c;
  bool linear = eq.rel == kEq && !eq.extra_vars && linear_coefficients(q, eq, eq.vars, eq.nvars, a, &c);
  if (target < 0 || !linear || is_zero(a[target])) {
    out.append(linear ? "This equation has more than one unknown (" : "This equation has several unknowns (");
    for (int k = 0; k < eq.nvars; ++k) {
      if (k > 0) out.append(k + 1 == eq.nvars ? " and " : ", ");
      out.append(std::string_view(&eq.vars[k], 1));
    }
    out.append(linear ? "); I need one equation per unknown, or ask me to solve for one of them: "
                      : ") and is not linear, so I can't solve it exactly: ");
    out.append(echo.view());
    return MathOutcome::kCannotCompute;
  }
  // target = -(Σ other a_j·v_j + c) / a_target
  PolyText t;
  bool first = true;
  for (int k = 0; k <= eq.nvars; ++k) {
    if (k == target) continue;
    Rational coef;
    if (!div(k < eq.nvars ? a[k] : c, a[target], &coef) || !neg(coef, &coef)) return MathOutcome::kCannotCompute;
    if (is_zero(coef)) continue;
    bool negative = sign(coef) < 0;
    t.append(first ? (negative ? "-" : "") : (negative ? " - " : " + "));
    if (negative) neg(coef, &coef);
    append_term(t, coef, k < eq.nvars ? 1 : 0, k < eq.nvars ? eq.vars[k] : 'x');
    first = false;
  }
  if (first) t.append("0");
  out.append(std::string_view(&eq.vars[target], 1)).append(" = ").append(t.view());
  append_from(out, echo);
  return MathOutcome::kComputed;
}

}  // namespace kimi::math
