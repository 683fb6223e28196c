// What the engine decided for a query, before answers are rendered: router scores and, per contributing
// expert, its weight and top intents. Small and trivially copyable, so the result cache can store it.
#pragma once
#include <array>
#include <cstddef>
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

inline constexpr std::size_t kCachedAnswerBytes = 1536;  // composed coding answers run to ~1.5 KB

// The answers as rendered, kept with a cached decision so that a cache hit does no answer work again (no
// maths, no lookups). Each expert's answer is either knowledge text, which lives as long as the engine
// (`stable`), or composed text copied into `text`. `valid` is false when a composed answer did not fit.
struct RenderedAnswers {
  bool valid = false;
  std::array<const char*, kMaxConsensusExperts> stable{};
  std::array<uint16_t, kMaxConsensusExperts> offset{}, length{};
  std::array<bool, kMaxConsensusExperts> abstained{};
  char text[kCachedAnswerBytes];
};

struct Decision {
  std::array<float, kNumDomains> scores{};
  bool consensus = false;
  int num_experts = 0;
  std::array<ExpertDecision, kMaxConsensusExperts> experts{};
  RenderedAnswers rendered;
};

}  // namespace kimi
