// Changing the form of a number: "0.125 as a fraction", "3/8 as a decimal", "1/7 to decimal",
// "0.35 as a percentage", "simplify 84/126", "84/126 in lowest terms".
#include "experts/math/number_format.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

enum class Form { kFraction, kDecimal, kPercent };

struct Target {
  std::string_view pattern;
  Form form;
};

constexpr Target kTargets[] = {
    {"$ as|to|in|into a|an? fraction|fractions", Form::kFraction},
    {"$ as|to|in|into a|an? decimal|decimals", Form::kDecimal},
    {"$ as|to|in|into a|an? %|percentage|percent", Form::kPercent},
    {"$ in|to|into lowest|simplest terms|form", Form::kFraction},
    {"convert $ to|into a|an? fraction", Form::kFraction},
    {"simplify|reduce the? fraction? $", Form::kFraction},
    {"write $ as a|an? fraction", Form::kFraction}};

}  // namespace

bool solve_conversion(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  const ParseResult* s[2] = {};
  const Target* target = nullptr;
  for (const auto& t : kTargets)
    if (q.find_pattern(t.pattern, s) && s[0]->rel < 0 && s[0]->nvars == 0) {
      target = &t;
      break;
    }
  if (!target) return false;
  // "simplify 2 + 3" is a calculation, not a change of form.
  if (target->pattern.substr(0, 8) == "simplify" && !(s[0]->simple_fraction || s[0]->ops == 0)) return false;
  Echo echo;
  ParseResult r = render_span(q, *s[0], EvalOptions{}, &echo);
  if (r.eval_error) {
    out.append("Can't compute ").append(echo.view()).append(": ").append(r.eval_error).append(".");
    *outcome = MathOutcome::kError;
    return true;
  }
  const Value& v = r.lhs;
  NumText t, block;
  append_echo(out, echo);
  *outcome = MathOutcome::kComputed;
  switch (target->form) {
    case Form::kFraction:
      if (v.kind != Value::Kind::kExact) {
        if (append_decimal(t, v)) out.append(" ≈ ").append(t.view());
        out.append(" has no exact fraction form that I can compute");
        *outcome = MathOutcome::kCannotCompute;
        return true;
      }
      append_fraction(t, v.q);
      if (t.view() != echo.view()) out.append(" = ").append(t.view());
      if (v.q.den != 1 && (v.q.num > v.q.den || -v.q.num > v.q.den)) {  // also as a mixed number
        NumText m;
        append_int(m, v.q.num / v.q.den);
        i128 rest = v.q.num % v.q.den;
        out.append(" = ").append(m.view()).append(" ");
        m.clear();
        append_fraction(m, Rational{rest < 0 ? -rest : rest, v.q.den});
        out.append(m.view());
      }
      return true;
    case Form::kDecimal:
      if (v.kind == Value::Kind::kExact && append_repeating_decimal(t, v.q, 60, &block)) {
        out.append(" = ").append(t.view()).append(" (the ").append(block.view()).append(" repeats)");
        return true;
      }
      t.clear();
      if (!append_decimal(t, v)) {
        out.append(": can't be computed accurately");
        *outcome = MathOutcome::kError;
        return true;
      }
      out.append(v.kind == Value::Kind::kExact && append_exact_decimal(block, v.q, 24) ? " = " : " ≈ ").append(t.view());
      return true;
    case Form::kPercent: {
      Value pct;
      vmul(v, int_value(100), &pct);
      bool exact = pct.kind == Value::Kind::kExact && append_exact_decimal(block, pct.q, 24);
      if (!append_decimal(t, pct)) {
        out.append(": can't be computed accurately");
        *outcome = MathOutcome::kError;
        return true;
      }
      out.append(exact ? " = " : " ≈ ").append(t.view()).append("%");
      return true;
    }
  }
  return true;
}

}  // namespace kimi::math
