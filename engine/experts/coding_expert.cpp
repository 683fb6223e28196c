// Coding expert answers (see coding_expert.h).
#include "experts/coding_expert.h"

#include "experts/code_language.h"

namespace kimi {

std::string_view coding_answer(const Intent& intent, std::string_view query, AnswerBuffer& out) {
  const CodeLanguage lang = detect_code_language(query);
  const std::string* code = lang.key.empty() ? nullptr : intent.snippet(lang.key);
  if (!code) return intent.answer;
  // A language-neutral one-line explanation, then the code in the language asked for.
  out.clear();
  if (!intent.summary.empty()) out.append(intent.summary).append("\n\n");
  out.append(lang.name).append(" (").append(intent.title).append("):\n");
  std::string_view rest = *code;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    if (!line.empty()) out.append("    ").append(line);
    out.append("\n");
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  if (!lang.note.empty()) out.append(lang.note).append("\n");
  std::string_view v = out.view();
  while (!v.empty() && v.back() == '\n') v.remove_suffix(1);
  return v;
}

}  // namespace kimi
