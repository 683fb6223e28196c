// LRU cache (see lru_cache.h). Deletion uses backward-shift so probing never needs tombstones.
#include "cache/lru_cache.h"

#include <cstring>

namespace kimi {

LruCache::LruCache(std::size_t capacity) : entries_(capacity) {
  std::size_t slots = 1;
  while (slots < 2 * capacity) slots <<= 1;
  table_.assign(slots, -1);
  mask_ = slots - 1;
}

std::size_t LruCache::find_slot(uint64_t hash, std::string_view key) const {
  if (entries_.empty()) return table_.size();
  for (std::size_t s = hash & mask_;; s = (s + 1) & mask_) {
    int32_t e = table_[s];
    if (e < 0) return table_.size();
    const Entry& en = entries_[e];
    if (en.hash == hash && en.key_len == key.size() && std::memcmp(en.key, key.data(), key.size()) == 0) return s;
  }
}

void LruCache::unlink(int32_t e) {
  Entry& en = entries_[e];
  if (en.prev >= 0) entries_[en.prev].next = en.next; else head_ = en.next;
  if (en.next >= 0) entries_[en.next].prev = en.prev; else tail_ = en.prev;
  en.prev = en.next = -1;
}

void LruCache::push_front(int32_t e) {
  Entry& en = entries_[e];
  en.prev = -1;
  en.next = head_;
  if (head_ >= 0) entries_[head_].prev = e;
  head_ = e;
  if (tail_ < 0) tail_ = e;
}

void LruCache::erase_slot(std::size_t slot) {
  table_[slot] = -1;
  // Backward shift: move later members of the probe run into the hole when their home allows it.
  for (std::size_t hole = slot, s = (slot + 1) & mask_; table_[s] >= 0; s = (s + 1) & mask_) {
    std::size_t home = entries_[table_[s]].hash & mask_;
    bool movable = hole <= s ? (home <= hole || home > s) : (home <= hole && home > s);
    if (movable) {
      table_[hole] = table_[s];
      table_[s] = -1;
      hole = s;
    }
  }
}

const Decision* LruCache::get(uint64_t hash, std::string_view key) {
  std::size_t slot = find_slot(hash, key);
  if (slot == table_.size()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  int32_t e = table_[slot];
  unlink(e);
  push_front(e);
  return &entries_[e].value;
}

void LruCache::put(uint64_t hash, std::string_view key, const Decision& value) {
  if (entries_.empty() || !fits(key)) return;
  std::size_t slot = find_slot(hash, key);
  int32_t e;
  if (slot != table_.size()) {
    e = table_[slot];
    unlink(e);
  } else {
    if (size_ < entries_.size()) {
      e = static_cast<int32_t>(size_++);
    } else {
      e = tail_;
      unlink(e);
      erase_slot(find_slot(entries_[e].hash, std::string_view(entries_[e].key, entries_[e].key_len)));
      ++evictions_;
    }
    Entry& en = entries_[e];
    en.hash = hash;
    en.key_len = static_cast<uint16_t>(key.size());
    std::memcpy(en.key, key.data(), key.size());
    std::size_t s = hash & mask_;
    while (table_[s] >= 0) s = (s + 1) & mask_;
    table_[s] = e;
  }
  entries_[e].value = value;
  push_front(e);
}

void LruCache::clear() {
  table_.assign(table_.size(), -1);
  size_ = 0;
  head_ = tail_ = -1;
}

}  // namespace kimi
