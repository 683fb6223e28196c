// Derivatives and integrals of polynomials: "derivative of x^2 + 3x + 1", "d/dx 4x^3 - x", "second derivative
// of x^4", "integral of 3x^2 + 2", "integrate x from 0 to 2", "area under x^2 between 0 and 3".
#include "experts/math/equation_text.h"
#include "experts/math/sampling.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

enum class Op2 { kNone, kDerivative, kIntegral };

struct Request {
  Op2 op = Op2::kNone;
  int keyword = -1;  // token index
  int order = 1;     // derivative order
};

Request find_request(const MathQuery& q) {
  Request r;
  for (std::string_view w : {"derivative", "derivatives", "differentiate", "differentiation", "differential"}) {
    int i = q.find_word(w);
    if (i >= 0 && (r.keyword < 0 || i < r.keyword)) r = Request{Op2::kDerivative, i, 1};
  }
  for (std::string_view w : {"integral", "integrate", "integration", "antiderivative", "anti-derivative"}) {
    int i = q.find_word(w);
    if (i >= 0 && (r.keyword < 0 || i < r.keyword)) r = Request{Op2::kIntegral, i, 1};
  }
  int area = q.find_phrase("area under");
  if (r.keyword < 0 && area >= 0) r = Request{Op2::kIntegral, area + 1, 1};
  for (std::string_view p : {"slope of the tangent", "gradient of the tangent", "slope of the tangent line",
                             "instantaneous rate of change"}) {
    int i = q.find_phrase(p);
    if (r.keyword < 0 && i >= 0) r = Request{Op2::kDerivative, i + 2, 1};
  }
  if (r.op == Op2::kDerivative && r.keyword > 0) {
    std::string_view prev = q.toks.text_of(r.keyword - 1);
    if (prev == "second" || prev == "2nd") r.order = 2;
    if (prev == "third" || prev == "3rd") r.order = 3;
  }
  return r;
}

// The span right after the word `w` (from token `from` on), or nullptr.
const ParseResult* span_after_word(const MathQuery& q, std::string_view w, int from) {
  for (int i = q.find_word(w, from); i >= 0; i = q.find_word(w, i + 1))
    if (const ParseResult* s = q.span_at(i + 1)) return s;
  return nullptr;
}

void append_power_label(AnswerText& out, int order, char v) {
  std::string_view vs(&v, 1);
  static const char* kSup[] = {"", "", "²", "³"};
  out.append("d").append(kSup[order]).append("/d").append(vs).append(kSup[order]).append(" ");
}

// Parentheses when a + or - sits outside any: "d/dx (x^2 + 1)" but "d/dx x^3", "∫ (2x + 1)^3 dx".
void append_wrapped(AnswerText& out, const Echo& e) {
  std::string_view v = e.view();
  int depth = 0;
  bool wrap = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '(') ++depth;
    else if (v[i] == ')') --depth;
    else if (depth == 0 && i > 0 && v[i - 1] == ' ' && (v[i] == '+' || v[i] == '-')) wrap = true;
  }
  if (wrap) out.append("(");
  out.append(e.view());
  if (e.overflow()) out.append("…");
  if (wrap) out.append(")");
}

}  // namespace

