// Equations and inequalities: one unknown (exact roots of any polynomial equation the root finder can do),
// linear systems, "solve for y", substitution ("2x + 1 when x = 3") and checking "is 2 + 2 = 5?".
#include <cmath>

#include "experts/math/equation_text.h"
#include "experts/math/roots.h"
#include "experts/math/sampling.h"
#include "experts/math/algebra.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

bool is_assignment(const MathQuery& q, const ParseResult& s) {
  return s.rel == kEq && s.nvars == 1 && s.rel_at == s.begin + 1 && q.toks.is_kind(s.begin, TokKind::kVar) &&
         s.rhs.deg == 0 && s.rhs.kind != Value::Kind::kUnknown;
}

MathOutcome cannot(AnswerText& out, std::string_view why, const Echo& echo) {
  out.append(why).append(": ").append(echo.view());
  if (echo.overflow()) out.append("…");
  return MathOutcome::kCannotCompute;
}

// Sign chart over the rational roots: "x < -2 or x > 2", "-2 ≤ x ≤ 2", "x = 3", ...
MathOutcome inequality(const Poly& p, int rel, const Echo& echo, AnswerText& out) {
  auto holds = [rel](int s) {
    switch (rel) {
      case kLt: return s < 0;
      case kGt: return s > 0;
      case kLe: return s <= 0;
      case kGe: return s >= 0;
      default: return s != 0;
    }
  };
  Rational roots[kMaxPolyDegree + 1];
  int n = 0;
  if (p.deg >= 1 && !all_rational_roots(p, roots, &n))
    return cannot(out, "I can only solve inequalities whose boundary points are rational numbers", echo);
  // Items in order: interval 0, root 0, interval 1, ..., root n-1, interval n; each true or false.
  PolyText text;
  bool open_segment = false, any = false;
  char v = p.var;
  Rational seg_lo{};
  bool seg_lo_inf = true, seg_lo_closed = false;
  for (int item = 0; item <= 2 * n; ++item) {
    bool is_root = item % 2 == 1;
    int idx = item / 2;
    int s;
    if (is_root) {
      s = 0;
    } else {
      Rational test, val;
      if (n == 0) test = Rational{};
      else if (idx == 0) sub(roots[0], from_int(1), &test);
      else if (idx == n) add(roots[n - 1], from_int(1), &test);
      else if (!add(roots[idx - 1], roots[idx], &test) || !div(test, from_int(2), &test)) test = roots[idx];
      if (!poly_eval(p, test, &val)) return cannot(out, "The numbers get too large for exact arithmetic", echo);
      s = sign(val);
    }
    bool ok = holds(s);
    if (ok && !open_segment) {
      open_segment = true;
      seg_lo_inf = item == 0;
      if (is_root) seg_lo = roots[idx], seg_lo_closed = true;
      else if (idx > 0) seg_lo = roots[idx - 1], seg_lo_closed = false;
    }
    bool last = item == 2 * n;
    if (open_segment && (!ok || last)) {
      // The segment ends before this item (or at the end).
      bool hi_inf = ok && last;
      Rational hi{};
      bool hi_closed = false;
      if (!hi_inf) {
        if (!ok && is_root) hi = roots[idx], hi_closed = false;       // stops at an excluded root
        else if (!ok) hi = roots[idx - 1], hi_closed = true;          // previous item was the included root
      }
      if (any) text.append(" or ");
      any = true;
      std::string_view vs(&v, 1);
      if (seg_lo_inf && hi_inf) {
        text.append("every real ").append(vs);
      } else if (seg_lo_inf) {
        text.append(vs).append(hi_closed ? " ≤ " : " < ");
        append_number(text, hi);
      } else if (hi_inf) {
        text.append(vs).append(seg_lo_closed ? " ≥ " : " > ");
        append_number(text, seg_lo);
      } else if (compare(seg_lo, hi) == 0) {
        text.append(vs).append(" = ");
        append_number(text, hi);
      } else {
        append_number(text, seg_lo);
        text.append(seg_lo_closed ? " ≤ " : " < ").append(vs).append(hi_closed ? " ≤ " : " < ");
        append_number(text, hi);
      }
      open_segment = false;
    }
  }
  if (!any) text.append("No solution");
  out.append(text.view());
  append_from(out, echo);
  return MathOutcome::kComputed;
}

