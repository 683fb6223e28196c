// After load, query() performs no heap allocation: a counting global operator new proves it.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "test_support.h"

namespace {
std::atomic<long> g_allocations{0};
}

// AddressSanitizer owns operator new/delete; replacing them there reports false mismatches. The sanitizer build
// still runs the queries below (finding leaks and overflows); the count is checked by the normal build.
#if defined(__SANITIZE_ADDRESS__)
#define KIMI_COUNTING_ALLOCATOR 0
#else
#define KIMI_COUNTING_ALLOCATOR 1
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif

TEST_CASE("no heap allocation per query after load") {
  auto loaded = kimi_test::load_committed();
  REQUIRE(loaded.engine);
  kimi::Engine& e = *loaded.engine;
  // Inputs prepared before counting: every path (routed, cached, forced, consensus, context, errors, huge,
  // invalid UTF-8) must be allocation-free.
  std::vector<std::string> queries = {
      "How do I undo my last git commit?", "what is 15% of 80", "my name is Ada", "what's my name?",
      "summarize our chat so far", "translate thank you to french", "", std::string(1 << 20, 'x'),
      "caf\xC3 \xFF", "should I learn rust or go", "How do I undo my last git commit?", "forget everything",
      "continue", "what was my first question"};
  for (int i = 0; i < 200; ++i) queries.push_back("query variant number " + std::to_string(i) + " about sorting");
  kimi::QueryOptions forced, consensus;
  forced.expert = 1;
  consensus.consensus = true;
  std::string json;
  json.reserve(1 << 16);
  e.query("warm up");  // first query: nothing lazily allocated later
  const long before = g_allocations.load();
  for (int round = 0; round < 3; ++round) {
    for (const auto& q : queries) {
      e.query(q);
      e.query(q, forced);
      e.query(q, consensus);
      kimi::write_result_json(e.query(q), &json);
    }
  }
  const long during = g_allocations.load() - before;
  if (!KIMI_COUNTING_ALLOCATOR) {
    WARN("allocation counting is off under AddressSanitizer");
    return;
  }
  CHECK(during == 0);
  // The counter works: an allocation outside the engine is seen.
  auto* probe = new std::vector<int>(10);
  CHECK(g_allocations.load() - before > during);
  delete probe;
}
