// The conversation memory the context expert answers from: a bounded ring of recent turns, the very first
// turn kept apart (so "what was my first question?" survives the ring wrapping), and the user's name.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kimi {

class ConversationMemory {
 public:
  static constexpr std::size_t kMaxTurns = 32;
  static constexpr std::size_t kMaxQueryBytes = 256;
  static constexpr std::size_t kMaxAnswerBytes = 1024;
  static constexpr std::size_t kMaxNameBytes = 64;

  struct Turn {
    int domain = 0;
    int intent = -1;  // index into the domain's intents, -1 when none
    int related[2] = {-1, -1};  // the expert's runner-up intents, for "tell me more"
    uint16_t query_len = 0, answer_len = 0;
    const char* stable_answer = nullptr;  // knowledge text that outlives the memory: kept by pointer, not copied
    char query[kMaxQueryBytes];
    char answer[kMaxAnswerBytes];
    std::string_view query_text() const { return {query, query_len}; }
    std::string_view answer_text() const { return {stable_answer ? stable_answer : answer, answer_len}; }
  };

  // `answer_is_stable`: the answer text lives as long as the engine (knowledge text), so it is not copied.
  void add(std::string_view query, int domain, int intent, const int related[2], std::string_view answer,
           bool answer_is_stable = false);
  std::size_t size() const { return size_; }     // turns held (<= kMaxTurns)
  uint64_t total() const { return total_; }      // turns since the last clear
  const Turn& recent(std::size_t back) const;    // 0 = latest; back < size()
  const Turn* first() const { return total_ ? &first_ : nullptr; }

  void set_name(std::string_view name);
  std::string_view name() const { return {name_, name_len_}; }
  void clear_name() { name_len_ = 0; }
  void clear();

 private:
  static void copy_turn(Turn* t, std::string_view query, int domain, int intent, const int related[2],
                        std::string_view answer, bool answer_is_stable);
  std::array<Turn, kMaxTurns> ring_;
  Turn first_;
  std::size_t next_ = 0, size_ = 0;
  uint64_t total_ = 0;
  char name_[kMaxNameBytes];
  std::size_t name_len_ = 0;
};

}  // namespace kimi