// Bound from one linear inequality a·x + b REL 0: x > r, x ≤ r, ...
struct Bound {
  bool lower, closed;
  Rational r;
};

bool linear_bound(const MathQuery& q, const ParseResult& s, char v, Bound* b) {
  Sampled sm = sample_span(q.toks, s, v);
  Poly p;
  if (sm.status != SampleStatus::kOk || !poly_sub(sm.lhs, sm.rhs, &p) || p.deg != 1) return false;
  Rational r;
  if (!div(p.c[0], p.c[1], &r) || !neg(r, &r)) return false;
  bool greater = s.rel == kGt || s.rel == kGe;  // a·x + b > 0
  if (sign(p.c[1]) < 0) greater = !greater;
  *b = Bound{greater, s.rel == kGe || s.rel == kLe, r};
  return true;
}

// "1 < 2x + 3 < 9": both linear inequalities, intersected.
MathOutcome chained_linear(const MathQuery& q, const ParseResult& first, AnswerText& out) {
  ParseResult second = parse_expression(q.toks, first.rel_at + 1, q.toks.count, EvalOptions{}, nullptr);
  char v = first.vars[0];
  Bound b1, b2;
  bool ok = second.ok && second.rel >= 0 && second.rel != kEq && second.rel != kNe && first.rel != kEq &&
            first.rel != kNe && second.nvars == 1 && second.vars[0] == v && linear_bound(q, first, v, &b1) &&
            linear_bound(q, second, v, &b2) && b1.lower != b2.lower;
  // The rendering of the whole chain: first relation, then the rest of the second one.
  Echo whole;
  render_span(q, first, EvalOptions{}, &whole);
  Echo rest;
  parse_expression(q.toks, second.rel_at + 1, second.end, EvalOptions{}, &rest);
  whole.append(relation_symbol(second.rel));
  whole.append(rest.view());
  if (!ok) return cannot(out, "I can only solve chained inequalities that are linear in one unknown", whole);
  const Bound& lo = b1.lower ? b1 : b2;
  const Bound& hi = b1.lower ? b2 : b1;
  int c = compare(lo.r, hi.r);
  PolyText t;
  std::string_view vs(&v, 1);
  if (c > 0 || (c == 0 && !(lo.closed && hi.closed))) {
    t.append("No solution");
  } else if (c == 0) {
    t.append(vs).append(" = ");
    append_number(t, lo.r);
  } else {
    append_number(t, lo.r);
    t.append(lo.closed ? " ≤ " : " < ").append(vs).append(hi.closed ? " ≤ " : " < ");
    append_number(t, hi.r);
  }
  out.append(t.view());
  append_from(out, whole);
  return MathOutcome::kComputed;
}

