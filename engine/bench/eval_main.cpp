// kimi-eval: router probabilities for every query of a JSONL file, for scripts/bench_accuracy.py.
// Reads {"q": ...} lines, writes one JSON array per line: the six domain probabilities in label order
// (reasoning, coding, language, mathematics, tool_use, context), through the engine's own forward pass.
//
//   kimi-eval --model models/kimi.safetensors < queries.jsonl > scores.jsonl
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "features/features.h"
#include "model/model.h"
#include "text/normalize.h"

int main(int argc, char** argv) {
  std::string model_path = KIMI_DEFAULT_MODEL;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else {
      std::fprintf(stderr, "usage: kimi-eval [--model M] < queries.jsonl > scores.jsonl\n");
      return 2;
    }
  }
  std::ifstream f(model_path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  kimi::Model model;
  kimi::Status s = kimi::load_model(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &model);
  if (!s.ok()) {
    std::fprintf(stderr, "kimi-eval: %s: %s\n", model_path.c_str(), s.message.c_str());
    return 1;
  }
  auto features = std::make_unique<kimi::Features>();
  std::vector<char> normalized(kimi::kMaxNormalizedBytes);
  std::vector<float> scratch(2 * model.router.max_width()), probs(kimi::kNumDomains);
  std::string line;
  int lineno = 0;
  while (std::getline(std::cin, line)) {
    ++lineno;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("q") || !j["q"].is_string()) {
      std::fprintf(stderr, "kimi-eval: line %d: not a {\"q\": ...} object\n", lineno);
      return 1;
    }
    kimi::NormalizeStats ns;
    const std::string q = j["q"].get<std::string>();
    const std::size_t n = kimi::normalize(q, normalized.data(), &ns);
    kimi::extract_features(std::string_view(normalized.data(), n), ns, features.get());
    model.router.forward(*features, scratch.data(), probs.data());
    std::printf("%s\n", nlohmann::json(probs).dump().c_str());
  }
  return 0;
}
