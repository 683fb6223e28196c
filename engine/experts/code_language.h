// Which programming language a coding query asks about: slot extraction from the normalized text
// ("in rust", "golang", "c++", "a java method"), so the coding expert can show that language's snippet.
#pragma once
#include <string_view>

namespace kimi {

struct CodeLanguage {
  std::string_view key;   // snippet key in coding.json: "python", "javascript", "c", "cpp", "java", "go", "rust"
  std::string_view name;  // display name: "Python", "C++", ...
  std::string_view note;  // said when the query named a close relative (TypeScript -> JavaScript), else empty
};

// The language named in the query, or an empty key when none is named.
CodeLanguage detect_code_language(std::string_view normalized_query);

}  // namespace kimi