MathOutcome single_unknown(const MathQuery& q, const ParseResult& s, AnswerText& out) {
  if (s.chained) return chained_linear(q, s, out);
  Echo echo;
  render_span(q, s, EvalOptions{}, &echo);
  char v = s.vars[0];
  Sampled sm = sample_span(q.toks, s, v);
  switch (sm.status) {
    case SampleStatus::kOk: break;
    case SampleStatus::kNonPolynomial:
      if (!q.pure_except(s.begin, s.end)) return MathOutcome::kNotMath;  // "why is sin(-x) = -sin(x)?"
      return cannot(out, "I can only solve polynomial equations exactly, and this one is not", echo);
    case SampleStatus::kTooHigh:
      return cannot(out, "The equation's degree is too high for exact solving (the limit is 12)", echo);
    case SampleStatus::kInexact:
      return cannot(out, "The coefficients are not exact numbers, so I can't solve it exactly", echo);
    case SampleStatus::kError:
      out.append("Can't solve ").append(echo.view()).append(": ").append(sm.error ? sm.error : "error").append(".");
      return MathOutcome::kError;
  }
  Poly p;
  if (!poly_sub(sm.lhs, sm.rhs, &p)) return cannot(out, "The numbers get too large for exact arithmetic", echo);
  if (s.rel != kEq) return inequality(p, s.rel, echo, out);
  PolyText sol;
  Poly rest;
  PolyText t;
  switch (solve_polynomial(p, sol, &rest)) {
    case SolveKind::kSolved:
      append_solutions(out, sol.view());
      append_from(out, echo);
      return MathOutcome::kComputed;
    case SolveKind::kIdentity:
      append_poly(t, sm.lhs);
      out.append("Infinitely many solutions: both sides equal ").append(t.view()).append(" for every ");
      out.append(std::string_view(&v, 1));
      append_from(out, echo);
      return MathOutcome::kComputed;
    case SolveKind::kNoSolution:
      append_number(t, sm.lhs.c[0]);
      t.append(" = ");
      append_number(t, sm.rhs.c[0]);
      out.append("No solution: the ").append(std::string_view(&v, 1)).append(" terms cancel, leaving ");
      out.append(t.view()).append(", which is false");
      append_from(out, echo);
      return MathOutcome::kComputed;
    case SolveKind::kPartial:
    case SolveKind::kTooHard:
      break;
  }
  // No exact form for (part of) it: real roots numerically, each confirmed by an exact sign change.
  double roots[kMaxPolyDegree + 1], errors[kMaxPolyDegree + 1];
  bool complete;
  int n = numeric_real_roots(rest, roots, errors, &complete);
  bool exact_found = sol.size() > 0;
  for (int i = 0; i < n; ++i) {
    Value r;
    r.kind = Value::Kind::kReal;
    r.d = roots[i];
    r.ae = errors[i];
    NumText d;
    if (!append_decimal(d, r)) continue;
    if (sol.size() > 0) sol.append(std::string_view(&kItemSeparator, 1));
    sol.append(std::string_view(&v, 1)).append(" ≈ ").append(d.view());
  }
  append_solutions(out, sol.view());
  if (n == 0 && !exact_found) out.append(complete ? "No real solutions" : "I can't find the solutions exactly");
  if (!complete) {
    out.append("  (there may be other solutions I can't pin down)");
  } else {
    // One note: how exact the answer is and how many solutions are complex.
    PolyText note;
    if (!exact_found && n == 1) note.append("no exact form; the only real solution");
    if (!exact_found && n > 1) note.append("no exact form; all the real solutions");
    int complex = rest.deg - n;
    if (complex > 0) {
      NumText c;
      append_int(c, complex);
      if (note.size()) note.append("; ");
      note.append(n > 0 || exact_found ? "plus " : "").append(c.view());
      note.append(complex == 1 ? " complex solution" : " complex solutions");
    }
    if (note.size()) out.append("  (").append(note.view()).append(")");
  }
  append_from(out, echo);
  return complete ? MathOutcome::kComputed : MathOutcome::kCannotCompute;
}