bool solve_calculus(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  Request req = find_request(q);
  if (req.op == Op2::kNone) return false;
  // Bounds "from a to b" / "between a and b", and an evaluation point "at x = 3" / "at 3".
  const ParseResult* lo = span_after_word(q, "from", req.keyword);
  const ParseResult* hi = lo ? span_after_word(q, "to", lo->end) : nullptr;
  if (!lo || !hi) {
    lo = span_after_word(q, "between", req.keyword);
    hi = lo ? span_after_word(q, "and", lo->end) : nullptr;
  }
  if (!hi) lo = nullptr;
  const ParseResult* at = span_after_word(q, "at", req.keyword);
  if (!at) at = span_after_word(q, "when", req.keyword);
  // The function: the first other span after the keyword, else before it.
  // A constant counts only right after the keyword ("derivative of 5"), not "calc 2 ... integration".
  const ParseResult* f = nullptr;
  for (int pass = 0; pass < 2 && !f; ++pass)
    for (int i = 0; i < q.nspans && !f; ++i) {
      const ParseResult* s = &q.spans[i];
      if (s == lo || s == hi || s == at) continue;
      bool adjacent = s->begin == req.keyword + 1 || (s->begin == req.keyword + 2 && q.toks.is_word(req.keyword + 1, "of"));
      bool usable = adjacent || (s->nvars > 0 && (pass == 0 || s->ops > 0));  // before the keyword: not a lone "x"
      if ((pass == 0) == (s->begin > req.keyword) && usable) f = s;
    }
  if (!f) return false;  // "what is a derivative?": the knowledge base explains
  ParseResult body = *f;
  if (f->rel == kEq && f->rel_at == f->begin + 1 && q.toks.is_kind(f->begin, TokKind::kVar))  // "y = x^2"
    body = parse_expression(q.toks, f->rel_at + 1, f->end, EvalOptions{}, nullptr);
  Echo echo;
  render_span(q, body, EvalOptions{}, &echo);
  char v = body.nvars > 0 ? body.vars[0] : 'x';
  *outcome = MathOutcome::kCannotCompute;
  const char* what = req.op == Op2::kDerivative ? "differentiate" : "integrate";
  if (q.has_word("partial")) {
    out.append("I can't take partial derivatives; I differentiate polynomials in one variable. Understood: ");
    out.append(echo.view());
    return true;
  }
  if (body.nvars > 1 || body.extra_vars || body.rel >= 0) {
    out.append("I can only ").append(what).append(" polynomials in one variable; understood: ").append(echo.view());
    return true;
  }
  Sampled sm = sample_span(q.toks, body, v);
  if (sm.status == SampleStatus::kError) {
    out.append("Can't ").append(what).append(" ").append(echo.view()).append(": ").append(sm.error ? sm.error : "error");
    *outcome = MathOutcome::kError;
    return true;
  }
  if (sm.status != SampleStatus::kOk) {
    out.append("I can only ").append(what).append(" polynomials exactly, and this is not one I can handle: ");
    if (req.op == Op2::kDerivative) append_power_label(out, req.order, v);
    else out.append("∫ ");
    append_wrapped(out, echo);
    if (req.op == Op2::kIntegral) out.append(" d").append(std::string_view(&v, 1));
    return true;
  }
  Poly p = sm.lhs;
  PolyText t;
  if (req.op == Op2::kDerivative) {
    for (int k = 0; k < req.order; ++k) poly_derivative(p, &p);
    append_poly(t, p);
    append_power_label(out, req.order, v);
    append_wrapped(out, echo);
    out.append(" = ").append(t.view());
    if (at) {
      Value x = at->rel == kEq ? at->rhs : at->lhs, y;
      NumText n;
      bool approx;
      if (at->nvars <= 1 && !at->eval_error && !poly_eval_value(p, x, &y) && !format_value(y, 0, &n, &approx)) {
        NumText xs;
        format_value(x, 0, &xs, &approx);
        out.append("; at ").append(std::string_view(&v, 1)).append(" = ").append(xs.view()).append(" it is ");
        out.append(n.view());
      }
    }
    *outcome = MathOutcome::kComputed;
    return true;
  }
  Poly anti;
  if (!poly_integral(p, &anti)) {
    out.append("The degree is too high for exact integration here: ∫ ");
    append_wrapped(out, echo);
    return true;
  }
  append_poly(t, anti);
  out.append("∫ ");
  append_wrapped(out, echo);
  out.append(" d").append(std::string_view(&v, 1));
  if (!lo) {
    out.append(" = ").append(t.view()).append(anti.deg >= 0 ? " + C" : "C");
    *outcome = MathOutcome::kComputed;
    return true;
  }
  Echo a, b;
  render_span(q, *lo, EvalOptions{}, &a);
  render_span(q, *hi, EvalOptions{}, &b);
  out.append(" from ").append(a.view()).append(" to ").append(b.view());
  Value fa, fb, diff;
  const char* err = lo->nvars || hi->nvars ? "the limits must be numbers" : (lo->eval_error ? lo->eval_error : hi->eval_error);
  if (!err) err = poly_eval_value(anti, lo->lhs, &fa);
  if (!err) err = poly_eval_value(anti, hi->lhs, &fb);
  if (!err) err = vsub(fb, fa, &diff);
  NumText n;
  bool approx = false;
  if (!err) err = format_value(diff, 0, &n, &approx);
  if (err) {
    out.append(": can't compute, ").append(err);
    *outcome = MathOutcome::kError;
    return true;
  }
  out.append(approx ? " " : " = ").append(n.view()).append("  (antiderivative ").append(t.view()).append(")");
  *outcome = MathOutcome::kComputed;
  return true;
}

}  // namespace kimi::math
