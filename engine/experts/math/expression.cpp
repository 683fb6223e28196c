// Plain calculations ("what is 17 × 23?", "sqrt(2)", "15% of 80"): the strongest expression in the query,
// computed exactly, with notes where the reading was ambiguous (degrees, "a ÷ b/c", "50 + 10%").
#include <cmath>

#include "experts/math/number_format.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

bool same_value(const Value& a, const Value& b) {
  bool certain;
  return vcompare(a, b, &certain) == 0 && certain;
}

// The first "b/c" written tight after ÷, / or ^ in the span (the part whose reading is ambiguous).
std::string_view ambiguous_fraction_text(const MathQuery& q, const ParseResult& s) {
  const TokenList& t = q.toks;
  for (int i = s.begin; i + 3 < s.end + 1 && i + 3 <= t.count; ++i) {
    bool after = t.is_op(i, kSlash) || t.is_op(i, kDivSign) || t.is_op(i, kCaret);
    if (after && t.is_kind(i + 1, TokKind::kNum) && t.is_op(i + 2, kSlash) && t.is_kind(i + 3, TokKind::kNum) &&
        t.tight(i + 2) && t.tight(i + 3))
      return q.text_of(i + 1, i + 4);
  }
  return {};
}

// √200 = 10√2: for the square root of a whole number, the square factor taken out.
bool surd_form(const MathQuery& q, const ParseResult& s, NumText* out) {
  const TokenList& t = q.toks;
  int i = s.begin;
  if (!t.is_kind(i, TokKind::kFunc) || static_cast<Func>(t.tok[i].id) != Func::kSqrt) return false;
  ++i;
  if (t.is_word(i, "of")) ++i;
  bool paren = t.is_op(i, kLParen);
  if (paren) ++i;
  if (!t.is_kind(i, TokKind::kNum)) return false;
  int num = i++;
  if (paren && !t.is_op(i++, kRParen)) return false;
  Value v;
  i128 n, sq, rest;
  if (i != s.end || number_value(t.text_of(num), &v) || !is_exact_integer(v, &n) || n < 2) return false;
  split_square(n, &sq, &rest);
  if (sq == 1 || rest == 1) return false;
  append_int(*out, sq);
  out->append("√");
  append_int(*out, rest);
  return true;
}

// One line for one span. Returns false when it could not be computed (an error line was written).
bool expression_line(const MathQuery& q, const ParseResult& s, AnswerText& out) {
  EvalOptions opt;
  Echo echo;
  ParseResult r = render_span(q, s, opt, &echo);
  if (r.eval_error) {
    out.append("Can't compute ");
    append_echo(out, echo);
    out.append(": ").append(r.eval_error).append(".");
    return false;
  }
  unsigned flags = (r.has_division ? kPreferFraction : 0u) | (r.has_mixed ? kShowMixed : 0u);
  NumText surd;
  if (r.lhs.kind == Value::Kind::kReal && surd_form(q, s, &surd)) {  // "√200 = 10√2 ≈ 14.14213562"
    Echo with_surd;
    with_surd.append(echo.view());
    with_surd.append(" = ");
    with_surd.append(surd.view());
    return append_result_line(out, with_surd, r.lhs, flags);
  }
  if (!append_result_line(out, echo, r.lhs, flags)) return false;
  if (r.inverse_trig && r.lhs.kind == Value::Kind::kPi) {  // asin(1/2) = π/6 (= 30°)
    Rational deg;
    if (mul(r.lhs.q, from_int(180), &deg)) {
      NumText t;
      bool approx;
      format_value(exact_value(deg), 0, &t, &approx);
      out.append(" (= ").append(t.view()).append("°)");
    }
  }
  if (r.ambiguous_fraction) {
    EvalOptions alt;
    alt.fraction_literals = true;
    Echo alt_echo;
    ParseResult a = render_span(q, s, alt, &alt_echo);
    NumText t;
    bool approx;
    if (a.ok && !a.eval_error && !same_value(a.lhs, r.lhs) && !format_value(a.lhs, flags, &t, &approx)) {
      out.append("\n(That follows strict left-to-right order. If ").append(ambiguous_fraction_text(q, s));
      out.append(" is meant as one fraction, the answer is ").append(t.view()).append(".)");
    }
  }
  if (r.ambiguous_implicit) {
    EvalOptions alt;
    alt.implicit_first = true;
    Echo alt_echo;
    ParseResult a = render_span(q, s, alt, &alt_echo);
    NumText t;
    bool approx;
    if (a.ok && !a.eval_error && !same_value(a.lhs, r.lhs) && !format_value(a.lhs, flags, &t, &approx)) {
      out.append("\n(That follows strict left-to-right order. If the implied multiplication is done first, ");
      out.append("as some textbooks do, the answer is ").append(t.view()).append(".)");
    }
  }
  if (r.trig_plain_number) {
    EvalOptions alt;
    alt.trig_degrees = true;
    Echo alt_echo;
    ParseResult a = render_span(q, s, alt, &alt_echo);
    if (a.ok && !a.eval_error && !same_value(a.lhs, r.lhs)) {
      AnswerText line;
      if (append_result_line(line, alt_echo, a.lhs, flags)) out.append("\nIn degrees: ").append(line.view());
    }
  }
  if (r.percent_added) out.append("\n(A percentage added to a number is taken of that number, as calculators do.)");
  return true;
}

}  // namespace