// "is 2 + 2 = 5?" -> "False: 2 + 2 = 4, not 5."
MathOutcome check_relation(const MathQuery& q, const ParseResult& s, AnswerText& out) {
  Echo all, left, right;
  render_span(q, s, EvalOptions{}, &all);
  ParseResult l = parse_expression(q.toks, s.begin, s.rel_at, EvalOptions{}, &left);
  ParseResult r = parse_expression(q.toks, s.rel_at + 1, s.end, EvalOptions{}, &right);
  if (s.eval_error || l.eval_error || r.eval_error) {
    out.append("Can't check ").append(all.view()).append(": ").append(s.eval_error ? s.eval_error : (l.eval_error ? l.eval_error : r.eval_error)).append(".");
    return MathOutcome::kError;
  }
  bool certain;
  int c = vcompare(s.lhs, s.rhs, &certain);
  NumText lv, rv;
  bool approx;
  format_value(s.lhs, 0, &lv, &approx);
  format_value(s.rhs, 0, &rv, &approx);
  if (!certain) {
    out.append("Can't tell exactly: both sides are ").append(rv.view());
    return MathOutcome::kCannotCompute;
  }
  bool holds = (s.rel == kEq && c == 0) || (s.rel == kNe && c != 0) || (s.rel == kLt && c < 0) ||
               (s.rel == kGt && c > 0) || (s.rel == kLe && c <= 0) || (s.rel == kGe && c >= 0);
  bool left_literal = l.ops == 0, right_literal = r.ops == 0;
  // "sin(90) = 0.894": a rounded decimal of an approximate value.
  const Tok& rt = q.toks.tok[s.rel_at + 1];
  if (!holds && s.rel == kEq && s.lhs.kind != Value::Kind::kExact && s.end == s.rel_at + 2 &&
      rt.kind == TokKind::kNum && (rt.flags & kDecimal)) {
    std::string_view lit = q.toks.text_of(s.rel_at + 1);
    std::size_t dot = lit.find('.');
    int places = dot == std::string_view::npos ? 0 : static_cast<int>(lit.size() - dot - 1);
    double d, ae, rd, rae;
    to_real(s.lhs, &d, &ae);
    to_real(s.rhs, &rd, &rae);
    double half = 0.5;
    for (int k = 0; k < places; ++k) half /= 10;
    if (places > 0 && places < 15 && std::fabs(d - rd) + ae <= half) {
      out.append("Approximately: ").append(left.view()).append(" ").append(lv.view()).append(", which rounds to ");
      out.append(right.view()).append(".");
      if (s.trig_plain_number) {  // the usual reason a calculator "disagrees": radians vs degrees
        EvalOptions deg;
        deg.trig_degrees = true;
        Echo de;
        ParseResult d2 = parse_expression(q.toks, s.begin, s.rel_at, deg, &de);
        AnswerText line;
        if (d2.ok && !d2.eval_error && append_result_line(line, de, d2.lhs, 0))
          out.append("\n(That is in radians. In degrees: ").append(line.view()).append(".)");
      }
      return MathOutcome::kComputed;
    }
  }
  if (holds) {
    out.append("True: ").append(all.view());
    if (!left_literal && !right_literal) {
      if (s.rel == kEq) out.append(" (both sides are ").append(lv.view()).append(")");
      else out.append(" (").append(lv.view()).append(relation_symbol(s.rel)).append(rv.view()).append(")");
    }
    out.append(".");
  } else if (s.rel == kEq) {
    out.append("False: ").append(left.view());
    if (!left_literal) out.append(s.lhs.kind == Value::Kind::kReal ? " " : " = ").append(lv.view());
    out.append(", not ").append(right.view());
    if (!right_literal) out.append(" = ").append(rv.view());
    out.append(".");
  } else {
    out.append("False: ").append(all.view()).append(" does not hold (").append(lv.view());
    out.append(relation_symbol(c < 0 ? kLt : (c > 0 ? kGt : kEq))).append(rv.view()).append(").");
  }
  return MathOutcome::kComputed;
}

// "2x + 1 when x = 3"
MathOutcome substitute(const MathQuery& q, const ParseResult& assign, const ParseResult& e, AnswerText& out) {
  char v = q.toks.text_of(assign.begin)[0];
  char letters[2] = {v, 0};
  EvalOptions opt;
  opt.letters = letters;
  opt.var_values[0] = assign.rhs;
  Echo echo, a;
  ParseResult r = render_span(q, e, opt, &echo);
  render_span(q, assign, EvalOptions{}, &a);
  out.append("When ").append(a.view()).append(": ");
  if (r.eval_error) {
    out.append("can't compute ").append(echo.view()).append(": ").append(r.eval_error).append(".");
    return MathOutcome::kError;
  }
  if (r.rel >= 0) {  // an equation to check at that value
    bool certain;
    int c = vcompare(r.lhs, r.rhs, &certain);
    NumText lv, rv;
    bool approx;
    format_value(r.lhs, 0, &lv, &approx);
    format_value(r.rhs, 0, &rv, &approx);
    bool eq = certain && c == 0;
    out.append(echo.view()).append(eq ? " holds (both sides are " : " does not hold (").append(lv.view());
    if (!eq) out.append(" vs ").append(rv.view());
    out.append(").");
    return MathOutcome::kComputed;
  }
  AnswerText line;
  if (!append_result_line(line, echo, r.lhs, r.has_division ? kPreferFraction : 0u)) {
    out.append(line.view());
    return MathOutcome::kError;
  }
  out.append(line.view());
  return MathOutcome::kComputed;
}

bool only_var(const ParseResult& s, char v) { return s.nvars == 1 && s.vars[0] == v && !s.extra_vars; }

}  // namespace

