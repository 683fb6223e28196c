// Bounded edit distance (see edit_distance.h): the optimal-string-alignment dynamic program restricted to the
// diagonal band |i - j| <= max (cells outside it already exceed the bound), stopped once a row exceeds it.
#include "experts/language/edit_distance.h"

#include <algorithm>

namespace kimi {

int bounded_edit_distance(std::string_view a, std::string_view b, int max) {
  if (max < 0) return 0;
  const int over = max + 1;
  if (a.size() > kMaxEditBytes || b.size() > kMaxEditBytes) return over;
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (la - lb > max || lb - la > max) return over;
  int rows[3][kMaxEditBytes + 1];
  int* before = rows[0];  // row i - 2, for swaps
  int* prev = rows[1];    // row i - 1
  int* cur = rows[2];
  for (int j = 0; j <= lb; ++j) prev[j] = std::min(j, over);
  for (int i = 1; i <= la; ++i) {
    const int lo = std::max(1, i - max), hi = std::min(lb, i + max);
    cur[lo - 1] = lo == 1 ? std::min(i, over) : over;
    int row_min = cur[lo - 1];
    for (int j = lo; j <= hi; ++j) {
      int d = std::min({prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1, over});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (hi < lb) cur[hi + 1] = over;  // the next row reads one cell past this band
    if (row_min > max) return over;
    int* recycled = before;
    before = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[lb], over);
}

}  // namespace kimi
