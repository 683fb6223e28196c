// Algebra beyond one equation in one unknown: linear systems, "solve for y", and polynomial expressions
// (expand, factor, find the roots, or explain what can be done with them).
#pragma once
#include "experts/math/math_solver.h"
#include "experts/math/query.h"

namespace kimi::math {

// Two or three linear equations: "x = 3, y = 2  (from 2x + 3y = 12 and x - y = 1)".
MathOutcome solve_linear_system(const MathQuery& q, const ParseResult* const* eqs, int n, AnswerText& out);
// One linear equation in several letters, solved for the one named after "for" (or explained).
MathOutcome solve_for_variable(const MathQuery& q, const ParseResult& eq, AnswerText& out);
// A polynomial without "=": solve (= 0), expand or factor it as asked. False when nothing was asked of it.
bool solve_polynomial_expression(const MathQuery& q, const ParseResult& e, AnswerText& out, MathOutcome* outcome);

}  // namespace kimi::math
