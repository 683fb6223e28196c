// Lists of numbers in a query ("2, 4, 4, 5, 7, 8", "3 and 5", "12 18 24", "1/2, 3/4") for statistics, gcd
// and lcm: the longest run of plain numeric spans separated by commas, "and" or spaces.
#pragma once
#include "experts/math/query.h"

namespace kimi::math {

struct NumberList {
  Rational v[kMaxSpans];
  int n = 0;
  int first = -1, last = -1;  // span indices of the run
  bool inexact = false;       // some entry is too large for exact arithmetic
  bool split = false;         // entries came from splitting "100,200,300", not from spans
};

// Longest list among spans starting at or after token `from`. False when there is no number at all.
bool longest_number_list(const MathQuery& q, int from, NumberList* out);

// "2, 4, 4, 5" (up to `max_shown` entries, then "…"), each as written ("2.50", "3/4").
void append_list(const MathQuery& q, AnswerText& out, const NumberList& list, int max_shown);
// Entry i as written.
void append_entry(const MathQuery& q, AnswerText& out, const NumberList& list, int i);

}  // namespace kimi::math
