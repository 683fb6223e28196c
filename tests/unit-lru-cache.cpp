// LRU cache: hits, misses, eviction order, collision checking, capacity.
#include <catch2/catch.hpp>
#include <string>

#include "cache/lru_cache.h"
#include "features/hashing.h"

namespace {
kimi::Decision value(float v) {
  kimi::Decision d;
  d.scores[0] = v;
  return d;
}
uint64_t h(const std::string& s) { return kimi::hash_bytes(s.data(), s.size(), 0); }
}  // namespace

TEST_CASE("get after put hits; unknown keys miss") {
  kimi::LruCache c(4);
  c.put(h("a"), "a", value(1));
  REQUIRE(c.get(h("a"), "a"));
  CHECK(c.get(h("a"), "a")->scores[0] == 1);
  CHECK(c.get(h("b"), "b") == nullptr);
  CHECK(c.hits() == 2);
  CHECK(c.misses() == 1);
}

TEST_CASE("the least recently used entry is evicted") {
  kimi::LruCache c(3);
  for (std::string k : {"a", "b", "c"}) c.put(h(k), k, value(1));
  c.get(h("a"), "a");  // b is now the oldest
  c.put(h("d"), "d", value(2));
  CHECK(c.evictions() == 1);
  CHECK(c.size() == 3);
  CHECK(c.get(h("b"), "b") == nullptr);
  CHECK(c.get(h("a"), "a") != nullptr);
  CHECK(c.get(h("c"), "c") != nullptr);
  CHECK(c.get(h("d"), "d") != nullptr);
}

TEST_CASE("put on an existing key overwrites without growing") {
  kimi::LruCache c(2);
  c.put(h("a"), "a", value(1));
  c.put(h("a"), "a", value(5));
  CHECK(c.size() == 1);
  CHECK(c.get(h("a"), "a")->scores[0] == 5);
}

TEST_CASE("equal hashes with different keys do not collide") {
  kimi::LruCache c(8);
  c.put(42, "first", value(1));
  c.put(42, "second", value(2));
  CHECK(c.get(42, "first")->scores[0] == 1);
  CHECK(c.get(42, "second")->scores[0] == 2);
  CHECK(c.get(42, "third") == nullptr);
}

TEST_CASE("keys longer than the limit are not stored") {
  kimi::LruCache c(2);
  std::string big(kimi::LruCache::kMaxKeyBytes + 1, 'x');
  CHECK_FALSE(kimi::LruCache::fits(big));
  c.put(h(big), big, value(1));
  CHECK(c.size() == 0);
}

TEST_CASE("many operations keep every live key findable (probing and backward-shift deletion)") {
  kimi::LruCache c(100);
  for (int i = 0; i < 5000; ++i) {
    std::string k = "key" + std::to_string(i);
    c.put(h(k) & 0xFF, k, value(static_cast<float>(i)));  // few distinct hashes: long probe runs
    if (i >= 100) {
      std::string evicted = "key" + std::to_string(i - 100);  // a miss does not change the recency order
      REQUIRE(c.get(h(evicted) & 0xFF, evicted) == nullptr);
    }
  }
  for (int i = 4900; i < 5000; ++i) {  // exactly the last 100 keys are present
    std::string k = "key" + std::to_string(i);
    REQUIRE(c.get(h(k) & 0xFF, k) != nullptr);
  }
  CHECK(c.size() == 100);
  CHECK(c.evictions() == 4900);
}

TEST_CASE("capacity 0 disables caching; clear empties") {
  kimi::LruCache off(0);
  off.put(1, "a", value(1));
  CHECK(off.get(1, "a") == nullptr);
  kimi::LruCache c(2);
  c.put(1, "a", value(1));
  c.clear();
  CHECK(c.size() == 0);
  CHECK(c.get(1, "a") == nullptr);
}
