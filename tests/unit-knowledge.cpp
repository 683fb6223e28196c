// knowledge base: parsing and validation of models/knowledge/<domain>.json.
#include <catch2/catch.hpp>

#include "knowledge/knowledge_base.h"
#include "test_support.h"

using kimi::ErrorCode;

TEST_CASE("a valid knowledge file parses") {
  kimi::KnowledgeBase kb;
  REQUIRE(kimi::parse_knowledge(kimi_test::tiny_knowledge(1), 1, &kb).ok());
  REQUIRE(kb.intents.size() == 2);
  CHECK(kb.find("coding_b")->title == "coding topic b");
  CHECK(kb.find("nope") == nullptr);
}

TEST_CASE("invalid knowledge files are rejected with the reason") {
  kimi::KnowledgeBase kb;
  auto msg = [&](const std::string& json, int d = 0) { return kimi::parse_knowledge(json, d, &kb).message; };
  CHECK(msg("not json").find("not valid JSON") != std::string::npos);
  CHECK(msg("[]").find("not an object") != std::string::npos);
  CHECK(msg(kimi_test::tiny_knowledge(1), 0).find("\"domain\" must be \"reasoning\"") != std::string::npos);
  CHECK(msg(R"({"domain":"reasoning","intents":[]})").find("non-empty array") != std::string::npos);
  CHECK(msg(R"({"domain":"reasoning","intents":[{"id":"a","title":"t"}]})").find("\"answer\"") != std::string::npos);
  CHECK(msg(R"({"domain":"reasoning","intents":[{"id":"A b","title":"t","answer":"x"}]})").find("may only hold") != std::string::npos);
  CHECK(msg(R"({"domain":"reasoning","intents":[{"id":"a","title":"t","answer":"x"},{"id":"a","title":"t","answer":"y"}]})")
            .find("appears twice") != std::string::npos);
  CHECK(kimi::parse_knowledge("{", 0, &kb).code == ErrorCode::kKnowledgeInvalid);
}

TEST_CASE("every committed knowledge file is valid and non-trivial") {
  for (int d = 0; d < kimi::kNumDomains; ++d) {
    kimi::KnowledgeBase kb;
    std::string text = kimi_test::read_file(std::string(KIMI_MODELS_DIR) + "/knowledge/" + kimi::domain_name(d) + ".json");
    kimi::Status s = kimi::parse_knowledge(text, d, &kb);
    INFO(s.message);
    REQUIRE(s.ok());
    CHECK(kb.intents.size() >= 12);
    for (const auto& i : kb.intents) CHECK(i.answer.size() >= 40);
  }
}

TEST_CASE("an engine refuses knowledge that lacks an intent the model predicts") {
  auto k = kimi_test::tiny_knowledge_all();
  k[4] = R"({"domain":"tool_use","intents":[{"id":"tool_use_a","title":"t","answer":"x"}]})";
  kimi::LoadResult r = kimi_test::load_bytes(kimi::serialize_model(kimi_test::tiny_model()), k);
  CHECK_FALSE(r.engine);
  CHECK(r.status.code == ErrorCode::kKnowledgeInvalid);
  CHECK(r.status.message.find("tool_use_b") != std::string::npos);
}

TEST_CASE("committed knowledge covers what the experts promise") {
  auto load = [](int d) {
    kimi::KnowledgeBase kb;
    std::string text = kimi_test::read_file(std::string(KIMI_MODELS_DIR) + "/knowledge/" + kimi::domain_name(d) + ".json");
    REQUIRE(kimi::parse_knowledge(text, d, &kb).ok());
    return kb;
  };
  CHECK(load(0).intents.size() >= 32);  // reasoning topics
  CHECK(load(1).intents.size() >= 48);  // coding tasks
  const kimi::KnowledgeBase tools = load(4);
  CHECK(tools.intents.size() >= 48);
  // Every recipe that runs a command known to destroy data says so.
  int destructive = 0;
  for (const auto& i : tools.intents) {
    for (const char* danger : {"reset --hard", "rm -rf", "system prune", "-delete", "branch -D", "crontab -r", "kill -9"}) {
      if (i.answer.find(danger) != std::string::npos) {
        INFO(i.id << " mentions " << danger);
        CHECK(i.answer.find("WARNING") != std::string::npos);
        ++destructive;
        break;
      }
    }
  }
  CHECK(destructive >= 5);
}
