// What the engine decided for a query, before answers are rendered: router scores and, per contributing
// expert, its weight and top intents. Small and trivially copyable, so the result cache can store it.
#pragma once
#include <array>
#include <cstdint>

#include "kimi/kimi.h"

namespace kimi {

inline constexpr int kTopIntents = 3;

struct ExpertDecision {
  int domain = 0;
  float weight = 0.0f;
  std::array<int, kTopIntents> intents{};       // best first; -1 where the expert has fewer intents
  std::array<float, kTopIntents> intent_probs{};
};

struct Decision {
  std::array<float, kNumDomains> scores{};
  bool consensus = false;
  int num_experts = 0;
  std::array<ExpertDecision, kMaxConsensusExperts> experts{};
};

}  // namespace kimi
