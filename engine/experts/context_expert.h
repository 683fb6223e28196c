// The context expert's answers: computed from the conversation memory, not looked up. Each intent of
// models/knowledge/context.json is handled here; its knowledge answer is the reply when memory has nothing.
#pragma once
#include <array>
#include <string_view>
#include <vector>

#include "core/text_buffer.h"
#include "experts/conversation_memory.h"
#include "knowledge/knowledge_base.h"

namespace kimi {

inline constexpr std::size_t kMaxAnswerBytes = 4096;
using AnswerBuffer = TextBuffer<kMaxAnswerBytes>;

// Per domain, the knowledge entry of each expert output index (model order).
using IntentTable = std::array<std::vector<const Intent*>, kNumDomains>;

struct ContextReply {
  std::string_view answer;
  bool record_turn = true;  // false after "forget everything": the cleared memory stays empty
};

// `memory` holds the conversation before this query. Remember/forget intents change it.
ContextReply answer_from_memory(const Intent& intent, std::string_view query, ConversationMemory& memory,
                                const IntentTable& intents, AnswerBuffer& out);

// The name in "my name is ada lovelace", "call me sam", "i'm priya": capitalized, or empty.
std::string_view extract_name(std::string_view query, TextBuffer<ConversationMemory::kMaxNameBytes>& out);

}  // namespace kimi
