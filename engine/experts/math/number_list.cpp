// Number lists (see number_list.h).
#include "experts/math/number_list.h"

#include "experts/math/number_format.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

bool is_entry(const ParseResult& s) {
  return s.rel < 0 && s.nvars == 0 && !s.extra_vars && !s.eval_error && s.lhs.kind != Value::Kind::kUnknown &&
         (s.ops == 0 || s.simple_fraction);  // "2", "-3", "1/2": not "2 + 3"
}

bool separators_only(const MathQuery& q, int from, int to) {
  for (int i = from; i < to; ++i) {
    std::string_view t = q.toks.text_of(i);
    if (!(t == "," || t == ";" || t == "and" || t == "&" || t == "or" || t == "vs" || t == "versus")) return false;
  }
  return to - from <= 2;
}

}  // namespace

bool longest_number_list(const MathQuery& q, int from, NumberList* out) {
  int best_first = -1, best_len = 0;
  for (int i = 0; i < q.nspans; ++i) {
    if (q.spans[i].begin < from || !is_entry(q.spans[i])) continue;
    int j = i;
    while (j + 1 < q.nspans && is_entry(q.spans[j + 1]) && separators_only(q, q.spans[j].end, q.spans[j + 1].begin)) ++j;
    if (j - i + 1 > best_len) {
      best_len = j - i + 1;
      best_first = i;
    }
    i = j;
  }
  out->n = 0;
  out->inexact = false;
  out->split = false;
  if (best_first < 0) return false;
  out->first = best_first;
  out->last = best_first + best_len - 1;
  for (int k = out->first; k <= out->last; ++k) {
    const Value& v = q.spans[k].lhs;
    if (v.kind != Value::Kind::kExact) out->inexact = true;
    out->v[out->n++] = v.q;
  }
  // "100,200,300" was read as one number with thousands separators; a lone entry like that is a list.
  const ParseResult& only = q.spans[out->first];
  std::string_view text = q.toks.text_of(only.begin);
  if (best_len == 1 && only.end - only.begin == 1 && text.find(',') != std::string_view::npos) {
    out->n = 0;
    out->split = true;
    i128 cur = 0;
    for (std::size_t k = 0; k <= text.size() && out->n < kMaxSpans; ++k) {
      if (k == text.size() || text[k] == ',') {
        out->v[out->n++] = from_int(cur);
        cur = 0;
      } else if (text[k] >= '0' && text[k] <= '9') {
        cur = cur * 10 + (text[k] - '0');
      } else {
        return true;  // a decimal point: keep the single value
      }
    }
  }
  return true;
}

void append_entry(const MathQuery& q, AnswerText& out, const NumberList& list, int i) {
  if (!list.split) {
    Echo e;
    render_span(q, q.spans[list.first + i], EvalOptions{}, &e);
    out.append(e.view());
    return;
  }
  NumText t;
  if (!append_exact_decimal(t, list.v[i], 12)) append_fraction(t, list.v[i]);
  out.append(t.view());
}

void append_list(const MathQuery& q, AnswerText& out, const NumberList& list, int max_shown) {
  for (int i = 0; i < list.n && i < max_shown; ++i) {
    if (i > 0) out.append(", ");
    append_entry(q, out, list, i);
  }
  if (list.n > max_shown) out.append(", …");
}

}  // namespace kimi::math
