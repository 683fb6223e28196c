// The language expert's real lookups: translations from the offline phrasebook, definitions, synonyms and
// antonyms from the offline dictionary. Slot extraction only: the expert network has already chosen the
// intent, these functions find the phrase/word and the target language in the normalized query.
//
//   kimi::LanguageResources res;
//   kimi::Status s = res.load(phrasebook_json, dictionary_json);   // at engine load
//   kimi::TextBuffer<4096> out;
//   if (res.answer(intent.id, normalized_query, out)) show(out.view());  // handled (maybe "not in my data")
//   else show(intent.answer);                                              // the intent's generic answer
//
// After load, lookups allocate nothing and read the query only within its bounds.
#pragma once
#include <string_view>

#include "core/text_buffer.h"
#include "experts/language/dictionary.h"
#include "experts/language/phrasebook.h"
#include "kimi/kimi.h"

namespace kimi {

class LanguageResources {
 public:
  using Buffer = TextBuffer<4096>;

  // Validates both files (ErrorCode::kKnowledgeInvalid, message naming the file and the problem). On failure
  // the previously loaded data, if any, stays.
  Status load(std::string_view phrasebook_json, std::string_view dictionary_json);
  bool loaded() const { return phrasebook_.size() > 0 && dictionary_.size() > 0; }

  // Each returns true when it wrote an answer to `out` (including an honest "that is beyond my offline
  // phrasebook/dictionary"), false (out empty) to fall back to the intent's knowledge answer.
  bool translate(std::string_view normalized_query, Buffer& out) const;
  bool define(std::string_view normalized_query, Buffer& out) const;
  bool synonyms(std::string_view normalized_query, Buffer& out) const;

  // Routes by intent id: translate_phrase and greetings_thanks_phrases -> translate, word_definition ->
  // define, synonyms_antonyms -> synonyms; any other id -> false.
  bool answer(std::string_view intent_id, std::string_view normalized_query, Buffer& out) const;

  const Phrasebook& phrasebook() const { return phrasebook_; }
  const Dictionary& dictionary() const { return dictionary_; }

 private:
  Phrasebook phrasebook_;
  Dictionary dictionary_;
};

}  // namespace kimi
