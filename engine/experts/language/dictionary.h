// The offline English dictionary (models/knowledge/dictionary.json): a definition, synonyms and antonyms
// for common words. Sorted at load; lookups only read.
//   {"words": [{"word": "ephemeral", "pos": "adjective", "definition": "...", "synonyms": [...],
//               "antonyms": [...]}, ...]}
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kimi/kimi.h"

namespace kimi {

struct DictionaryEntry {
  std::string word;  // lowercase; may be two words ("ad hoc")
  std::string pos;   // noun, verb, adjective, ...
  std::string definition;
  std::vector<std::string> synonyms;
  std::vector<std::string> antonyms;  // may be empty
};

class Dictionary {
 public:
  static constexpr std::size_t kMaxWordBytes = 48;

  // Validates and indexes the file; messages start with "dictionary.json: ". On failure *this is unchanged.
  Status load(std::string_view json);

  std::size_t size() const { return entries_.size(); }
  const DictionaryEntry* find(std::string_view word) const;
  // The entry of an inflected form: "bigger" -> big, "increases" -> increase, "said" -> say; or nullptr.
  const DictionaryEntry* find_base_form(std::string_view word) const;
  // The nearest spelling: within 1 edit for words of up to 4 bytes, 2 for longer ones; or nullptr.
  const DictionaryEntry* closest(std::string_view word) const;

 private:
  using LetterCounts = std::array<uint8_t, 27>;  // a..z and everything else, for a quick spelling bound
  std::vector<DictionaryEntry> entries_;  // sorted by word
  std::vector<LetterCounts> letters_;     // parallel to entries_
};

}  // namespace kimi
