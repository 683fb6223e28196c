// engine: the whole pipeline on the committed model and on a tiny model; bad input never breaks it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

using kimi::ErrorCode;

namespace {
kimi::Engine& committed() {
  static kimi::LoadResult r = kimi_test::load_committed();
  if (!r.engine) FAIL(r.status.message);
  return *r.engine;
}
std::string dom(const kimi::QueryResult& r) { return kimi::domain_name(r.domain); }
}  // namespace

TEST_CASE("clear queries route to their domain") {
  kimi::Engine& e = committed();
  CHECK(dom(e.query("How do I undo my last git commit?")) == "tool_use");
  CHECK(dom(e.query("what is 15% of 80")) == "mathematics");
  CHECK(dom(e.query("how do I reverse a linked list in C++")) == "coding");
  CHECK(dom(e.query("what does the word ephemeral mean")) == "language");
  CHECK(dom(e.query("what was my first question?")) == "context");
  CHECK(dom(e.query("should I rent or buy a house")) == "reasoning");
}

TEST_CASE("a result carries scores that sum to one, an intent and an answer") {
  const kimi::QueryResult& r = committed().query("docker compose up in the background");
  REQUIRE(r.error == ErrorCode::kOk);
  float sum = 0;
  for (float s : r.scores) sum += s;
  CHECK(sum == Approx(1.0f).epsilon(1e-4));
  CHECK(r.confidence == r.scores[r.domain]);
  CHECK_FALSE(r.intent.empty());
  CHECK_FALSE(r.answer.empty());
  CHECK(r.num_experts >= 1);
  CHECK(r.latency_us > 0);
}

TEST_CASE("the second identical query is a cache hit with the same decision") {
  kimi::Engine& e = committed();
  e.clear_cache();
  std::string a = std::string(e.query("Sort a list of tuples by the second element").intent);
  const kimi::QueryResult& r = e.query("  sort a LIST of tuples by the second element ");
  CHECK(r.cached);
  CHECK(std::string(r.intent) == a);
  CHECK_FALSE(e.query("sort a list of tuples by the second element", {-1, false, false}).cached);
}

TEST_CASE("a cache hit gives exactly the answers the miss gave, computed ones included") {
  // Hits serve the answers kept with the cached decision (no recomputation): every field must match what
  // the query computed the first time, for knowledge text, computed maths, lookups, consensus and
  // composed coding answers, and it must still match after other queries have overwritten the buffers.
  kimi::Engine& e = committed();
  e.clear_cache();
  const char* queries[] = {"what is 17*23 + 4", "solve 2x + 3 = 11", "How do I undo my last git commit?",
                           "what does the word ephemeral mean", "reverse a string in python",
                           "translate good morning to spanish", "what is the integral of x^2 from 0 to 3",
                           "is it better to rent or buy, and what is 15% of 80?"};
  kimi::QueryOptions consensus;
  consensus.consensus = true;
  for (const kimi::QueryOptions& opt : {kimi::QueryOptions(), consensus}) {
    std::vector<std::vector<std::string>> first;
    for (const char* q : queries) {
      const kimi::QueryResult& r = e.query(q, opt);
      REQUIRE_FALSE(r.cached);
      std::vector<std::string> fields{std::to_string(r.domain), std::string(r.intent), std::string(r.answer)};
      for (int i = 0; i < r.num_experts; ++i) {
        fields.push_back(std::string(r.experts[i].answer));
        fields.push_back(r.experts[i].abstained ? "abstained" : "answered");
      }
      first.push_back(fields);
    }
    for (std::size_t k = 0; k < std::size(queries); ++k) {
      const kimi::QueryResult& r = e.query(queries[k], opt);
      REQUIRE(r.cached);
      std::vector<std::string> fields{std::to_string(r.domain), std::string(r.intent), std::string(r.answer)};
      for (int i = 0; i < r.num_experts; ++i) {
        fields.push_back(std::string(r.experts[i].answer));
        fields.push_back(r.experts[i].abstained ? "abstained" : "answered");
      }
      CHECK(fields == first[k]);
    }
  }
}

TEST_CASE("forcing an expert skips the router") {
  kimi::QueryOptions opt;
  opt.expert = kimi::domain_from_name("mathematics");
  const kimi::QueryResult& r = committed().query("How do I undo my last git commit?", opt);
  CHECK(dom(r) == "mathematics");
  CHECK(r.confidence == 1.0f);
  CHECK(r.num_experts == 1);
  CHECK(r.scores[3] == 1.0f);
}

