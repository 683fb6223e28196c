// Polynomial expressions without "=": "solve x^2 - 5x + 6", "expand (x + 1)^2", "factor x^2 - 5x + 6"
// (see algebra.h).
#include "experts/math/algebra.h"
#include "experts/math/equation_text.h"
#include "experts/math/roots.h"
#include "experts/math/sampling.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

enum class Ask { kNothing, kSolve, kExpand, kFactor };

Ask what_is_asked(const MathQuery& q) {
  for (std::string_view w : {"factor", "factorise", "factorize", "factorization", "factorisation", "factored"})
    if (q.has_word(w)) return Ask::kFactor;
  for (std::string_view w : {"expand", "simplify", "simplified", "expanded"})
    if (q.has_word(w)) return Ask::kExpand;
  if (q.find_phrase("multiply out") >= 0) return Ask::kExpand;
  for (std::string_view w : {"solve", "roots", "root", "zeros", "zeroes", "zero", "intercepts", "intercept", "cross",
                             "crosses", "crossing", "x-intercept", "x-intercepts", "x-axis"})
    if (q.has_word(w)) return Ask::kSolve;
  return Ask::kNothing;
}

}  // namespace

bool solve_polynomial_expression(const MathQuery& q, const ParseResult& e, AnswerText& out, MathOutcome* outcome) {
  if (e.ops == 0) return false;  // a lone "x" is not an expression to work on
  Ask ask = what_is_asked(q);
  bool pure = q.pure_except(e.begin, e.end);
  if (ask == Ask::kNothing && !pure) return false;
  // In prose, "two x-intercepts" or a lone "x" is not an expression to work on.
  if (!pure && (e.end - e.begin < 3 || e.ops - e.implicit_ops < 1)) return false;
  Echo echo;
  render_span(q, e, EvalOptions{}, &echo);
  if (e.nvars != 1 || e.extra_vars) {
    out.append("This expression has more than one unknown, so I can't reduce it to a number: ").append(echo.view());
    *outcome = MathOutcome::kCannotCompute;
    return true;
  }
  Sampled sm = sample_span(q.toks, e, e.vars[0]);
  if (sm.status != SampleStatus::kOk) {
    if (sm.status == SampleStatus::kError) {
      out.append("Can't compute ").append(echo.view()).append(": ").append(sm.error ? sm.error : "error").append(".");
      *outcome = MathOutcome::kError;
    } else {
      out.append(sm.status == SampleStatus::kNonPolynomial
                     ? "I can only solve, expand or factor polynomials exactly, and this is not one: "
                     : "This is beyond exact polynomial methods (degree over 12 or inexact numbers): ");
      out.append(echo.view());
      *outcome = MathOutcome::kCannotCompute;
    }
    return true;
  }
  PolyText t;
  append_poly(t, sm.lhs);
  *outcome = MathOutcome::kComputed;
  switch (ask) {
    case Ask::kSolve: {
      PolyText sol;
      Poly rest;
      SolveKind k = solve_polynomial(sm.lhs, sol, &rest);
      if (k == SolveKind::kSolved) {
        append_solutions(out, sol.view());
        out.append("  (from ").append(echo.view()).append(" = 0)");
      } else if (k == SolveKind::kIdentity || k == SolveKind::kNoSolution) {
        out.append(k == SolveKind::kIdentity ? "Every number is a root: " : "No solution: ").append(echo.view());
        out.append(" = ").append(t.view()).append(k == SolveKind::kIdentity ? "" : ", never 0");
      } else {
        out.append("I can't find every root of ").append(t.view()).append(" = 0 exactly");
        if (k == SolveKind::kPartial) {
          out.append("; rational roots: ");
          append_solutions(out, sol.view());
        }
        *outcome = MathOutcome::kCannotCompute;
      }
      return true;
    }
    case Ask::kFactor: {
      PolyText f;
      if (factor_polynomial(sm.lhs, f)) {
        out.append(echo.view()).append(" = ").append(f.view());
      } else {
        out.append(t.view()).append(" can't be factored over the rationals (it has no rational roots)");
        *outcome = MathOutcome::kCannotCompute;
      }
      return true;
    }
    case Ask::kExpand:
      out.append(echo.view()).append(" = ").append(t.view());
      return true;
    case Ask::kNothing:
      break;
  }
  out.append("That is an expression in ").append(std::string_view(&e.vars[0], 1)).append(", not a number: ");
  out.append(echo.view());
  if (t.view() != echo.view()) out.append(" = ").append(t.view());
  out.append(". I can solve it (= 0), expand or factor it, differentiate or integrate it.");
  *outcome = MathOutcome::kCannotCompute;
  return true;
}

}  // namespace kimi::math
