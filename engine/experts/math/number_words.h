// Spelled-out numbers in queries: "seventeen", "twenty-three", "one hundred and five", "three point one four".
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kimi::math {

// Reads a number written in words at s[pos] (a word start). On success returns the bytes consumed (> 0),
// writing the value's integer part to *whole and up to 18 decimal digits (from "point ...") to frac/frac_len.
std::size_t read_number_words(std::string_view s, std::size_t pos, int64_t* whole, char* frac, int* frac_len);

}  // namespace kimi::math
