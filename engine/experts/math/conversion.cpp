// Changing the form of a number: "0.125 as a fraction", "3/8 as a decimal", "1/7 to decimal",
// "0.35 as a percentage", "simplify 84/126", "84/126 in lowest terms".
#include <cmath>

#include "experts/math/number_format.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

enum class Form { kFraction, kDecimal, kPercent, kScientific, kToDegrees, kToRadians, kPlaces, kSigFigs, kNearest };

struct Target {
  std::string_view pattern;
  Form form;
};

constexpr Target kTargets[] = {
    {"$ as|to|in|into a|an? fraction|fractions", Form::kFraction},
    {"$ as|to|in|into a|an? decimal|decimals|decimel", Form::kDecimal},
    {"$ as|to|in|into a|an? mixed number|numbr|fraction", Form::kFraction},
    {"$ as|to|in|into a|an? %|percentage|percent", Form::kPercent},
    {"$ in|to|into lowest|simplest terms|form", Form::kFraction},
    {"convert $ to|into a|an? fraction", Form::kFraction},
    {"simplify|reduce the? fraction? $", Form::kFraction},
    {"write $ as a|an? fraction", Form::kFraction},
    {"$ in|to|into scientific|standard notation|form", Form::kScientific},
    {"$ as|in|to|into scientific notation", Form::kScientific},
    {"$ radians|radian|rad? in|to|into degrees|degree", Form::kToDegrees},
    {"$ degrees|degree|deg in|to|into radians|radian", Form::kToRadians},
    // "round" before the number is read as the round function: its argument is unwrapped below.
    {"$ rounded|correct? to $ decimal|decimals|dp|places|place", Form::kPlaces},
    {"$ rounded|correct? to $ significant|sig|sf", Form::kSigFigs},
    {"$ rounded? to the nearest", Form::kNearest}};

// "to the nearest hundredth": decimal places (negative for tens, hundreds, ...).
bool nearest_places(std::string_view unit, int* places) {
  static constexpr struct { std::string_view word; int places; } kUnits[] = {
      {"tenth", 1}, {"hundredth", 2}, {"thousandth", 3}, {"whole", 0}, {"integer", 0}, {"unit", 0}, {"one", 0},
      {"ten", -1}, {"hundred", -2}, {"thousand", -3}, {"million", -6}};
  for (const auto& u : kUnits)
    if (unit == u.word) {
      *places = u.places;
      return true;
    }
  return false;
}

}  // namespace

bool solve_conversion(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  const ParseResult* s[2] = {};
  const Target* target = nullptr;
  int end = -1;
  for (const auto& t : kTargets) {
    if (!q.could_match(t.pattern)) continue;
    for (int i = 0; i < q.toks.count && !target; ++i) {
      end = q.match_at(i, t.pattern, s);
      if (end >= 0 && s[0]->rel < 0 && s[0]->nvars == 0) target = &t;
    }
    if (target) break;
  }
  if (!target) return false;
  ParseResult unwrapped;
  if (q.toks.is_kind(s[0]->begin, TokKind::kFunc) && static_cast<Func>(q.toks.tok[s[0]->begin].id) == Func::kRound &&
      target->form >= Form::kPlaces) {  // "round 3.14159 to 2 decimal places"
    unwrapped = parse_expression(q.toks, s[0]->begin + 1, s[0]->end, EvalOptions{}, nullptr);
    if (!unwrapped.ok || unwrapped.end != s[0]->end) return false;
    s[0] = &unwrapped;
  } else if (target->form >= Form::kPlaces && !q.has_word("rounded") && !q.has_word("correct") &&
             q.find_word("to") < 0) {
    return false;
  }
  int places = 0;
  if (target->form == Form::kNearest) {  // "... to the nearest tenth": the unit word follows the match
    std::string_view unit = end >= 0 && end < q.toks.count ? q.toks.text_of(end) : std::string_view();
    if (!nearest_places(unit, &places)) return false;
  }
  if (target->form == Form::kPlaces || target->form == Form::kSigFigs) {
    i128 k;
    if (!s[1] || !is_exact_integer(s[1]->lhs, &k) || k < 0 || k > 15) return false;
    places = static_cast<int>(k);
  }
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
    case Form::kScientific: {
      bool approx;
      if (!append_scientific(t, v, &approx)) break;
      out.append(approx ? " ≈ " : " = ").append(t.view());
      return true;
    }
    case Form::kToDegrees: {
      Value deg;
      if (v.kind == Value::Kind::kPi) {  // π/6 -> 30°
        Rational d;
        if (!mul(v.q, from_int(180), &d)) break;
        deg = exact_value(d);
      } else if (vmul(v, int_value(180), &deg) || vdiv(deg, pi_value(Rational{1, 1}), &deg)) {
        break;
      }
      bool approx;
      if (format_value(deg, 0, &t, &approx)) break;
      out.append(" rad").append(approx ? " " : " = ").append(t.view()).append("°");
      return true;
    }
    case Form::kToRadians: {
      Value rad;
      if (vmul(v, pi_value(Rational{1, 180}), &rad)) break;
      bool approx;
      if (format_value(rad, 0, &t, &approx)) break;
      out.append("°").append(approx ? " " : " = ").append(t.view()).append(" rad");
      return true;
    }
    case Form::kPlaces:
    case Form::kSigFigs:
    case Form::kNearest: {
      if (target->form == Form::kSigFigs) {
        double d, ae;
        if (places < 1 || !to_real(v, &d, &ae) || d == 0) break;
        places = places - 1 - static_cast<int>(std::floor(std::log10(std::fabs(d))));
      }
      if (!append_rounded_places(t, v, places)) break;
      NumText what;
      if (target->form == Form::kNearest) {
        out.append(" rounded to the nearest ").append(q.toks.text_of(end));
        if (q.toks.text_of(end) == "whole") out.append(" number");
        out.append(" = ").append(t.view());
      } else {
        append_int(what, s[1] ? s[1]->lhs.q.num : 0);
        out.append(" rounded to ").append(what.view());
        out.append(target->form == Form::kSigFigs ? " significant figures = " : " decimal places = ").append(t.view());
      }
      return true;
    }
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
  out.append(": can't be computed accurately");
  *outcome = MathOutcome::kError;
  return true;
}

}  // namespace kimi::math
