// Percentage questions beyond "15% of 80" (which is an ordinary expression): "12 is what percent of 48",
// "what percent of 48 is 12", "40 is 25% of what", "increase 50 by 10%", "25% off 80",
// "percent change from 50 to 60".
#include "experts/math/number_format.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

bool plain(const ParseResult* s) {
  return s && s->rel < 0 && s->nvars == 0 && !s->extra_vars && s->lhs.kind != Value::Kind::kUnknown;
}

void append_span(const MathQuery& q, const ParseResult* s, AnswerText& out) {
  Echo e;
  render_span(q, *s, EvalOptions{}, &e);
  append_echo(out, e);
}

// "25%", "33.33333333% (exactly 100/3%)".
bool append_percent(AnswerText& out, const Value& ratio) {
  Value pct;
  if (vmul(ratio, int_value(100), &pct)) return false;
  NumText t;
  if (!append_decimal(t, pct)) return false;
  out.append(t.view()).append("%");
  if (pct.kind == Value::Kind::kExact && pct.q.den != 1) {
    NumText probe;
    if (!append_exact_decimal(probe, pct.q, 24)) {
      NumText f;
      append_fraction(f, pct.q);
      out.append(" (exactly ").append(f.view()).append("%)");
    }
  }
  return true;
}

MathOutcome error_line(AnswerText& out, const char* msg) {
  out.clear();
  out.append("Can't compute: ").append(msg).append(".");
  return MathOutcome::kError;
}

const char* first_error(const ParseResult* a, const ParseResult* b) {
  return a->eval_error ? a->eval_error : b->eval_error;
}

// What percent a is of b.
MathOutcome part_of_whole(const MathQuery& q, const ParseResult* part, const ParseResult* whole, AnswerText& out) {
  if (const char* e = first_error(part, whole)) return error_line(out, e);
  Value ratio;
  if (const char* e = vdiv(part->lhs, whole->lhs, &ratio)) return error_line(out, e);
  append_span(q, part, out);
  out.append(" is ");
  if (!append_percent(out, ratio)) return error_line(out, "the result can't be computed accurately");
  out.append(" of ");
  append_span(q, whole, out);
  return MathOutcome::kComputed;
}

// a is p% of what: a / p.
MathOutcome whole_from_part(const MathQuery& q, const ParseResult* part, const ParseResult* pct, AnswerText& out) {
  if (const char* e = first_error(part, pct)) return error_line(out, e);
  Value whole;
  if (const char* e = vdiv(part->lhs, pct->lhs, &whole)) return error_line(out, e);
  NumText t;
  bool approx;
  if (const char* e = format_value(whole, 0, &t, &approx)) return error_line(out, e);
  append_span(q, part, out);
  out.append(" is ");
  append_span(q, pct, out);
  out.append(" of ").append(t.view());
  return MathOutcome::kComputed;
}

MathOutcome change_by(const MathQuery& q, const ParseResult* base, const ParseResult* pct, bool up, AnswerText& out) {
  if (const char* e = first_error(base, pct)) return error_line(out, e);
  Value factor, r;
  if (const char* e = up ? vadd(int_value(1), pct->lhs, &factor) : vsub(int_value(1), pct->lhs, &factor))
    return error_line(out, e);
  if (const char* e = vmul(base->lhs, factor, &r)) return error_line(out, e);
  NumText t;
  bool approx;
  if (const char* e = format_value(r, 0, &t, &approx)) return error_line(out, e);
  append_span(q, base, out);
  out.append(up ? " increased by " : " decreased by ");
  append_span(q, pct, out);
  out.append(approx ? " " : " = ").append(t.view());
  return MathOutcome::kComputed;
}

