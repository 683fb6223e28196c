// The offline phrasebook (models/knowledge/phrasebook.json): common phrases in six languages, found by a
// punctuation-free lowercase key in any of them. Built and sorted at load; lookups only read.
//   {"languages": ["en","es","fr","de","it","pt"],
//    "phrases": [{"en": "Thank you", "es": "Gracias", ..., "en_alt": ["Thanks"]}, ...]}
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "experts/language/language_names.h"
#include "kimi/kimi.h"

namespace kimi {

struct PhraseHit {
  uint16_t phrase = 0;
  uint8_t lang = 0;      // language of the matched text (English for a variant)
  int16_t variant = -1;  // which English variant ("en_alt") matched, or -1
};

class Phrasebook {
 public:
  static constexpr std::size_t kMaxPhraseBytes = 200;
  static constexpr std::size_t kMaxHits = 8;  // a key shared by more phrases lists only the first ones

  // Validates and indexes the file; messages start with "phrasebook.json: ". On failure *this is unchanged.
  Status load(std::string_view json);

  std::size_t size() const { return entries_.size(); }
  std::string_view text(std::size_t phrase, int lang) const { return entries_[phrase].text[lang]; }
  // The matched form as written in the file ("Thanks a lot" for a variant).
  std::string_view matched_text(const PhraseHit& h) const;

  // Every text whose key equals `key` (see make_key), in phrase order; returns how many (at most max).
  std::size_t find(std::string_view key, PhraseHit* hits, std::size_t max) const;
  // The text whose key is nearest to `key` within max_distance edits, accents aside ("donde esta el bano"
  // suggests "¿Dónde está el baño?"); false when none is.
  bool closest(std::string_view key, int max_distance, PhraseHit* hit) const;
  // Whether some key starts with this word (a cheap test before looking up longer word runs).
  bool starts_a_key(std::string_view word) const;
  // Up to max phrases whose English shares the most words (3+ letters) with `key`, topped up with
  // well-known defaults; never `exclude`. Returns how many were written.
  std::size_t related(std::string_view key, int exclude, uint16_t* out, std::size_t max) const;

 private:
  struct Entry {
    std::array<std::string, kNumLanguages> text;
    std::vector<std::string> variants;  // other English wordings
    std::string en_key;
  };
  struct Key {
    std::string key;
    std::string folded;  // without accents, for suggestions
    uint16_t phrase;
    uint8_t lang;
    int16_t variant;
  };
  std::vector<Entry> entries_;
  std::vector<Key> keys_;  // sorted by (key, phrase, lang)
  std::vector<uint16_t> defaults_;
  std::vector<std::string> first_words_;  // sorted, unique: the first word of every key
};

}  // namespace kimi
