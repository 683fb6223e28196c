// coding expert: the programming language is taken from the query and that language's snippet is shown.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "experts/code_language.h"
#include "experts/coding_expert.h"

namespace {
std::string lang(const std::string& q) { return std::string(kimi::detect_code_language(q).key); }
}  // namespace

TEST_CASE("programming languages are recognized by name and common tells") {
  CHECK(lang("how do i reverse a string in python") == "python");
  CHECK(lang("pyhton sort a dict by value") == "python");
  CHECK(lang("reverse a linked list in c++") == "cpp");
  CHECK(lang("std::vector remove duplicates") == "cpp");
  CHECK(lang("javascript promise all example") == "javascript");
  CHECK(lang("node read file line by line") == "javascript");
  CHECK(lang("typescript generic function") == "javascript");
  CHECK(lang("java hashmap iterate") == "java");
  CHECK(lang("golang http get request") == "go");
  CHECK(lang("how do i parse json in go") == "go");
  CHECK(lang("rust read file to string") == "rust");
  CHECK(lang("write a linked list in c") == "c");
  CHECK(lang("malloc and free a struct array") == "c");
}

TEST_CASE("ordinary English does not name a language") {
  CHECK(lang("how do i go about sorting a list") == "");
  CHECK(lang("write a function to reverse a string") == "");
  CHECK(lang("what is a closure") == "");
  CHECK(lang("grade c students") == "");
  CHECK(lang("javascripty things") == "");
}

TEST_CASE("the answer shows the asked language's snippet under the summary") {
  kimi::Intent in{"reverse_string", "reverse a string", "In Python, slice: s[::-1]", "Reverse the characters.",
                  {{"python", "print('abc'[::-1])\n"}, {"rust", "fn main() {\n    println!(\"cba\");\n}\n"}}};
  kimi::AnswerBuffer out;
  std::string rust(kimi::coding_answer(in, "reverse a string in rust", out));
  CHECK(rust == "Reverse the characters.\n\nRust (reverse a string):\n    fn main() {\n        println!(\"cba\");\n    }");
  CHECK(std::string(kimi::coding_answer(in, "reverse a string", out)) == "In Python, slice: s[::-1]");
  // A language without a snippet falls back to the generic answer.
  CHECK(std::string(kimi::coding_answer(in, "reverse a string in java", out)) == "In Python, slice: s[::-1]");
  std::string ts(kimi::coding_answer(in, "reverse a string in typescript", out));
  CHECK(ts.find("TypeScript runs this JavaScript") == std::string::npos);  // no javascript snippet here
}

TEST_CASE("every committed coding intent has a snippet in all seven languages") {
  // Parsed by the engine's own knowledge loader, through the test support reader.
  std::ifstream f(std::string(KIMI_MODELS_DIR) + "/knowledge/coding.json");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  kimi::KnowledgeBase kb;
  REQUIRE(kimi::parse_knowledge(text, 1, &kb).ok());
  REQUIRE(kb.intents.size() >= 48);
  for (const auto& i : kb.intents)
    for (const char* l : {"python", "javascript", "c", "cpp", "java", "go", "rust"}) {
      INFO(i.id << " " << l);
      CHECK(i.snippet(l) != nullptr);
    }
}