TEST_CASE("consensus runs up to three experts with weights summing to one") {
  kimi::QueryOptions opt;
  opt.consensus = true;
  const kimi::QueryResult& r = committed().query("explain the proof that sqrt 2 is irrational in python", opt);
  CHECK(r.consensus);
  REQUIRE(r.num_experts >= 1);
  REQUIRE(r.num_experts <= 3);
  float w = 0;
  for (int i = 0; i < r.num_experts; ++i) w += r.experts[i].weight;
  CHECK(w == Approx(1.0f));
  for (int i = 1; i < r.num_experts; ++i) CHECK(r.experts[i].weight <= r.experts[i - 1].weight);
}

TEST_CASE("consensus switches on by itself when the router is unsure") {
  // A tiny random model is unsure about everything: its top probability is far below 0.7.
  auto loaded = kimi_test::load_bytes(kimi::serialize_model(kimi_test::tiny_model()), kimi_test::tiny_knowledge_all());
  REQUIRE(loaded.engine);
  const kimi::QueryResult& r = loaded.engine->query("hello there");
  REQUIRE(r.confidence < 0.7f);
  CHECK(r.consensus);
  CHECK(loaded.engine->metrics().consensus == 1);
}

TEST_CASE("the context expert answers from the conversation and is never cached") {
  kimi::Engine& e = committed();
  e.reset_conversation();
  e.query("how do I undo my last git commit");
  e.query("my name is Ada, please remember that");
  const kimi::QueryResult& first = e.query("what was my first question?");
  CHECK(dom(first) == "context");
  CHECK(std::string(first.answer).find("how do i undo my last git commit") != std::string::npos);
  const kimi::QueryResult& name = e.query("what's my name?");
  CHECK(std::string(name.answer).find("Ada") != std::string::npos);
  CHECK_FALSE(e.query("what's my name?").cached);
}

