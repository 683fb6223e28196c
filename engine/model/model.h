// The kimi model: a router network and one expert network per domain, with their labels, stored as
// safetensors. Tensor names: "<net>.embedding" [buckets, dim], "<net>.layer<i>.weight" [out, in],
// "<net>.layer<i>.bias" [out], where <net> is "router" or "expert.<domain>".
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kimi/kimi.h"
#include "nn/network.h"

namespace kimi {

// Identifies the feature extractor a model was trained with; a model with another signature is rejected.
inline constexpr const char* kFeatureSignature = "words1-2+chars3-4+dense8/fnv1a-mix64/v2";
// Version 2: int8 embeddings carry one scale per column (version 1 had one per row).
inline constexpr const char* kModelFormat = "kimi-micro-experts/2";

struct Model {
  Network router;
  std::array<Network, kNumDomains> experts;
  std::array<std::vector<std::string>, kNumDomains> intents;  // expert output index -> intent id
  float abstain_floor = 0.3f;        // expert confidence below this: say "not sure"
  float consensus_threshold = 0.7f;  // router top probability below this: consensus switches on
  float consensus_floor = 0.1f;      // an expert joins consensus only above this router probability
};

std::string network_name(int net);  // -1 = "router", d = "expert.<domain>"

// Full validation: container, format, feature signature, domain labels, every tensor's dtype and shape,
// chained layer widths, finite weights, intent lists. The message names what is wrong.
Status load_model(const uint8_t* bytes, std::size_t size, Model* out);

std::vector<uint8_t> serialize_model(const Model& model);

}  // namespace kimi
