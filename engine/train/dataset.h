// Labelled queries for training: JSONL rows {"q", "domain", "intent"} turned into the engine's own features,
// so training and inference see exactly the same inputs.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "features/features.h"
#include "kimi/kimi.h"

namespace kimi {

struct Example {
  std::string text;  // as written in the file
  int domain = 0;
  int intent = -1;   // index into the domain's knowledge intents; -1 = none (trains the router only)
  std::vector<uint32_t> ids;
  std::size_t word_count = 0;  // ids[0, word_count) are word-level (see Features)
  std::array<float, kDenseFeatures> dense{};
};

using IntentIds = std::array<std::vector<std::string>, kNumDomains>;

// Reads a JSONL file; each row's domain must be a label and its intent an id of that domain's knowledge file.
// Blank lines are skipped. Errors name the file and line.
Status read_examples(const std::string& path, const IntentIds& intents, std::vector<Example>* out);

// Reads models/knowledge/<domain>.json for the intent ids, in file order.
Status read_intent_ids(const std::string& knowledge_dir, IntentIds* out);

void featurize(Example* e);

}  // namespace kimi
