// One query as the maths expert sees it: the canonical text, its tokens and the expression spans found in
// it, plus the small look-ups the solvers share (words, spans, "is everything else filler?").
#pragma once
#include <cstdint>
#include <string_view>

#include "core/text_buffer.h"
#include "experts/math/canonical.h"
#include "experts/math/parser.h"
#include "experts/math/tokens.h"

namespace kimi::math {

inline constexpr int kMaxSpans = 160;
using AnswerText = kimi::TextBuffer<4096>;

struct MathQuery {
  char text[kCanonCapacity];
  std::size_t len = 0;
  TokenList toks;
  ParseResult spans[kMaxSpans];  // maximal expressions, in order, non-overlapping
  int nspans = 0;
  ParseResult failure;           // the syntax error that got furthest, when has_failure
  bool has_failure = false;
  // Which token texts occur, as a 256-bit Bloom filter (two bits per text): the solvers try hundreds of word
  // patterns per query and most name a word the query does not have, so they are rejected here without a
  // scan. False positives only fall through to the exact scan; results are the same as without the filter.
  uint64_t token_bloom[4] = {};

  bool may_have_token(std::string_view w) const;
  // False when the pattern (see match_at) names a required word the query does not have: no match anywhere.
  bool could_match(std::string_view pattern) const;

  std::string_view canon() const { return std::string_view(text, len); }
  int find_word(std::string_view w, int from = 0) const;  // token index or -1
  bool has_word(std::string_view w) const { return find_word(w) >= 0; }
  // Consecutive words ("standard deviation"): index of the first, or -1.
  int find_phrase(std::string_view phrase, int from = 0) const;
  const ParseResult* span_at(int token) const;  // the span starting at token
  // Every token outside [begin, end) is a filler word or punctuation ("what is", "please", "?").
  bool pure_except(int begin, int end) const;
  // No prose: every word is filler, so a failed parse is a malformed expression rather than a sentence.
  bool words_all_filler() const;
  // Matches `pattern` at token `at`: words separated by spaces, "$" for one span (stored in slots in order),
  // "a|b" for alternatives, a trailing "?" for an optional word. Returns the token after the match, or -1.
  int match_at(int at, std::string_view pattern, const ParseResult** slots) const;
  // The first match anywhere; false when none.
  bool find_pattern(std::string_view pattern, const ParseResult** slots) const;
  // The canonical text of tokens [begin, end).
  std::string_view text_of(int begin, int end) const;
};

void analyze_query(std::string_view normalized, MathQuery* q);

// Strength of a span as a computation: operators, functions, factorials; a lone "a/b" does not count
// ("my recipe needs 3/4 cup" is not a request to divide).
int span_strength(const ParseResult& s);

}  // namespace kimi::math
