// Training data loading (see dataset.h).
#include "train/dataset.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "knowledge/knowledge_base.h"
#include "text/normalize.h"

namespace kimi {

Status read_intent_ids(const std::string& dir, IntentIds* out) {
  for (int d = 0; d < kNumDomains; ++d) {
    const std::string path = dir + "/" + domain_name(d) + ".json";
    std::ifstream f(path, std::ios::binary);
    if (!f) return {ErrorCode::kIo, "cannot read " + path};
    std::stringstream ss;
    ss << f.rdbuf();
    KnowledgeBase kb;
    Status s = parse_knowledge(ss.str(), d, &kb);
    if (!s.ok()) return s;
    (*out)[d].clear();
    for (const auto& i : kb.intents) (*out)[d].push_back(i.id);
  }
  return {};
}

void featurize(Example* e) {
  static thread_local std::unique_ptr<Features> f(new Features);
  static thread_local char buf[kMaxNormalizedBytes];
  NormalizeStats st;
  std::size_t n = normalize(e->text, buf, &st);
  extract_features(std::string_view(buf, n), st, f.get());
  e->ids.assign(f->ids, f->ids + f->count);
  e->word_count = f->word_count;
  std::copy(f->dense, f->dense + kDenseFeatures, e->dense.begin());
}

Status read_examples(const std::string& path, const IntentIds& intents, std::vector<Example>* out) {
  std::ifstream f(path);
  if (!f) return {ErrorCode::kIo, "cannot read " + path};
  std::string line;
  int lineno = 0;
  while (std::getline(f, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string at = path + ":" + std::to_string(lineno) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {ErrorCode::kInvalidArgument, at + "not a JSON object"};
    if (!j.contains("q") || !j["q"].is_string() || !j.contains("domain") || !j["domain"].is_string() ||
        (j.contains("intent") && !j["intent"].is_string()))
      return {ErrorCode::kInvalidArgument, at + "needs string fields \"q\" and \"domain\" (and optionally \"intent\")"};
    Example e;
    e.text = j["q"].get<std::string>();
    e.domain = domain_from_name(j["domain"].get<std::string>());
    if (e.domain < 0) return {ErrorCode::kInvalidArgument, at + "unknown domain '" + j["domain"].get<std::string>() + "'"};
    if (j.contains("intent")) {
      const std::string intent = j["intent"].get<std::string>();
      const auto& ids = intents[e.domain];
      auto it = std::find(ids.begin(), ids.end(), intent);
      if (it == ids.end())
        return {ErrorCode::kInvalidArgument, at + "intent '" + intent + "' is not in the " + domain_name(e.domain) + " knowledge file"};
      e.intent = static_cast<int>(it - ids.begin());
    }
    featurize(&e);
    if (e.ids.empty()) return {ErrorCode::kInvalidArgument, at + "query is empty after normalization"};
    out->push_back(std::move(e));
  }
  return {};
}

}  // namespace kimi
