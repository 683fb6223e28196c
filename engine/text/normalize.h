// Query normalization: UTF-8 validation, lowercasing, whitespace folding and the 4096-byte cap.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kimi {

inline constexpr std::size_t kMaxNormalizedBytes = 4096;

struct NormalizeStats {
  bool truncated = false;     // input longer than kMaxNormalizedBytes after folding
  bool invalid_utf8 = false;  // at least one invalid sequence was replaced by U+FFFD
  uint32_t uppercase = 0;     // letters that were uppercase before lowercasing
  uint32_t letters = 0;       // letters seen (ASCII and the folded non-ASCII ranges)
};

// Writes the normalized form of `input` into `out` (capacity >= kMaxNormalizedBytes) and returns its length.
// Never reads past `input`, never writes past kMaxNormalizedBytes, never allocates. Output is valid UTF-8:
// lowercase, control characters and Unicode spaces folded to one ASCII space, no leading/trailing space.
std::size_t normalize(std::string_view input, char* out, NormalizeStats* stats);

// Decodes one UTF-8 code point starting at s[i] (i < n). Returns the number of bytes consumed (>= 1) and sets
// *cp; an invalid or truncated sequence consumes 1 byte and yields *cp = 0xFFFD with *valid = false.
std::size_t decode_utf8(const unsigned char* s, std::size_t n, std::size_t i, uint32_t* cp, bool* valid);

// Encodes cp (<= 0x10FFFF, not a surrogate) into out; returns the byte count (1-4).
std::size_t encode_utf8(uint32_t cp, char* out);

}  // namespace kimi