ParseResult render_span(const MathQuery& q, const ParseResult& span, const EvalOptions& opt, Echo* echo) {
  return parse_expression(q.toks, span.begin, span.end, opt, echo);
}

void append_echo(AnswerText& out, const Echo& echo) {
  out.append(echo.view());
  if (echo.overflow()) out.append("…");
}

bool append_result_line(AnswerText& out, const Echo& echo, const Value& v, unsigned format_flags) {
  NumText t;
  bool approx = false;
  if (const char* err = format_value(v, format_flags, &t, &approx)) {
    out.append("Can't compute ");
    append_echo(out, echo);
    out.append(": ").append(err).append(".");
    return false;
  }
  std::string_view e = echo.view(), shown = t.view();
  if (!echo.overflow() && shown.size() > e.size() && shown.substr(0, e.size()) == e && shown[e.size()] == ' ') {
    out.append(shown);  // "1/3 ≈ 0.3333333333" rather than "1/3 = 1/3 ≈ ..."
    return true;
  }
  append_echo(out, echo);
  out.append(approx ? " " : " = ").append(shown);
  return true;
}

bool solve_verbs(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  // "divide 1,260 by 35", "multiply 245 by 36", "subtract 687.95 from 1523.40", "product of 6 and 7"
  enum class Op2 { kAdd, kSub, kMul, kDiv };
  struct Verb {
    std::string_view pattern;
    Op2 op;
    bool swap;  // "subtract a from b" is b - a
  };
  static constexpr Verb kVerbs[] = {
      {"divide $ by|into $", Op2::kDiv, false},   {"multiply $ by|and|with $", Op2::kMul, false},
      {"add $ to $", Op2::kAdd, true},            {"add $ and|plus $", Op2::kAdd, false},
      {"subtract $ from $", Op2::kSub, true},
      {"take $ from|away from $", Op2::kSub, true}, {"product of $ and $", Op2::kMul, false},
      {"quotient of $ and $", Op2::kDiv, false},  {"difference between|of $ and $", Op2::kSub, false}};
  const ParseResult* s[2] = {};
  for (const auto& v : kVerbs) {
    s[1] = nullptr;
    if (!q.find_pattern(v.pattern, s) || !s[1]) continue;
    const ParseResult* a = v.swap ? s[1] : s[0];
    const ParseResult* b = v.swap ? s[0] : s[1];
    if (a->rel >= 0 || b->rel >= 0 || a->nvars || b->nvars || a->has_percent || b->has_percent) continue;
    Echo ea, eb, line;
    render_span(q, *a, EvalOptions{}, &ea);
    render_span(q, *b, EvalOptions{}, &eb);
    static constexpr std::string_view kSymbol[] = {" + ", " - ", " × ", " ÷ "};
    auto wrap = [&line](const Echo& e, bool needed) {
      if (needed) line.append("(");
      line.append(e.view());
      if (needed) line.append(")");
    };
    wrap(ea, a->ops > 0 && v.op != Op2::kAdd);
    line.append(kSymbol[static_cast<int>(v.op)]);
    wrap(eb, b->ops > 0 && v.op != Op2::kAdd);
    Value r;
    const char* err = a->eval_error ? a->eval_error : b->eval_error;
    if (!err) {
      switch (v.op) {
        case Op2::kAdd: err = vadd(a->lhs, b->lhs, &r); break;
        case Op2::kSub: err = vsub(a->lhs, b->lhs, &r); break;
        case Op2::kMul: err = vmul(a->lhs, b->lhs, &r); break;
        case Op2::kDiv: err = vdiv(a->lhs, b->lhs, &r); break;
      }
    }
    if (err) {
      out.append("Can't compute ").append(line.view()).append(": ").append(err).append(".");
      *outcome = MathOutcome::kError;
      return true;
    }
    unsigned flags = (v.op == Op2::kDiv || a->simple_fraction || b->simple_fraction) ? kPreferFraction : 0u;
    if (a->has_mixed || b->has_mixed) flags |= kShowMixed;
    *outcome = append_result_line(out, line, r, flags) ? MathOutcome::kComputed : MathOutcome::kError;
    return true;
  }
  return false;
}

bool solve_expression(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  int chosen[3], n = 0;
  for (int i = 0; i < q.nspans && n < 3; ++i) {
    const ParseResult& s = q.spans[i];
    if (s.rel >= 0 || s.nvars > 0 || s.extra_vars) continue;
    bool pure = q.pure_except(s.begin, s.end);
    // "a 3x3 matrix": a tight "x" between two numbers in prose is a size, not a product.
    bool size_like = s.ops == 1 && s.end - s.begin == 3 && q.toks.is_op(s.begin + 1, kTimes) &&
                     q.toks.text_of(s.begin + 1) == "x" && q.toks.tight(s.begin + 1) && q.toks.tight(s.begin + 2);
    bool strong = span_strength(s) >= 1 && !(size_like && !pure);
    bool weak_ok = (s.ops > 0 || s.has_const) && pure;  // "pi", "3/4", "5%"
    if (strong || weak_ok) chosen[n++] = i;
  }
  if (n == 0) return false;
  int failures = 0;
  for (int k = 0; k < n; ++k) {
    if (k > 0) out.append("\n");
    if (!expression_line(q, q.spans[chosen[k]], out)) ++failures;
  }
  *outcome = failures == n ? MathOutcome::kError : MathOutcome::kComputed;
  return true;
}

}  // namespace kimi::math