MathOutcome percent_change(const MathQuery& q, const ParseResult* from, const ParseResult* to, AnswerText& out) {
  if (const char* e = first_error(from, to)) return error_line(out, e);
  if (from->lhs.kind == Value::Kind::kExact && is_zero(from->lhs.q))
    return error_line(out, "a percent change from 0 is undefined (division by zero)");
  Value diff, ratio, mag;
  if (const char* e = vsub(to->lhs, from->lhs, &diff)) return error_line(out, e);
  if (const char* e = vdiv(diff, from->lhs, &ratio)) return error_line(out, e);
  bool certain;
  int s = vcompare(ratio, int_value(0), &certain);
  vfunc(Func::kAbs, &ratio, 1, &mag);
  out.append("From ");
  append_span(q, from, out);
  out.append(" to ");
  append_span(q, to, out);
  if (s == 0 && certain) {
    out.append(" is no change (0%)");
    return MathOutcome::kComputed;
  }
  out.append(" is a ");
  if (!append_percent(out, mag)) return error_line(out, "the result can't be computed accurately");
  out.append(s > 0 ? " increase" : " decrease");
  return MathOutcome::kComputed;
}

bool is_percent(const ParseResult* s) { return plain(s) && s->has_percent; }

}  // namespace

bool solve_percentages(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  const ParseResult* s[4] = {};
  auto found = [&](std::string_view pattern) { return q.find_pattern(pattern, s) && plain(s[0]) && (!s[1] || plain(s[1])); };
  // What percent one number is of another.
  struct PartWhole {
    std::string_view pattern;
    bool whole_first;
  };
  static constexpr PartWhole kPartWhole[] = {
      {"$ is what % of $", false}, {"$ is what percentage of $", false},
      {"what % of $ is $", true}, {"what percentage of $ is $", true}, {"what % is $ of $", false},
      {"what percentage is $ of $", false}, {"$ as a % of $", false}, {"$ as a percentage of $", false},
      {"$ as % of $", false}, {"$ out of $ as a %|percentage", false}, {"$ out of $ in %|percentage|percent", false},
      {"$ out of $ is what %|percentage", false}, {"$ of $ as a %|percentage", false},
      {"what %|percentage is $ out of $", false}, {"how many %|percent is $ of $", false},
      {"how many %|percent is $ out of $", false}};
  for (const auto& p : kPartWhole) {
    s[1] = nullptr;
    if (found(p.pattern) && s[1]) {
      *outcome = p.whole_first ? part_of_whole(q, s[1], s[0], out) : part_of_whole(q, s[0], s[1], out);
      return true;
    }
  }
  // The whole from a part: "40 is 25% of what".
  for (std::string_view p : {"$ is $ of what|which", "$ is $ of a|an|the number|value|amount", "$ of what number|value? is $"}) {
    s[1] = nullptr;
    if (!found(p) || !s[1]) continue;
    bool pct_first = p[0] == '$' && p[2] == 'o';  // "$ of what is $": the percentage comes first
    const ParseResult* part = pct_first ? s[1] : s[0];
    const ParseResult* pct = pct_first ? s[0] : s[1];
    if (!is_percent(pct)) continue;
    *outcome = whole_from_part(q, part, pct, out);
    return true;
  }
  // Increase / decrease by a percentage.
  struct Change {
    std::string_view pattern;
    bool up, pct_first;
  };
  static constexpr Change kChanges[] = {
      {"increase $ by $", true, false}, {"$ increased by $", true, false}, {"raise $ by $", true, false},
      {"add $ to $", true, true},       {"decrease $ by $", false, false}, {"$ decreased by $", false, false},
      {"reduce $ by $", false, false},  {"$ reduced by $", false, false},  {"$ off of? $", false, true},
      {"take $ off of? $", false, true}, {"$ discount on $", false, true}, {"$ less $", false, false}};
  for (const auto& c : kChanges) {
    s[1] = nullptr;
    if (!found(c.pattern) || !s[1]) continue;
    const ParseResult* base = c.pct_first ? s[1] : s[0];
    const ParseResult* pct = c.pct_first ? s[0] : s[1];
    if (!is_percent(pct)) continue;
    *outcome = change_by(q, base, pct, c.up, out);
    return true;
  }
  // Percent change from a to b: "percent change from 50 to 60", "from 1200 to 1350, by what percent?"
  bool pct_word = q.has_word("percentage") || q.has_word("percent");
  for (int i = 0; i < q.toks.count && !pct_word; ++i) pct_word = q.toks.is_op(i, kPercent);
  if (pct_word && found("from $ to $") && s[1] && !is_percent(s[0]) && !is_percent(s[1])) {
    *outcome = percent_change(q, s[0], s[1], out);
    return true;
  }
  return false;
}

}  // namespace kimi::math
