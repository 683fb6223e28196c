// A domain's knowledge base: one entry per intent, read from models/knowledge/<domain>.json:
//   {"domain": "tool_use", "intents": [{"id": "...", "title": "...", "answer": "...", "snippets"?: {...}}, ...]}
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kimi/kimi.h"

namespace kimi {

struct Intent {
  std::string id;      // [a-z0-9_]+, what the expert network predicts
  std::string title;   // short topic name, used when naming the closest topics
  std::string answer;  // the answer text shown to the user
  std::string summary;  // optional one-line, language-neutral explanation (shown above a code snippet)
  // Optional per-language code ("snippets": {"python": "...", "rust": "..."}), used by the coding expert.
  std::vector<std::pair<std::string, std::string>> snippets;
  const std::string* snippet(std::string_view language) const;
};

struct KnowledgeBase {
  std::vector<Intent> intents;
  const Intent* find(std::string_view id) const;
};

// Checks the JSON shape, that "domain" is `domain`'s label, and that ids are valid and unique.
Status parse_knowledge(std::string_view json, int domain, KnowledgeBase* out);

}  // namespace kimi
