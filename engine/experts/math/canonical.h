// Rewrites a normalized query into the small expression language the maths tokenizer reads: maths symbols
// to ASCII operators (× → *, √ → sqrt, x² → x^2), number words to digits ("twenty-three" → 23) and operator
// phrases to symbols ("divided by" → /, "to the power of" → ^).
#pragma once
#include <cstddef>
#include <string_view>

namespace kimi::math {

// Room for the worst expansion of a 4096-byte query; output stops cleanly at a word when it is full.
inline constexpr std::size_t kCanonCapacity = 12288;

// Writes the canonical text into out[0..capacity) and returns its length. Never allocates.
std::size_t canonicalize(std::string_view query, char* out, std::size_t capacity);

}  // namespace kimi::math