TEST_CASE("bad input returns a result or a clear error, never a crash") {
  kimi::Engine& e = committed();
  SECTION("empty and whitespace-only") {
    for (std::string q : {std::string(""), std::string("   \t\n "), std::string("\0\0", 2)}) {
      const kimi::QueryResult& r = e.query(q);
      CHECK(r.error == ErrorCode::kEmptyQuery);
      CHECK(std::string(r.error_message).find("empty") != std::string::npos);
    }
  }
  SECTION("1 MB query is truncated") {
    const kimi::QueryResult& r = e.query(std::string(1 << 20, 'a') + " git");
    CHECK(r.error == ErrorCode::kOk);
    CHECK(r.truncated);
    CHECK(r.query.size() == 4096);
  }
  SECTION("invalid UTF-8 is flagged") {
    const kimi::QueryResult& r = e.query("caf\xC3 \xFF\xFE how do i delete a branch");
    CHECK(r.error == ErrorCode::kOk);
    CHECK(r.invalid_utf8);
  }
  SECTION("NUL bytes and control characters inside text") {
    const kimi::QueryResult& r = e.query(std::string("git\0status\x07 please", 19));
    CHECK(r.error == ErrorCode::kOk);
    CHECK(std::string(r.query) == "git status please");
  }
  SECTION("emoji and right-to-left text") {
    CHECK(e.query("😀😀 🚀").error == ErrorCode::kOk);
    CHECK(e.query("מה השעה").error == ErrorCode::kOk);
    CHECK(e.query("كيف حالك").error == ErrorCode::kOk);
  }
  SECTION("unknown forced expert") {
    kimi::QueryOptions opt;
    opt.expert = 9;
    CHECK(e.query("x", opt).error == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("metrics count queries, errors, cache and stages consistently") {
  auto loaded = kimi_test::load_committed();
  REQUIRE(loaded.engine);
  kimi::Engine& e = *loaded.engine;
  e.query("what is 2+2");
  e.query("what is 2+2");
  e.query("");
  e.query("translate good morning to french");
  kimi::MetricsSnapshot m = e.metrics();
  CHECK(m.queries == 4);
  CHECK(m.errors == 1);
  CHECK(m.cache_hits == 1);
  CHECK(m.cache_misses == 2);
  CHECK(m.cache_hits + m.cache_misses + m.errors == m.queries);
  uint64_t per = 0;
  for (auto c : m.per_expert) per += c;
  CHECK(per == 3);
  CHECK(m.total.count == 3);
  CHECK(m.features.count == 2);
  CHECK(m.normalize.count == 4);
  e.reset_metrics();
  CHECK(e.metrics().queries == 0);
}

TEST_CASE("the cache evicts beyond its capacity") {
  std::array<std::string, kimi::kNumDomains> k = kimi_test::tiny_knowledge_all();
  std::array<std::string_view, kimi::kNumDomains> v;
  for (int d = 0; d < kimi::kNumDomains; ++d) v[d] = k[d];
  auto bytes = kimi::serialize_model(kimi_test::tiny_model());
  kimi::EngineConfig cfg;
  cfg.cache_capacity = 10;
  auto loaded = kimi::Engine::load(bytes.data(), bytes.size(), v, cfg);
  REQUIRE(loaded.engine);
  for (int i = 0; i < 25; ++i) loaded.engine->query("query number " + std::to_string(i));
  kimi::MetricsSnapshot m = loaded.engine->metrics();
  CHECK(m.cache_size <= 10);
  CHECK(m.cache_capacity == 10);
}

TEST_CASE("result JSON has every field of the contract") {
  std::string s;
  kimi::write_result_json(committed().query("what is a closure in javascript?"), &s);
  auto j = nlohmann::json::parse(s);
  for (const char* k : {"query", "domain", "confidence", "scores", "intent", "answer", "consensus", "experts", "cached",
                        "truncated", "latency_us"})
    CHECK(j.contains(k));
  CHECK(j["scores"].size() == 6);
  CHECK(j["experts"][0].contains("weight"));
  std::string err;
  kimi::write_result_json(committed().query(""), &err);
  auto je = nlohmann::json::parse(err);
  CHECK(je["error"]["code"] == "empty_query");
}

TEST_CASE("info describes the model") {
  auto j = nlohmann::json::parse(committed().info_json());
  CHECK(j["experts"].size() == 6);
  CHECK(j["router"]["buckets"].get<int>() > 0);
}

TEST_CASE("the committed model routes at least 85% of the dev split correctly") {
  kimi::Engine& e = committed();
  std::ifstream f(std::string(KIMI_MODELS_DIR) + "/data/dev.jsonl");
  std::string line;
  int total = 0, correct = 0;
  while (std::getline(f, line)) {
    auto j = nlohmann::json::parse(line);
    const kimi::QueryResult& r = e.query(j["q"].get<std::string>(), {-1, false, false});
    ++total;
    correct += dom(r) == j["domain"].get<std::string>();
  }
  REQUIRE(total >= 500);
  INFO("dev routing accuracy " << 100.0 * correct / total << "% of " << total);
  CHECK(correct >= 0.85 * total);
}

TEST_CASE("below the abstain floor an expert says it is not sure and names two topics") {
  // With the floor at 0.99 the tiny random model (two intents per expert) is never sure enough.
  kimi::Model m = kimi_test::tiny_model();
  m.abstain_floor = 0.99f;
  auto loaded = kimi_test::load_bytes(kimi::serialize_model(m), kimi_test::tiny_knowledge_all());
  REQUIRE(loaded.engine);
  kimi::QueryOptions opt;
  opt.expert = 0;
  const kimi::QueryResult& r = loaded.engine->query("anything at all", opt);
  REQUIRE(r.error == ErrorCode::kOk);
  CHECK(r.experts[0].abstained);
  const std::string a(r.answer);
  CHECK(a.find("not sure") != std::string::npos);
  CHECK(a.find("reasoning topic a") != std::string::npos);
  CHECK(a.find("reasoning topic b") != std::string::npos);
}

TEST_CASE("the mathematics expert computes instead of reciting") {
  kimi::QueryOptions opt;
  opt.expert = kimi::domain_from_name("mathematics");
  CHECK(std::string(committed().query("What is 2+2?", opt).answer) == "2 + 2 = 4");
  CHECK(std::string(committed().query("Calculate the derivative of x^2 + 3x + 1", opt).answer) == "d/dx (x^2 + 3x + 1) = 2x + 3");
}

TEST_CASE("the language expert translates from its phrasebook") {
  kimi::QueryOptions opt;
  opt.expert = kimi::domain_from_name("language");
  CHECK(std::string(committed().query("Translate 'Hello World' to Spanish", opt).answer).find("Hola mundo") != std::string::npos);
}

TEST_CASE("the compact batch routes like query() without answering or recording turns") {
  kimi::Engine& e = committed();
  e.clear_cache();
  e.reset_conversation();
  const std::string_view texts[] = {"what is 12*12", "How do I undo my last git commit?", "", "what was my first question?",
                                    "synonym for happy"};
  kimi::BatchItem items[5];
  e.query_batch(texts, 5, items);
  CHECK(items[2].error == ErrorCode::kEmptyQuery);
  // No turn was recorded: the context expert still has nothing to recall.
  CHECK(std::string(e.query("what was my first question?").answer).find("12*12") == std::string::npos);
  e.reset_conversation();
  e.clear_cache();
  for (int i : {0, 1, 3, 4}) {
    const kimi::QueryResult& r = e.query(texts[i]);
    CHECK(items[i].error == ErrorCode::kOk);
    CHECK(items[i].domain == r.domain);
    CHECK(items[i].confidence == r.confidence);
    CHECK(items[i].intent == r.intent);
    CHECK(items[i].intent_index == r.experts[0].intent_index);
  }
  // A decision cached by the batch (no answer kept) is answered in full by a later query().
  e.clear_cache();
  e.query_batch(texts, 2, items);
  const kimi::QueryResult& r = e.query(texts[0]);
  CHECK(r.cached);
  CHECK(std::string(r.answer).find("144") != std::string::npos);
}

TEST_CASE("the compact batch under consensus reports the top expert like query() and leaves no partial decision in the cache") {
  kimi::Engine& e = committed();
  e.clear_cache();
  e.reset_conversation();
  // Wordings the router is unsure about (two or three experts above the floor) and one it is sure about.
  const std::string_view texts[] = {"is it faster to sort then search or search twice", "best way to learn regex",
                                    "compare two files and count the differences", "what is 15% of 80"};
  kimi::BatchItem items[4];
  const kimi::QueryOptions consensus{-1, true, true};
  e.query_batch(texts, 4, items, consensus);
  int several = 0;
  for (int i = 0; i < 4; ++i) {
    const kimi::QueryResult& r = e.query(texts[i], consensus);
    if (r.num_experts >= 2) {
      ++several;
      CHECK_FALSE(r.cached);  // the batch ran only the top expert of this decision, so it did not cache it
    }
    for (int k = 0; k < r.num_experts; ++k) CHECK_FALSE(r.experts[k].answer.empty());
    CHECK(items[i].domain == r.domain);
    CHECK(items[i].confidence == r.confidence);
    CHECK(items[i].intent == r.intent);
    CHECK(items[i].intent_index == r.experts[0].intent_index);
    CHECK(items[i].abstained == r.experts[0].abstained);
  }
  CHECK(several >= 2);  // the case this test is about did occur
}

TEST_CASE("the compact batch counts every query and times one in sixteen") {
  kimi::Engine& e = committed();
  e.reset_metrics();
  std::vector<std::string> owned;
  for (int i = 0; i < 64; ++i) owned.push_back("how do I list files in a directory, variant " + std::to_string(i));
  std::vector<std::string_view> texts(owned.begin(), owned.end());
  std::vector<kimi::BatchItem> items(texts.size());
  e.query_batch(texts.data(), texts.size(), items.data(), {-1, false, false});
  const kimi::MetricsSnapshot m = e.metrics();
  CHECK(m.queries == 64);
  CHECK(m.cache_bypassed == 64);
  CHECK(m.total.count == 4);  // queries 0, 16, 32 and 48
  CHECK(m.features.count == 4);
  CHECK(m.total.p50_us > 0.0);
  e.query(texts[1], {-1, false, false});  // a single query() is always timed
  CHECK(e.metrics().total.count == 5);
}

TEST_CASE("the conversation remembers answers served from the cache, knowledge text and computed text alike") {
  // Knowledge answers are remembered by pointer, computed ones by copy: a computed answer served from a cache
  // entry must survive that entry being reused by the next query.
  kimi::Engine& e = committed();
  e.reset_conversation();
  e.clear_cache();
  const std::string git = std::string(e.query("How do I undo my last git commit?").answer);
  REQUIRE(e.query("How do I undo my last git commit?").cached);
  CHECK(std::string(e.query("repeat your last answer").answer) == git);

  e.clear_cache();
  e.query("what is 17*23");
  REQUIRE(e.query("what is 17*23").cached);  // this turn's answer comes from cache entry 0
  e.clear_cache();
  REQUIRE(std::string(e.query("what is 5+5").answer).find("10") != std::string::npos);  // entry 0 rewritten
  const std::string before = std::string(e.query("go back to your previous answer").answer);
  CHECK(before.find("391") != std::string::npos);
  CHECK(before.find("= 10") == std::string::npos);
}
