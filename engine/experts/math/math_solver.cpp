// The maths expert's front (see math_solver.h): analyze the query, then let each solver try it in turn, from
// the most specific question shape to plain calculation.
#include "experts/math/math_solver.h"

#include "experts/math/tasks.h"

namespace kimi {
MathOutcome solve_math(std::string_view normalized_query, TextBuffer<4096>& out) {
  out.clear();
  math::MathQuery q;
  math::analyze_query(normalized_query, &q);
  if (q.toks.count == 0) return MathOutcome::kNotMath;
  for (std::string_view w : {"prove", "proof", "disprove", "matrix", "matrices", "determinant", "vector", "vectors"})
    if (q.has_word(w)) return MathOutcome::kNotMath;  // the knowledge base explains these
  if (q.canon().find("[[") != std::string_view::npos) return MathOutcome::kNotMath;  // matrix notation
  MathOutcome outcome = MathOutcome::kNotMath;
  bool handled = math::solve_calculus(q, out, &outcome) || math::solve_statistics(q, out, &outcome) ||
                 math::solve_number_theory(q, out, &outcome) || math::solve_percentages(q, out, &outcome) ||
                 math::solve_conversion(q, out, &outcome) ||
                 math::solve_equations(q, out, &outcome) || math::solve_verbs(q, out, &outcome) ||
                 math::solve_expression(q, out, &outcome);
  if (handled && outcome != MathOutcome::kNotMath) return outcome;
  out.clear();
  if (q.has_failure && q.words_all_filler()) {
    out.append("Can't compute: ").append(q.failure.syntax_error).append(" in \"");
    out.append(utf8_prefix(q.text_of(q.failure.begin, q.toks.count), 200)).append("\".");
    return MathOutcome::kError;
  }
  return MathOutcome::kNotMath;
}

}  // namespace kimi
