// Knowledge base parsing (see knowledge_base.h).
#include "knowledge/knowledge_base.h"

#include <nlohmann/json.hpp>
#include <set>

namespace kimi {

const std::string* Intent::snippet(std::string_view language) const {
  for (const auto& [lang, code] : snippets)
    if (lang == language) return &code;
  return nullptr;
}

const Intent* KnowledgeBase::find(std::string_view id) const {
  for (const auto& i : intents)
    if (i.id == id) return &i;
  return nullptr;
}

Status parse_knowledge(std::string_view text, int domain, KnowledgeBase* out) {
  const std::string where = std::string("knowledge file for '") + domain_name(domain) + "'";
  auto bad = [&](const std::string& msg) { return Status{ErrorCode::kKnowledgeInvalid, where + ": " + msg}; };
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return bad("not valid JSON");
  if (!j.is_object()) return bad("top level is not an object");
  if (!j.contains("domain") || !j["domain"].is_string() || j["domain"].get<std::string>() != domain_name(domain))
    return bad(std::string("\"domain\" must be \"") + domain_name(domain) + "\"");
  if (!j.contains("intents") || !j["intents"].is_array() || j["intents"].empty())
    return bad("\"intents\" must be a non-empty array");
  out->intents.clear();
  std::set<std::string> seen;
  std::size_t index = 0;
  for (const auto& e : j["intents"]) {
    const std::string at = "intent #" + std::to_string(index++);
    if (!e.is_object()) return bad(at + " is not an object");
    for (const char* key : {"id", "title", "answer"})
      if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
        return bad(at + " needs a non-empty string \"" + key + "\"");
    Intent in{e["id"].get<std::string>(), e["title"].get<std::string>(), e["answer"].get<std::string>(), {}, {}};
    if (e.contains("summary")) {
      if (!e["summary"].is_string()) return bad(at + " \"summary\" must be a string");
      in.summary = e["summary"].get<std::string>();
    }
    if (e.contains("snippets")) {
      const auto& sn = e["snippets"];
      if (!sn.is_object()) return bad(at + " \"snippets\" must be an object of language: code");
      for (auto it = sn.begin(); it != sn.end(); ++it) {
        if (!it.value().is_string() || it.value().get<std::string>().empty())
          return bad(at + " snippet '" + it.key() + "' must be a non-empty string");
        in.snippets.emplace_back(it.key(), it.value().get<std::string>());
      }
    }
    for (char c : in.id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
        return bad(at + " id '" + in.id + "' may only hold a-z, 0-9 and _");
    if (!seen.insert(in.id).second) return bad("intent id '" + in.id + "' appears twice");
    out->intents.push_back(std::move(in));
  }
  return {};
}

}  // namespace kimi
