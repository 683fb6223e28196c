// context expert: conversation memory and the answers computed from it.
#include <catch2/catch.hpp>
#include <string>

#include "experts/context_expert.h"

namespace {
struct Fixture {
  kimi::ConversationMemory mem;
  kimi::AnswerBuffer out;
  std::vector<kimi::Intent> coding{
      {"reverse_string", "reversing a string", "Slice it backwards with s[::-1]. It makes a reversed copy.", {}, {}},
      {"parse_json", "parsing json", "json.loads(text) parses JSON.", {}, {}},
      {"sort_list", "sorting a list", "sorted(xs) returns a sorted copy.", {}, {}}};
  kimi::IntentTable table;
  Fixture() {
    for (auto& i : coding) table[1].push_back(&i);
  }
  std::string ask(const std::string& id, const std::string& query = "") {
    kimi::Intent intent{id, id, "FALLBACK", {}, {}};
    return std::string(kimi::answer_from_memory(intent, query, mem, table, out).answer);
  }
  void turn(const std::string& q, int intent) {
    const int related[2] = {(intent + 1) % 3, (intent + 2) % 3};
    mem.add(q, 1, intent, related, coding[intent].answer);
  }
};
}  // namespace

TEST_CASE("with no conversation the knowledge answer is given") {
  Fixture f;
  for (const char* id : {"first_question", "last_question", "repeat_answer", "shorter_answer", "previous_answer",
                         "summarize_chat", "topics_discussed", "count_questions", "recall_name", "continue"})
    CHECK(f.ask(id) == "FALLBACK");
}

TEST_CASE("questions and answers are recalled from memory") {
  Fixture f;
  f.turn("how to reverse a string in python", 0);
  f.turn("parse json please", 1);
  CHECK(f.ask("first_question") == "Your first question was: \"how to reverse a string in python\"");
  CHECK(f.ask("last_question") == "You just asked: \"parse json please\"");
  CHECK(f.ask("repeat_answer") == "json.loads(text) parses JSON.");
  CHECK(f.ask("previous_answer").find("s[::-1]") != std::string::npos);
  CHECK(f.ask("count_questions") == "You have asked 2 questions before this one.");
  std::string topics = f.ask("topics_discussed");
  CHECK(topics.find("reversing a string") != std::string::npos);
  CHECK(topics.find("parsing json") != std::string::npos);
  std::string summary = f.ask("summarize_chat");
  CHECK(summary.find("coding: reversing a string, parsing json") != std::string::npos);
}

TEST_CASE("shorter answer is the first sentence of the last answer") {
  Fixture f;
  f.turn("reverse", 0);
  CHECK(f.ask("shorter_answer") == "Slice it backwards with s[::-1].");
}

TEST_CASE("continue names the runner-up topics honestly") {
  Fixture f;
  f.turn("reverse a string", 0);
  std::string a = f.ask("continue");
  CHECK(a.find("reversing a string") != std::string::npos);
  CHECK(a.find("parsing json") != std::string::npos);
  CHECK(a.find("sorting a list") != std::string::npos);
}

TEST_CASE("remember, recall and forget a name") {
  Fixture f;
  CHECK(f.ask("remember_name", "remember that my name is ada lovelace") ==
        "Nice to meet you, Ada Lovelace. I'll remember your name in this conversation.");
  CHECK(f.ask("recall_name") == "Your name is Ada Lovelace.");
  CHECK(f.ask("forget_name") == "Done: I've forgotten your name.");
  CHECK(f.ask("recall_name") == "FALLBACK");
  CHECK(f.ask("remember_name", "call me sam please").find("Sam.") != std::string::npos);
  CHECK(f.ask("remember_name", "remember this").find("couldn't find a name") != std::string::npos);
}

TEST_CASE("forget everything clears the memory and is not recorded") {
  Fixture f;
  f.turn("reverse", 0);
  f.ask("remember_name", "my name is bob");
  kimi::Intent intent{"forget_all", "t", "x", {}, {}};
  auto reply = kimi::answer_from_memory(intent, "forget everything", f.mem, f.table, f.out);
  CHECK_FALSE(reply.record_turn);
  CHECK(f.mem.size() == 0);
  CHECK(f.mem.name().empty());
  CHECK(f.ask("first_question") == "FALLBACK");
}

TEST_CASE("the ring keeps the latest turns and the very first question") {
  kimi::ConversationMemory mem;
  const int related[2] = {-1, -1};
  for (int i = 0; i < 100; ++i) mem.add("q" + std::to_string(i), 0, 0, related, "a");
  CHECK(mem.size() == kimi::ConversationMemory::kMaxTurns);
  CHECK(mem.total() == 100);
  CHECK(mem.first()->query_text() == "q0");
  CHECK(mem.recent(0).query_text() == "q99");
}

TEST_CASE("long turns are cut on a UTF-8 boundary") {
  kimi::ConversationMemory mem;
  const int related[2] = {-1, -1};
  std::string q;
  for (int i = 0; i < 400; ++i) q += "é";
  mem.add(q, 0, 0, related, q + q + q);
  CHECK(mem.recent(0).query_text().size() <= kimi::ConversationMemory::kMaxQueryBytes);
  CHECK(mem.recent(0).query_text().size() % 2 == 0);
  CHECK(mem.recent(0).answer_text().size() % 2 == 0);
}
