// The maths expert's solvers, one per kind of question. Each looks at the analyzed query and, when the
// question is of its kind, writes the answer and returns true with the outcome; otherwise returns false.
#pragma once
#include "experts/math/math_solver.h"
#include "experts/math/query.h"

namespace kimi::math {

bool solve_calculus(const MathQuery& q, AnswerText& out, MathOutcome* outcome);       // calculus.cpp
bool solve_statistics(const MathQuery& q, AnswerText& out, MathOutcome* outcome);     // statistics.cpp
bool solve_number_theory(const MathQuery& q, AnswerText& out, MathOutcome* outcome);  // number_theory_task.cpp
bool solve_percentages(const MathQuery& q, AnswerText& out, MathOutcome* outcome);    // percent.cpp
bool solve_conversion(const MathQuery& q, AnswerText& out, MathOutcome* outcome);     // conversion.cpp
bool solve_equations(const MathQuery& q, AnswerText& out, MathOutcome* outcome);      // equations.cpp
bool solve_verbs(const MathQuery& q, AnswerText& out, MathOutcome* outcome);          // expression.cpp
bool solve_expression(const MathQuery& q, AnswerText& out, MathOutcome* outcome);     // expression.cpp

// Shared helpers (expression.cpp).
// Re-parses a span with a rendering; returns the result and fills echo.
ParseResult render_span(const MathQuery& q, const ParseResult& span, const EvalOptions& opt, Echo* echo);
// Appends the rendering, with "…" when it was cut short.
void append_echo(AnswerText& out, const Echo& echo);
// "<echo> = <value>" (or "≈ <value>"); false (and an error line) when the value can't be shown.
bool append_result_line(AnswerText& out, const Echo& echo, const Value& v, unsigned format_flags);

}  // namespace kimi::math
