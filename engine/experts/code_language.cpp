// Programming language slot extraction (see code_language.h). Words are matched whole; "go" and "c" alone
// are too common in English, so they count only in phrases like "in go", "go code", "c program".
#include "experts/code_language.h"

#include <array>

namespace kimi {
namespace {

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '#'; }

// Whole-word search: `w` appears in `s` with no word characters on either side.
bool has_word(std::string_view s, std::string_view w) {
  for (std::size_t p = s.find(w); p != std::string_view::npos; p = s.find(w, p + 1)) {
    bool left = p == 0 || !is_word_char(s[p - 1]);
    bool right = p + w.size() == s.size() || !is_word_char(s[p + w.size()]);
    if (left && right) return true;
  }
  return false;
}

bool has_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (has_word(s, w)) return true;
  return false;
}

}  // namespace

CodeLanguage detect_code_language(std::string_view q) {
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
