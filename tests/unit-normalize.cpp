// normalize: UTF-8 validation, lowercasing, whitespace folding, the 4096-byte cap.
#include <catch2/catch.hpp>
#include <string>

#include "text/normalize.h"

using kimi::kMaxNormalizedBytes;
using kimi::NormalizeStats;

namespace {
std::string norm(const std::string& in, NormalizeStats* st = nullptr) {
  static char buf[kMaxNormalizedBytes];
  NormalizeStats local;
  std::size_t n = kimi::normalize(in, buf, st ? st : &local);
  return std::string(buf, n);
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    uint32_t cp;
    bool ok;
    i += kimi::decode_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), i, &cp, &ok);
    if (!ok) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("normalize lowercases and folds whitespace") {
  CHECK(norm("  Hello\t\tWORLD \n") == "hello world");
  CHECK(norm("a\r\nb") == "a b");
  CHECK(norm("") == "");
  CHECK(norm(" \t\n\r ") == "");
}

TEST_CASE("normalize lowercases accented, Greek and Cyrillic letters and counts uppercase") {
  NormalizeStats st;
  CHECK(norm("ÉCOLE Ñandú ΑΒΓ ПРИВЕТ", &st) == "école ñandú αβγ привет");
  CHECK(st.uppercase == 15);  // É C O L E, Ñ, Α Β Γ, П Р И В Е Т
  CHECK_FALSE(st.invalid_utf8);
}

TEST_CASE("control characters and NUL bytes become spaces") {
  std::string in = std::string("a\0b", 3) + "\x01\x1f" + "c\x7f" + "d";
  CHECK(norm(in) == "a b c d");
}

TEST_CASE("Unicode spaces fold, emoji and right-to-left text pass through") {
  CHECK(norm("a\xC2\xA0\xE2\x80\x83z") == "a z");  // no-break space, em space
  CHECK(norm("hi 😀") == "hi 😀");
  CHECK(norm("שלום עולם") == "שלום עולם");
}

TEST_CASE("invalid UTF-8 is replaced by U+FFFD and flagged") {
  SECTION("lone continuation byte") {
    NormalizeStats st;
    CHECK(norm("a\x80z", &st) == "a\xEF\xBF\xBDz");
    CHECK(st.invalid_utf8);
  }
  SECTION("overlong encoding") { CHECK(norm("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); }
  SECTION("surrogate") { CHECK(valid_utf8(norm("\xED\xA0\x80"))); }
  SECTION("truncated sequence at the end") {
    NormalizeStats st;
    CHECK(norm("ok\xE2\x82", &st) == "ok\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(st.invalid_utf8);
  }
  SECTION("above U+10FFFF") { CHECK(valid_utf8(norm("\xF4\x90\x80\x80"))); }
}

TEST_CASE("long input is truncated at 4096 bytes on a code point boundary") {
  SECTION("1 MB of ASCII") {
    NormalizeStats st;
    std::string out = norm(std::string(1 << 20, 'x'), &st);
    CHECK(out.size() == kMaxNormalizedBytes);
    CHECK(st.truncated);
  }
  SECTION("multibyte characters never split") {
    std::string in;
    for (int i = 0; i < 3000; ++i) in += "é";
    NormalizeStats st;
    std::string out = norm(in, &st);
    CHECK(st.truncated);
    CHECK(out.size() <= kMaxNormalizedBytes);
    CHECK(out.size() % 2 == 0);
    CHECK(valid_utf8(out));
  }
  SECTION("exactly 4096 bytes is not truncated") {
    NormalizeStats st;
    CHECK(norm(std::string(kMaxNormalizedBytes, 'a'), &st).size() == kMaxNormalizedBytes);
    CHECK_FALSE(st.truncated);
  }
}

TEST_CASE("random bytes always give valid UTF-8 within the cap") {
  uint64_t s = 42;
  for (int round = 0; round < 2000; ++round) {
    std::string in(static_cast<std::size_t>(round * 7 % 9000), '\0');
    for (auto& c : in) {
      s = s * 6364136223846793005ULL + 1;
      c = static_cast<char>(s >> 56);
    }
    std::string out = norm(in);
    REQUIRE(out.size() <= kMaxNormalizedBytes);
    REQUIRE(valid_utf8(out));
    REQUIRE((out.empty() || (out.front() != ' ' && out.back() != ' ')));
  }
}

// ASCII text goes through a 16-byte block path where it can; the result must be what the definition says,
// wherever the blocks start and end: lowercase, whitespace runs folded to one space, trimmed, letters counted.
TEST_CASE("ASCII text normalizes by the definition at every block alignment") {
  const char* pieces[] = {"a", "Q", "z", "M", " ", "  ", "\t", "\n", "?", "7", "~", "_", "\x7f", "abc", "XY", " z"};
  uint64_t s = 7;
  for (int round = 0; round < 20000; ++round) {
    std::string in;
    const int parts = static_cast<int>((s >> 40) % 50);
    for (int k = 0; k < parts; ++k) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      in += pieces[(s >> 33) % 16];
    }
    s = s * 6364136223846793005ULL + 1;
    std::string expect;
    uint32_t letters = 0, upper = 0;
    bool space = false;
    for (char c : in) {
      if (c <= ' ' || c == '\x7f') {
        space = !expect.empty();
        continue;
      }
      if (space) expect += ' ';
      space = false;
      const bool is_upper = c >= 'A' && c <= 'Z';
      letters += is_upper || (c >= 'a' && c <= 'z');
      upper += is_upper;
      expect += static_cast<char>(is_upper ? c + 32 : c);
    }
    NormalizeStats st;
    REQUIRE(norm(in, &st) == expect);
    REQUIRE(st.letters == letters);
    REQUIRE(st.uppercase == upper);
  }
}
