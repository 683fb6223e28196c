// Conversation memory (see conversation_memory.h).
#include "experts/conversation_memory.h"

#include <cstring>

#include "core/text_buffer.h"

namespace kimi {

void ConversationMemory::copy_turn(Turn* t, std::string_view query, int domain, int intent, const int related[2],
                                   std::string_view answer, bool answer_is_stable) {
  std::string_view q = utf8_prefix(query, kMaxQueryBytes);
  std::string_view a = utf8_prefix(answer, kMaxAnswerBytes);
  t->domain = domain;
  t->intent = intent;
  t->related[0] = related[0];
  t->related[1] = related[1];
  t->query_len = static_cast<uint16_t>(q.size());
  t->answer_len = static_cast<uint16_t>(a.size());
  std::memcpy(t->query, q.data(), q.size());
  t->stable_answer = answer_is_stable ? a.data() : nullptr;
  if (!answer_is_stable) std::memcpy(t->answer, a.data(), a.size());
}

void ConversationMemory::add(std::string_view query, int domain, int intent, const int related[2],
                             std::string_view answer, bool answer_is_stable) {
  if (total_ == 0) copy_turn(&first_, query, domain, intent, related, answer, answer_is_stable);
  copy_turn(&ring_[next_], query, domain, intent, related, answer, answer_is_stable);
  next_ = (next_ + 1) % kMaxTurns;
  if (size_ < kMaxTurns) ++size_;
  ++total_;
}

const ConversationMemory::Turn& ConversationMemory::recent(std::size_t back) const {
  return ring_[(next_ + kMaxTurns - 1 - back) % kMaxTurns];
}

void ConversationMemory::set_name(std::string_view name) {
  std::string_view n = utf8_prefix(name, kMaxNameBytes);
  std::memcpy(name_, n.data(), n.size());
  name_len_ = n.size();
}

void ConversationMemory::clear() {
  next_ = size_ = 0;
  total_ = 0;
  name_len_ = 0;
}

}  // namespace kimi
