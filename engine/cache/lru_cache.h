// Fixed-capacity LRU cache of decisions keyed by text: O(1) get/put, every byte preallocated at construction,
// keys collision-checked (a 64-bit hash finds the slot, the stored key bytes confirm the match).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/decision.h"

namespace kimi {

class LruCache {
 public:
  static constexpr std::size_t kMaxKeyBytes = 512;  // longer keys are not cached (see fits())

  explicit LruCache(std::size_t capacity);

  static bool fits(std::string_view key) { return key.size() <= kMaxKeyBytes; }
  // Returns the cached value and marks it most recently used, or null (counted as a miss).
  const Decision* get(uint64_t hash, std::string_view key);
  // Inserts or overwrites; evicts the least recently used entry when full. Ignored when !fits(key).
  void put(uint64_t hash, std::string_view key, const Decision& value);
  void clear();

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return entries_.size(); }
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }
  uint64_t evictions() const { return evictions_; }
  void reset_counters() { hits_ = misses_ = evictions_ = 0; }

 private:
  struct Entry {
    uint64_t hash = 0;
    int32_t prev = -1, next = -1;  // recency list, head = most recent
    uint16_t key_len = 0;
    Decision value;
    char key[kMaxKeyBytes];
  };

  std::size_t find_slot(uint64_t hash, std::string_view key) const;  // slot index, or table size if absent
  void unlink(int32_t e);
  void push_front(int32_t e);
  void erase_slot(std::size_t slot);

  std::vector<Entry> entries_;
  std::vector<int32_t> table_;  // open addressing with linear probing; -1 = empty
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  int32_t head_ = -1, tail_ = -1;
  uint64_t hits_ = 0, misses_ = 0, evictions_ = 0;
};

}  // namespace kimi
