// Bounded edit distance (see edit_distance.h): the classic two-row dynamic program, stopped early once
// every cell of a row exceeds the bound.
#include "experts/language/edit_distance.h"

#include <algorithm>

namespace kimi {

int bounded_edit_distance(std::string_view a, std::string_view b, int max) {
  if (max < 0) return 0;
  const int over = max + 1;
  if (a.size() > kMaxEditBytes || b.size() > kMaxEditBytes) return over;
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (la - lb > max || lb - la > max) return over;
  int prev[kMaxEditBytes + 1], cur[kMaxEditBytes + 1];
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= lb; ++j) {
      const int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return over;
    std::copy(cur, cur + lb + 1, prev);
  }
  return std::min(prev[lb], over);
}

}  // namespace kimi
