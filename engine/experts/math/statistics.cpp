// Statistics of a list: mean, median, mode, range, variance and standard deviation (population and sample),
// sum, minimum and maximum, all exact where the answer is rational.
#include <utility>

#include "experts/math/number_format.h"
#include "experts/math/number_list.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

enum Measure : unsigned {
  kMean = 1, kMedian = 2, kMode = 4, kRange = 8, kVariance = 16, kStdDev = 32, kSum = 64, kMin = 128, kMax = 256,
  kSort = 512, kCompare = 1024
};

struct Word {
  std::string_view text;
  unsigned m;
};

constexpr Word kWords[] = {
      {"mean", kMean}, {"average", kMean}, {"avg", kMean}, {"median", kMedian}, {"mode", kMode}, {"modes", kMode},
      {"range", kRange}, {"variance", kVariance}, {"stdev", kStdDev}, {"stddev", kStdDev}, {"std", kStdDev},
      {"sd", kStdDev}, {"σ", kStdDev}, {"sum", kSum}, {"total", kSum}, {"minimum", kMin}, {"smallest", kMin},
      {"maximum", kMax}, {"largest", kMax}, {"statistics", kMean | kMedian | kMode | kStdDev},
      {"stats", kMean | kMedian | kMode | kStdDev}, {"summary", kMean | kMedian | kMode | kStdDev},
      {"standard deviation", kStdDev}, {"order", kSort}, {"sort", kSort}, {"sorted", kSort},
      {"ascending", kSort}, {"descending", kSort}, {"arrange", kSort}, {"increasing", kSort},
      {"decreasing", kSort}, {"smallest to largest", kSort}, {"least to greatest", kSort},
      {"largest to smallest", kSort}, {"greatest to least", kSort}, {"lowest to highest", kSort},
      {"highest to lowest", kSort}, {"standard deviaton", kStdDev}, {"add", kSum}, {"bigger", kCompare},
      {"larger", kCompare}, {"greater", kCompare}, {"smaller", kCompare}, {"compare", kCompare}, {"more", kCompare},
      {"less", kCompare}};

// The measures asked for by words near the list [first, last): "mean of 2, 4, 6" or "2, 4, 6: what's the
// mean?", but not "scores 78, 85, 92 ... what do I need to average 87" (a word problem).
unsigned requested(const MathQuery& q, int first, int last) {
  unsigned m = 0;
  for (const auto& w : kWords)
    for (int k = q.find_phrase(w.text); k >= 0; k = q.find_phrase(w.text, k + 1)) {
      bool before = k < first && first - k <= 5;
      bool after = k >= last && k - last <= 6 && !(k + 1 < q.toks.count && q.toks.is_kind(k + 1, TokKind::kNum));
      if (before || after || w.m == kSort) m |= w.m;  // "put these in order ...: 2/3, 5/9" may be far
    }
  return m;
}

bool any_measure_word(const MathQuery& q) {
  for (const auto& w : kWords)
    if (q.find_phrase(w.text) >= 0) return true;
  return false;
}

struct Line {
  const MathQuery& q;
  AnswerText& out;
  bool first = true;
  const NumberList& list;
  void start(std::string_view name) {
    if (!first) out.append("\n");
    out.append(name);
    if (first && list.n <= 12) {
      out.append(" of ");
      append_list(q, out, list, 12);
    }
    first = false;
  }
};

void append_value(AnswerText& out, const Value& v) {
  NumText t;
  bool approx;
  if (format_value(v, 0, &t, &approx)) out.append("(too large to compute)");
  else out.append(approx ? " " : " = ").append(t.view());
}

}  // namespace

