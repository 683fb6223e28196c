// Byte-level helpers that pull slots (a quoted phrase, the words after a cue, a lookup key) out of a
// normalized query without allocating: everything returns views into the query or writes a caller buffer.
#pragma once
#include <cstddef>
#include <string_view>

namespace kimi {

inline constexpr std::size_t kMaxQuotedSpans = 4;
inline constexpr std::size_t kMaxKeyBytes = 256;  // longest lookup key; a longer text cannot be in the data

struct Span {
  std::size_t begin = 0, end = 0;  // byte offsets into the query, end exclusive
  std::string_view of(std::string_view q) const { return q.substr(begin, end - begin); }
};

// Length in bytes of the punctuation code point starting at s[i] (ASCII punctuation other than '-',
// and “ ” ‘ ’ „ « » ¡ ¿ … – —), or 0 when s[i] starts a letter, digit, space or anything else.
std::size_t punct_len(std::string_view s, std::size_t i);

// Word characters are everything except spaces and punctuation.
bool is_word_char_at(std::string_view s, std::size_t i);
// Whether the code point that ends just before byte p is a word character.
bool word_char_before(std::string_view s, std::size_t p);

// Position of `cue` in q at or after `from`, with a word boundary on both sides; npos when absent.
std::size_t find_cue(std::string_view q, std::string_view cue, std::size_t from = 0);

// Quoted parts of q, in order: "...", '...', “...”, ‘...’, «...», „...“. A single quote only opens after a
// space or punctuation and only closes before one, so apostrophes (what's, s'il) are not quotes.
// Returns how many spans (trimmed, non-empty) were written, at most kMaxQuotedSpans.
std::size_t find_quoted(std::string_view q, Span* out);

// s without spaces and punctuation at either end.
std::string_view trim_slot(std::string_view s);

// s after the leading word sequence `w` (followed by a space or the end), trimmed; s itself when absent.
std::string_view skip_prefix(std::string_view s, std::string_view w);
// s before the trailing word sequence `w` (preceded by a space or the start), trimmed; s itself when absent.
std::string_view skip_suffix(std::string_view s, std::string_view w);

// The next word of s at or after byte `from` (which must be on a code point boundary): spaces and whole
// punctuation sequences are skipped. Returns false when there is none.
bool next_word(std::string_view s, std::size_t from, Span* word);

// The first word of s (letters, digits, inner apostrophes and hyphens); empty when s starts with none.
std::string_view first_word(std::string_view s);
// The first n words of s and the space between them; fewer when s has fewer.
std::string_view first_words(std::string_view s, int n);

// Writes the lookup key of a lowercase text into out: punctuation removed (’ becomes '), spaces folded,
// apostrophes kept only inside words. Returns its length, or cap + 1 when it does not fit.
std::size_t make_key(std::string_view lowercase, char* out, std::size_t cap);

// Writes a key with Latin-1 accents removed (é -> e, ñ -> n, ß -> ss) for spelling suggestions only: a
// lookup never ignores accents. Returns its length, or cap + 1 when it does not fit.
std::size_t fold_accents(std::string_view key, char* out, std::size_t cap);

}  // namespace kimi
