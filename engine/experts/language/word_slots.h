// Finding the word a definition or thesaurus query is about: quoted words first, then the words after cues
// ("define", "synonyms for", "opposite of") or before them ("serendipity meaning"). Views into the query.
#pragma once
#include <cstddef>
#include <string_view>

#include "experts/language/dictionary.h"

namespace kimi {

inline constexpr std::size_t kMaxWordSlots = 8;

struct WordSlot {
  std::string_view text;  // the quoted text, or up to 3 words after/before a cue
  bool quoted = false;
};

struct WordCues {
  const std::string_view* after;  // the word follows the cue
  std::size_t num_after;
  const std::string_view* before;  // the word precedes the cue
  std::size_t num_before;
};

// Slots in the order they should be tried: quoted texts, then cue slots. A cue slot whose first word is a
// grammar word ("what does this word mean") is dropped: there is no word to look up.
std::size_t find_word_slots(std::string_view q, const WordCues& cues, WordSlot* out, std::size_t max);

struct WordLookup {
  const DictionaryEntry* entry = nullptr;
  std::string_view asked;  // the words that matched (or, when nothing did, the word to report)
  bool base_form = false;  // matched through an inflection ("bigger" -> big)
  std::string_view requested;  // the whole quoted text, when the match is only part of it ("paradigm shift")
};

// Looks a slot up: the whole slot, then its first 3, 2 and 1 words (after intensifiers such as "very"),
// exactly and then as an inflected form. On failure, `asked` is what to report as unknown.
bool lookup_slot(const Dictionary& d, const WordSlot& slot, WordLookup* out);

// The first dictionary word (two-word entries first) among the query's content words; for queries with
// no cue and no quotes ("defenition of ambiguous").
bool scan_for_word(const Dictionary& d, std::string_view q, WordLookup* out);

}  // namespace kimi