bool solve_statistics(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  if (!any_measure_word(q)) return false;
  NumberList list;
  if (!longest_number_list(q, 0, &list) || list.n < 2) return false;
  unsigned want = requested(q, q.spans[list.first].begin, q.spans[list.last].end);
  if (!want) return false;
  if (want == kSum && list.n == 2) return false;  // "add 3 and 5" reads better as 3 + 5
  if (want & kSort) want &= ~(kMin | kMax | kCompare);  // "smallest to largest" asks for an order
  if (want & kCompare) {  // "which is bigger, 5/8 or 3/5?": two numbers compared, more are put in order
    want &= ~(kMin | kMax);
    if (list.n > 2) want |= kSort;
  }
  if (list.inexact) {
    out.append("These numbers are too large for exact statistics.");
    *outcome = MathOutcome::kError;
    return true;
  }
  int n = list.n;
  Value sum = int_value(0), mean, t;
  for (int i = 0; i < n; ++i) vadd(sum, exact_value(list.v[i]), &sum);
  vdiv(sum, int_value(n), &mean);
  int order[kMaxSpans];  // entry indices by value, so entries can be shown as written
  for (int i = 0; i < n; ++i) order[i] = i;
  for (int i = 1; i < n; ++i)  // insertion sort: stable, and std::stable_sort would allocate a buffer
    for (int j = i; j > 0 && compare(list.v[order[j]], list.v[order[j - 1]]) < 0; --j) std::swap(order[j], order[j - 1]);
  Rational sorted[kMaxSpans];
  for (int i = 0; i < n; ++i) sorted[i] = list.v[order[i]];
  Line line{q, out, true, list};
  NumText a, b;
  bool approx;
  if (want & kSort) {
    bool down = q.has_word("descending") || q.has_word("decreasing") || q.find_phrase("largest to smallest") >= 0 ||
                q.find_phrase("greatest to least") >= 0 || q.find_phrase("biggest to smallest") >= 0 ||
                q.find_phrase("highest to lowest") >= 0;
    out.append("In order: ");
    line.first = false;
    for (int k = 0; k < n && k < 40; ++k) {
      if (k > 0) out.append(down ? " > " : " < ");
      append_entry(q, out, list, order[down ? n - 1 - k : k]);
    }
    if (n > 40) out.append(" …");
  }
  if ((want & kCompare) && !(want & kSort) && n == 2) {
    int c = compare(list.v[0], list.v[1]);
    append_entry(q, out, list, 0);
    out.append(c < 0 ? " < " : (c > 0 ? " > " : " = "));
    append_entry(q, out, list, 1);
    Value d0 = exact_value(list.v[0]), d1 = exact_value(list.v[1]);
    NumText x0, x1;
    bool fractions = !list.split && (q.spans[list.first].simple_fraction || q.spans[list.first + 1].simple_fraction);
    if (fractions && append_decimal(x0, d0) && append_decimal(x1, d1))
      out.append("  (").append(x0.view()).append(c < 0 ? " < " : (c > 0 ? " > " : " = ")).append(x1.view()).append(")");
    line.first = false;
  }
  if (want & kMean) {
    line.start("Mean");
    append_value(out, mean);
    format_value(sum, 0, &a, &approx);
    out.append("  (sum ").append(a.view()).append(" ÷ ");
    a.clear();
    append_int(a, n);
    out.append(a.view()).append(" values)");
  }
  if (want & kMedian) {
    Value med = exact_value(sorted[n / 2]);
    if (n % 2 == 0) {
      vadd(exact_value(sorted[n / 2 - 1]), exact_value(sorted[n / 2]), &t);
      vdiv(t, int_value(2), &med);
    }
    line.start("Median");
    append_value(out, med);
    out.append(n % 2 ? "  (the middle value when sorted)" : "  (the average of the two middle values when sorted)");
  }
  if (want & kMode) {
    int best = 0;
    for (int i = 0; i < n;) {
      int j = i;
      while (j < n && compare(sorted[j], sorted[i]) == 0) ++j;
      if (j - i > best) best = j - i;
      i = j;
    }
    int shown = 0, count = 0;
    for (int i = 0; i < n;) {
      int j = i;
      while (j < n && compare(sorted[j], sorted[i]) == 0) ++j;
      if (j - i == best) ++count;
      i = j;
    }
    line.start(count > 1 && best > 1 ? "Modes" : "Mode");
    if (best == 1) {
      out.append(": none (every value appears once)");
    } else {
      out.append(" = ");
      for (int i = 0; i < n;) {
        int j = i;
        while (j < n && compare(sorted[j], sorted[i]) == 0) ++j;
        if (j - i == best && shown < 8) {
          if (shown > 0) out.append(shown + 1 == count ? " and " : ", ");
          NumText v;
          format_value(exact_value(sorted[i]), 0, &v, &approx);
          out.append(v.view());
          ++shown;
        }
        i = j;
      }
      a.clear();
      append_int(a, best);
      out.append(count > 1 ? "  (each appears " : "  (appears ").append(a.view()).append(" times)");
    }
  }
  if (want & kRange) {
    Value r;
    vsub(exact_value(sorted[n - 1]), exact_value(sorted[0]), &r);
    line.start("Range");
    a.clear();
    b.clear();
    format_value(exact_value(sorted[n - 1]), 0, &a, &approx);
    format_value(exact_value(sorted[0]), 0, &b, &approx);
    out.append(" = ").append(a.view()).append(" - ").append(b.view());
    append_value(out, r);
  }
  if (want & (kVariance | kStdDev)) {
    Value ss = int_value(0), d, sq, pop, samp, pop_sd, samp_sd;
    for (int i = 0; i < n; ++i) {
      vsub(exact_value(list.v[i]), mean, &d);
      vmul(d, d, &sq);
      vadd(ss, sq, &ss);
    }
    vdiv(ss, int_value(n), &pop);
    vdiv(ss, int_value(n - 1), &samp);
    if (want & kVariance) {
      line.start("Variance");
      out.append(": population σ²");
      append_value(out, pop);
      out.append(", sample s²");
      append_value(out, samp);
    }
    if (want & kStdDev) {
      vfunc(Func::kSqrt, &pop, 1, &pop_sd);
      vfunc(Func::kSqrt, &samp, 1, &samp_sd);
      line.start("Standard deviation");
      out.append(": population σ");
      append_value(out, pop_sd);
      out.append(", sample s");
      append_value(out, samp_sd);
      a.clear();
      format_value(mean, 0, &a, &approx);
      b.clear();
      append_int(b, n);
      out.append("  (n = ").append(b.view()).append(approx ? ", mean " : ", mean = ").append(a.view()).append(")");
    }
  }
  if (want & kSum) {
    line.start("Sum");
    append_value(out, sum);
  }
  if (want & kMin) {
    line.start("Minimum");
    append_value(out, exact_value(sorted[0]));
  }
  if (want & kMax) {
    line.start("Maximum");
    append_value(out, exact_value(sorted[n - 1]));
  }
  if (n > 12) {
    a.clear();
    append_int(a, n);
    out.append("\n(").append(a.view()).append(" values: ");
    append_list(q, out, list, 8);
    out.append(")");
  }
  *outcome = MathOutcome::kComputed;
  return true;
}

}  // namespace kimi::math
