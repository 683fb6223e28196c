// Language names in a query: which of the phrasebook's six languages (or another language) it asks for,
// and which name is only the source ("from english", "english to italian").
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "experts/language/slot_text.h"

namespace kimi {

inline constexpr int kNumLanguages = 6;    // phrasebook column order: en es fr de it pt
inline constexpr int kEnglish = 0;
inline constexpr int kOtherLanguage = 6;   // a language the phrasebook does not have (japanese, dutch, ...)
inline constexpr std::size_t kMaxMentions = 8;

std::string_view language_code(int lang);     // "en" .. "pt"
std::string_view language_display(int lang);  // "English" .. "Portuguese"

enum class MentionRole : uint8_t { kBare, kTarget, kSource };

struct LanguageMention {
  int lang = 0;                  // 0..5, or kOtherLanguage
  std::string_view display;      // "Spanish", "Japanese"
  Span name;                     // the name's bytes in the query
  std::size_t marker_begin = 0;  // start of the "to"/"in"/"from" before the name, else name.begin
  MentionRole role = MentionRole::kBare;
  bool chosen = false;           // set by choose_targets: this mention is a requested target
};

// Language names in q, in order: English names (one typo allowed: "germn", "portugese"), native names
// ("español", "deutsch", "inglés") and the French/Spanish/German/Italian/Portuguese names of the six.
// Role from the word before: to/into/in/en/auf/em/al/ao/para mark a target, from/de/von/du/da a source.
std::size_t find_language_mentions(std::string_view q, LanguageMention* out, std::size_t max);

struct TargetLanguages {
  uint8_t mask = 0;                          // bit l set: translate into language l
  std::array<std::string_view, 3> others{};  // requested languages the phrasebook does not have
  std::size_t num_others = 0;
  bool any() const { return mask != 0 || num_others != 0; }
  int count() const;
};

// Picks the requested targets among mentions outside the `skip` spans (quoted text) and marks them chosen:
// marked targets plus bare names listed right after one ("in french, spanish and italian"); when nothing
// is marked, every bare name that is not a source ("translate 'x' to 4 languages - spanish french").
TargetLanguages choose_targets(std::string_view q, LanguageMention* m, std::size_t n, const Span* skip,
                               std::size_t num_skip);

// Where a phrase that starts at `from` ends: the first chosen target or source mention after it (at its
// marker), or q.size().
std::size_t phrase_end(std::string_view q, std::size_t from, const LanguageMention* m, std::size_t n);

}  // namespace kimi
