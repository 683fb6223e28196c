// Bounded edit distance for "did you mean" suggestions: fixed stack rows, no allocation.
#pragma once
#include <cstddef>
#include <string_view>

namespace kimi {

inline constexpr std::size_t kMaxEditBytes = 64;

// Byte-wise edit distance between a and b when it is <= max, otherwise max + 1. Edits are insert, delete,
// substitute and swapping two adjacent bytes ("gracais" -> "gracias" is 1), each counted once (optimal
// string alignment). Texts longer than kMaxEditBytes count as farther than max.
int bounded_edit_distance(std::string_view a, std::string_view b, int max);

}  // namespace kimi
