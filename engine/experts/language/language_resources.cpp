// Loading the language expert's data and routing intents to lookups (see language_resources.h).
#include "experts/language/language_resources.h"

namespace kimi {

Status LanguageResources::load(std::string_view phrasebook_json, std::string_view dictionary_json) {
  Phrasebook phrasebook;
  Dictionary dictionary;
  Status s = phrasebook.load(phrasebook_json);
  if (!s.ok()) return s;
  s = dictionary.load(dictionary_json);
  if (!s.ok()) return s;
  phrasebook_ = std::move(phrasebook);
  dictionary_ = std::move(dictionary);
  return {};
}

bool LanguageResources::answer(std::string_view intent_id, std::string_view q, Buffer& out) const {
  out.clear();
  if (intent_id == "translate_phrase" || intent_id == "greetings_thanks_phrases") return translate(q, out);
  if (intent_id == "word_definition") return define(q, out);
  if (intent_id == "synonyms_antonyms") return synonyms(q, out);
  return false;
}

}  // namespace kimi
