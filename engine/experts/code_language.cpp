// Programming language slot extraction (see code_language.h). Words are matched whole; "go" and "c" alone
// are too common in English, so they count only in phrases like "in go", "go code", "c program".
#include "experts/code_language.h"

#include <array>
#include <cstdint>

namespace kimi {
namespace {

constexpr bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '#'; }

constexpr std::array<bool, 256> make_word_bytes() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = is_word_char(static_cast<char>(c));
  return t;
}
constexpr std::array<bool, 256> kWordByte = make_word_bytes();

// Where words start in the query, grouped by their first byte's low five bits, so a needle (which starts with
// a letter and must have no word character before it) is compared only at the word starts where it could be.
// Counting sort: 32 buckets, positions in order within each.
class WordStarts {
 public:
  explicit WordStarts(std::string_view s) : s_(s) {
    // One branch-free pass finds the starts (a word byte after a non-word byte), then a counting sort.
    uint16_t starts[kMaxPositions / 2 + 1];
    std::size_t n = 0;
    bool prev = false;
    const std::size_t len = s.size() < kMaxPositions ? s.size() : kMaxPositions;
    for (std::size_t p = 0; p < len; ++p) {
      const bool word = kWordByte[static_cast<unsigned char>(s[p])];
      starts[n] = static_cast<uint16_t>(p);
      n += word && !prev;
      prev = word;
    }
    uint16_t count[33] = {};
    for (std::size_t k = 0; k < n; ++k) ++count[bucket(s[starts[k]]) + 1];
    for (int b = 0; b < 32; ++b) count[b + 1] = static_cast<uint16_t>(count[b + 1] + count[b]);
    for (int b = 0; b <= 32; ++b) begin_[b] = count[b];
    for (std::size_t k = 0; k < n; ++k) pos_[count[bucket(s[starts[k]])]++] = starts[k];
  }

  // Whole-word search: `w` appears in the query with no word characters on either side.
  bool has_word(std::string_view w) const {
    const int b = bucket(w[0]);
    for (uint16_t k = begin_[b]; k < begin_[b + 1]; ++k) {
      const std::size_t p = pos_[k];
      if (s_.substr(p, w.size()) != w) continue;
      if (p + w.size() == s_.size() || !is_word_char(s_[p + w.size()])) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kMaxPositions = 4096;  // a normalized query's length
  static int bucket(char c) { return static_cast<unsigned char>(c) & 31; }

  std::string_view s_;
  uint16_t begin_[33];
  uint16_t pos_[kMaxPositions / 2 + 1];  // word starts are at least two bytes apart
};

bool has_any(const WordStarts& s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.has_word(w)) return true;
  return false;
}

}  // namespace

CodeLanguage detect_code_language(std::string_view query) {
  const WordStarts q(query);
  if (has_any(q, {"c++", "cpp", "cplusplus", "c++17", "c++20", "c++11", "std::vector", "std::string", "g++"}))
    return {"cpp", "C++", ""};
  if (has_any(q, {"typescript", "ts", "tsx"})) return {"javascript", "JavaScript", "TypeScript runs this JavaScript as is; add type annotations as you like."};
  if (has_any(q, {"javascript", "js", "node", "nodejs", "node.js", "ecmascript", "jsx", "react", "npm"}))
    return {"javascript", "JavaScript", ""};
  if (has_any(q, {"python", "python3", "py", "pyhton", "pandas", "django", "flask"})) return {"python", "Python", ""};
  if (has_any(q, {"rust", "rustc", "cargo", "rustlang"})) return {"rust", "Rust", ""};
  if (has_any(q, {"golang"}) || has_any(q, {"in go", "go code", "go program", "go function", "go lang", "go's", "with go", "using go"}))
    return {"go", "Go", ""};
  if (has_any(q, {"java", "jvm", "javac", "spring"})) return {"java", "Java", ""};
  if (has_any(q, {"in c", "c code", "c program", "c function", "ansi c", "c11", "c99", "gcc", "malloc", "printf", "c language", "plain c"}))
    return {"c", "C", ""};
  return {};
}

}  // namespace kimi