bool solve_equations(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  const ParseResult* rels[kMaxSpans];
  int nrels = 0;
  const ParseResult* assign = nullptr;
  const ParseResult* expr = nullptr;
  for (int i = 0; i < q.nspans; ++i) {
    const ParseResult& s = q.spans[i];
    if (s.nvars == 0) continue;
    if (s.rel >= 0) {
      if (is_assignment(q, s) && !assign) assign = &s;
      rels[nrels++] = &s;
    } else if (!expr) {
      expr = &s;
    }
  }
  int nassign = 0;
  for (int i = 0; i < nrels; ++i) nassign += is_assignment(q, *rels[i]) ? 1 : 0;
  // Substitution: one assignment plus something else in the same variable ("2x + 1 when x = 3"). Two
  // assignments ("from t = 0 to t = 2") are bounds of something else: not this.
  if (assign && nassign == 1) {
    char v = q.toks.text_of(assign->begin)[0];
    const ParseResult* target = nullptr;
    if (expr && only_var(*expr, v)) target = expr;
    for (int i = 0; i < nrels && !target; ++i)
      if (rels[i] != assign && !is_assignment(q, *rels[i]) && only_var(*rels[i], v)) target = rels[i];
    if (target && (nrels == 1 || target != expr || nrels == 2)) {
      *outcome = substitute(q, *assign, *target, out);
      return true;
    }
  }
  if (nrels >= 2) {
    if (nassign == nrels) return false;  // only "t = 0", "t = 2": values, not a system
    *outcome = solve_linear_system(q, rels, nrels, out);
    return true;
  }
  if (nrels == 1) {
    const ParseResult& s = *rels[0];
    if (s.nvars == 1 && !s.extra_vars) {
      *outcome = single_unknown(q, s, out);
      if (*outcome == MathOutcome::kNotMath) out.clear();
      return *outcome != MathOutcome::kNotMath;
    }
    // "y = -x^2 + 4, where does it cross the x-axis?": the roots of the right-hand side; its y-intercept is
    // its value at 0.
    if (s.rel == kEq && s.rel_at == s.begin + 1 && q.toks.is_kind(s.begin, TokKind::kVar)) {
      ParseResult rhs = parse_expression(q.toks, s.rel_at + 1, s.end, EvalOptions{}, nullptr);
      if (rhs.ok && rhs.nvars == 1 && (q.has_word("y-intercept") || q.has_word("y-intercepts"))) {
        char letters[2] = {rhs.vars[0], 0};
        Value zero = int_value(0), y;
        Echo e;
        render_span(q, s, EvalOptions{}, &e);
        if (!evaluate_at(q.toks, rhs, letters, &zero, &y)) {
          AnswerText line;
          Echo label;
          label.append("y-intercept: ");
          label.append(q.toks.text_of(s.begin));
          if (append_result_line(line, label, y, 0)) {
            out.append(line.view()).append(" (at ").append(std::string_view(letters, 1)).append(" = 0)");
            append_from(out, e);
            *outcome = MathOutcome::kComputed;
            return true;
          }
        }
      }
      if (rhs.ok && rhs.nvars == 1 && rhs.vars[0] != q.toks.text_of(s.begin)[0] &&
          solve_polynomial_expression(q, rhs, out, outcome))
        return true;
    }
    // Prose around an equation in several letters ("y = 2x + 1, what is the slope?"): the knowledge base
    // explains it better, unless a letter to solve for was named.
    int f = q.find_word("for");
    bool named = f >= 0 && f + 1 < q.toks.count && q.toks.text_of(f + 1).size() == 1;
    if (!named && !q.pure_except(s.begin, s.end)) return false;
    *outcome = solve_for_variable(q, s, out);
    return true;
  }
  // Relations between numbers: "is 17 × 23 = 391?"
  for (int i = 0; i < q.nspans; ++i) {
    const ParseResult& s = q.spans[i];
    if (s.rel < 0 || s.nvars > 0) continue;
    if (span_strength(s) < 1 && !q.pure_except(s.begin, s.end)) continue;
    *outcome = check_relation(q, s, out);
    return true;
  }
  if (expr) return solve_polynomial_expression(q, *expr, out, outcome);
  return false;
}

}  // namespace kimi::math
