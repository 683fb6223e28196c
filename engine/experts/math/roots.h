// Exact solutions of polynomial equations P(x) = 0: rational roots (rational root theorem, any degree up to
// the cap), the quadratic formula with simplified surds ((5 ± √13)/2) and complex pairs (-1 ± 2i), and the
// factored form over the rationals.
#pragma once
#include "experts/math/polynomial.h"

namespace kimi::math {

enum class SolveKind {
  kSolved,      // out lists every solution
  kIdentity,    // 0 = 0: every number is a solution
  kNoSolution,  // a non-zero constant = 0
  kPartial,     // some rational roots found (listed); the remaining factor (in *rest) is beyond exact methods
  kTooHard,     // no exact method applies; *rest is the polynomial
};

// Between listed solutions: append_solutions turns these into ", " and a final " or ".
inline constexpr char kItemSeparator = '\x01';

// Solves p = 0. Writes the solutions separated by kItemSeparator: "x = 2", "x = 3", or
// "x = (5 ± √13)/2  (x ≈ 0.6972243623 or x ≈ 4.302775638)".
SolveKind solve_polynomial(const Poly& p, PolyText& out, Poly* rest);

// Copies items separated by kItemSeparator as "a, b or c".
template <class Out>
void append_solutions(Out& out, std::string_view items) {
  std::size_t last = items.rfind(kItemSeparator);
  for (std::size_t i = 0; i < items.size();) {
    std::size_t sep = items.find(kItemSeparator, i);
    std::size_t end = sep == std::string_view::npos ? items.size() : sep;
    out.append(items.substr(i, end - i));
    if (sep == std::string_view::npos) break;
    out.append(sep == last ? " or " : ", ");
    i = sep + 1;
  }
}

// The distinct real roots, ascending, when all of them are rational (for inequalities); false otherwise.
bool all_rational_roots(const Poly& p, Rational* roots, int* count);

// Real roots of p (degree 1 to 12), ascending, found numerically; each is confirmed by a sign change of p that
// floating error cannot explain, on [root - error, root + error]. *complete is false when a root where p only
// touches zero may have been missed. Returns the count.
int numeric_real_roots(const Poly& p, double* roots, double* errors, bool* complete);

// "(x - 2)(x - 3)", "2(x + 1/2)^2"... Returns false when p has no rational root to factor out (deg >= 2).
bool factor_polynomial(const Poly& p, PolyText& out);

}  // namespace kimi::math
