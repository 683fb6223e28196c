// features: hashed n-gram ids and dense statistics.
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>

#include "features/features.h"
#include "features/hashing.h"

namespace {
std::unique_ptr<kimi::Features> extract(const std::string& raw) {
  static char buf[kimi::kMaxNormalizedBytes];
  kimi::NormalizeStats st;
  std::size_t n = kimi::normalize(raw, buf, &st);
  auto f = std::make_unique<kimi::Features>();
  kimi::extract_features(std::string_view(buf, n), st, f.get());
  return f;
}
std::multiset<uint32_t> ids(const kimi::Features& f) { return {f.ids, f.ids + f.count}; }
}  // namespace

TEST_CASE("feature ids are deterministic and depend on the text") {
  auto a = extract("undo my last git commit");
  auto b = extract("undo my last git commit");
  auto c = extract("undo my last git push");
  CHECK(ids(*a) == ids(*b));
  CHECK(ids(*a) != ids(*c));
}

TEST_CASE("feature counts: words, bigrams and char 3-4-grams") {
  // "ab cd": 2 unigrams, 1 bigram; each word "<ab>" has 4 chars -> 2 trigrams + 1 four-gram = 3 char n-grams.
  auto f = extract("ab cd");
  CHECK(f->count == 2 + 1 + 3 + 3);
  // a single punctuation token has no char n-grams
  CHECK(extract("?")->count == 1);
}

TEST_CASE("char n-gram ids are the hashes of the n-grams of <word>") {
  // The extractor hashes incrementally; every id must still equal hashing the n-gram on its own (seed 0x33),
  // or a model trained with one would not match the other.
  auto f = extract("gits");
  std::multiset<uint32_t> expect;
  const std::string w = "<gits>";
  for (std::size_t start = 0; start < w.size(); ++start)
    for (std::size_t len = 3; len <= 4 && start + len <= w.size(); ++len)
      expect.insert(static_cast<uint32_t>(kimi::hash_bytes(w.data() + start, len, 0x33)));
  expect.insert(static_cast<uint32_t>(kimi::hash_bytes("gits", 4, 0x11)));  // the word itself
  CHECK(ids(*f) == expect);
}

TEST_CASE("word-level ids come first, then the char n-grams") {
  auto f = extract("undo git");
  REQUIRE(f->word_count == 3);  // two words and their bigram
  const uint32_t undo = static_cast<uint32_t>(kimi::hash_bytes("undo", 4, 0x11));
  const uint32_t git = static_cast<uint32_t>(kimi::hash_bytes("git", 3, 0x11));
  CHECK(f->ids[0] == undo);
  CHECK(std::find(f->ids, f->ids + 3, git) != f->ids + 3);
  // "<undo>" has 4 trigrams + 3 four-grams, "<git>" 3 + 2: all after the word-level prefix
  CHECK(f->count == 3 + 7 + 5);
  const uint32_t und = static_cast<uint32_t>(kimi::hash_bytes("<un", 3, 0x33));
  CHECK(std::find(f->ids + 3, f->ids + f->count, und) != f->ids + f->count);
}

TEST_CASE("word order matters through bigrams") {
  auto a = extract("dog bites man");
  auto b = extract("man bites dog");
  CHECK(a->count == b->count);
  CHECK(ids(*a) != ids(*b));
}

TEST_CASE("case and spacing do not change the features") {
  CHECK(ids(*extract("How  do I   UNDO")) == ids(*extract("how do i undo")));
}

TEST_CASE("dense statistics describe the text") {
  auto plain = extract("what does ephemeral mean");
  auto maths = extract("17*23+4=?");
  auto code = extract("std::vector<int> v{1,2};");
  CHECK(plain->dense[2] == 0.0f);        // no digits
  CHECK(maths->dense[2] > 0.3f);         // digits
  CHECK(maths->dense[3] > 0.2f);         // operators
  CHECK(maths->dense[7] == 1.0f);        // question mark
  CHECK(code->dense[4] > plain->dense[4]);  // code punctuation
  CHECK(extract("HELLO")->dense[5] == Approx(1.0f));
  for (float v : plain->dense) CHECK((v >= 0.0f && v <= 1.0f));
}

TEST_CASE("the id buffer bound holds for the worst cases") {
  std::string dense_words;
  for (std::size_t i = 0; i < 5000; ++i) dense_words += (i % 2 ? "." : "a");
  for (const std::string& s : {std::string(5000, 'a'), dense_words, std::string(5000, '{')}) {
    auto f = extract(s);
    CHECK(f->count > 0);
    CHECK(f->count <= kimi::kMaxFeatureIds);
  }
}
