// LanguageResources::define and ::synonyms: find the word in the query, look it up in the dictionary and
// write its definition or its synonyms and antonyms (or say plainly it is not in the dictionary).
#include <iterator>

#include "experts/language/language_names.h"
#include "experts/language/language_resources.h"
#include "experts/language/slot_text.h"
#include "experts/language/word_slots.h"

namespace kimi {
namespace {

using Buffer = LanguageResources::Buffer;

constexpr std::size_t kMaxAnswered = 3;  // words answered from one query ("define 'x', 'y' and 'z'")
constexpr std::size_t kEchoBytes = 60;

constexpr std::string_view kDefineAfter[] = {
    "define", "definition of", "definition for", "definition", "defintion of", "meaning of", "meaning",
    "what does", "what do", "what's", "whats", "what is", "what are", "explain", "mean of", "the word", "the term",
    "significa", "bedeutet", "veut dire", "meant by", "mean by"};
constexpr std::string_view kDefineBefore[] = {"meaning", "definition", "means", "mean"};
constexpr std::string_view kSynonymAfter[] = {
    "synonyms for", "synonym for", "synonyms of", "synonym of", "synonyms to", "synonym to", "synonyms",
    "synonym", "synonim for", "synonims for", "sinónimos de", "sinonimos de", "synonyme für", "synonymes de",
    "antonyms for", "antonym for", "antonyms of", "antonym of", "antonym to", "antonyms", "antonym",
    "opposite of", "opposite to", "opposite", "another word for", "other words for", "another way to say",
    "a word for", "words for", "word for", "word like", "words like", "similar to", "same as", "thesaurus",
    "replacement for", "alternative to", "alternatives to", "better word than", "better word for", "instead of"};
constexpr std::string_view kSynonymBefore[] = {"synonyms", "synonym", "antonyms", "antonym", "opposite"};
constexpr std::string_view kAntonymMarks[] = {"antonym", "opposite", "antónimo", "antonimo", "gegenteil", "contraire"};
constexpr std::string_view kSynonymMarks[] = {"synonym", "sinónimo", "sinonimo", "synonyme", "synonim"};

enum class Mode { kDefine, kSynonyms, kAntonyms, kBoth };

// "Is 'content' a synonym of 'happy'?" asks about a relation, not for a list.
bool asks_yes_no(std::string_view q) {
  for (std::string_view w : {"is ", "are ", "does ", "do ", "can ", "could ", "would "})
    if (q.substr(0, w.size()) == w) return true;
  return false;
}

bool contains_any(std::string_view q, const std::string_view* marks, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (q.find(marks[i]) != std::string_view::npos) return true;
  return false;
}
template <std::size_t N>
bool contains_any(std::string_view q, const std::string_view (&marks)[N]) { return contains_any(q, marks, N); }

void append_echo(Buffer& out, std::string_view s) {
  out.append("\"").append(utf8_prefix(s, kEchoBytes));
  if (s.size() > kEchoBytes) out.append("…");
  out.append("\"");
}

void append_list(Buffer& out, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) out.append(i ? ", " : "").append(items[i]);
  out.append(".");
}

void write_entry(Buffer& out, const WordLookup& w, Mode mode) {
  const DictionaryEntry& e = *w.entry;
  if (!w.base_form && !w.requested.empty() && w.requested != w.asked) {
    append_echo(out, w.requested);
    out.append(" is not in my offline dictionary as a whole, but \"").append(e.word).append("\" is:\n");
  }
  if (w.base_form) {
    append_echo(out, w.asked);
    out.append(" is a form of \"").append(e.word).append("\".\n");
  }
  if (mode == Mode::kDefine) {
    out.append(e.word).append(" (").append(e.pos).append("): ").append(e.definition);
    out.append("\nSynonyms: ");
    append_list(out, e.synonyms);
    if (!e.antonyms.empty()) {
      out.append("\nAntonyms: ");
      append_list(out, e.antonyms);
    }
    return;
  }
  const bool antonyms_first = mode == Mode::kAntonyms;
  if (antonyms_first && e.antonyms.empty()) {
    out.append("I have no antonym listed for \"").append(e.word).append("\" (").append(e.pos).append(").");
    out.append("\nSynonyms: ");
    append_list(out, e.synonyms);
    return;
  }
  out.append(antonyms_first ? "Antonyms of \"" : "Synonyms of \"").append(e.word).append("\" (").append(e.pos);
  out.append("): ");
  append_list(out, antonyms_first ? e.antonyms : e.synonyms);
  if (antonyms_first) {
    out.append("\nSynonyms: ");
    append_list(out, e.synonyms);
  } else if (!e.antonyms.empty()) {
    out.append("\nAntonyms: ");
    append_list(out, e.antonyms);
  }
}

bool listed(const std::vector<std::string>& items, std::string_view w) {
  for (const auto& s : items)
    if (s == w) return true;
  return false;
}

// "Is 'content' a synonym of 'happy'?": two quoted words, at least one in the dictionary.
bool write_relation(Buffer& out, const Dictionary& d, std::string_view a, std::string_view b) {
  const DictionaryEntry* ea = d.find(a);
  const DictionaryEntry* eb = d.find(b);
  if (!ea && !eb) return false;
  const bool syn = (eb && listed(eb->synonyms, a)) || (ea && listed(ea->synonyms, b));
  const bool ant = (eb && listed(eb->antonyms, a)) || (ea && listed(ea->antonyms, b));
  if (syn || ant) {
    out.append("Yes: ");
    append_echo(out, a);
    out.append(" and ");
    append_echo(out, b);
    out.append(syn ? " are listed as synonyms (similar meanings)." : " are listed as antonyms (opposite meanings).");
  } else {
    out.append("My dictionary does not list ");
    append_echo(out, a);
    out.append(" and ");
    append_echo(out, b);
    out.append(" as synonyms or antonyms.");
  }
  const DictionaryEntry* shown = eb ? eb : ea;
  out.append("\n");
  write_entry(out, WordLookup{shown, shown->word, false, {}}, Mode::kSynonyms);
  return true;
}

void write_unknown(Buffer& out, const LanguageResources& res, std::string_view word, Mode mode) {
  // A word from another language the phrasebook knows: "what does gracias mean".
  char key[kMaxKeyBytes];
  const std::size_t len = make_key(word, key, sizeof key);
  PhraseHit hits[Phrasebook::kMaxHits];
  const std::size_t n = len > 0 && len <= sizeof key ? res.phrasebook().find(std::string_view(key, len), hits, Phrasebook::kMaxHits) : 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (hits[i].lang == kEnglish) continue;
    append_echo(out, word);
    out.append(" is not an English word in my dictionary, but it is ").append(language_display(hits[i].lang));
    out.append(" for \"").append(res.phrasebook().text(hits[i].phrase, kEnglish)).append("\".");
    return;
  }
  append_echo(out, word);
  out.append(" is not in my offline dictionary (");
  out.append_uint(res.dictionary().size());
  out.append(mode == Mode::kDefine ? " common English words), so I can't define it reliably."
                                   : " common English words), so I can't list its synonyms or antonyms reliably.");
  if (const DictionaryEntry* near = res.dictionary().closest(word))
    out.append(" Did you mean \"").append(near->word).append("\"?");
}

bool answer_words(const LanguageResources& res, std::string_view q, const WordCues& cues, Mode mode, Buffer& out) {
  out.clear();
  if (!res.loaded() || q.empty()) return false;
  const Dictionary& dict = res.dictionary();
  WordSlot slots[kMaxWordSlots];
  const std::size_t ns = find_word_slots(q, cues, slots, kMaxWordSlots);
  if (mode != Mode::kDefine && ns >= 2 && slots[0].quoted && slots[1].quoted && asks_yes_no(q) &&
      write_relation(out, dict, trim_slot(slots[0].text), trim_slot(slots[1].text)))
    return true;

  WordLookup found[kMaxAnswered];
  std::size_t nf = 0;
  std::string_view missing[2];  // quoted words not found, named after the answer
  std::size_t nmiss = 0;
  for (std::size_t i = 0; i < ns && nf < kMaxAnswered; ++i) {
    WordLookup w;
    if (lookup_slot(dict, slots[i], &w)) {
      bool dup = false;
      for (std::size_t j = 0; j < nf; ++j) dup = dup || found[j].entry == w.entry;
      if (!dup) found[nf++] = w;
      if (!slots[i].quoted) break;  // cue slots are alternatives for one word
    } else if (slots[i].quoted && nmiss < 2 && !w.asked.empty()) {
      missing[nmiss++] = w.asked;
    }
  }
  // A quoted example sentence ("mitigate the risk") is context, not a word the user wants defined.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < nmiss; ++i) {
    bool context = first_words(missing[i], 4).size() < missing[i].size();
    for (std::size_t j = 0; j < nf && !context; ++j)
      context = missing[i].find(found[j].entry->word) != std::string_view::npos ||
                listed(found[j].entry->synonyms, missing[i]) || listed(found[j].entry->antonyms, missing[i]);
    if (!context) missing[kept++] = missing[i];
  }
  nmiss = kept;
  if (nf == 0 && ns > 0) {
    WordLookup first;
    lookup_slot(dict, slots[0], &first);
    write_unknown(out, res, first.asked.empty() ? trim_slot(slots[0].text) : first.asked, mode);
    return true;
  }
  if (nf == 0) {  // no quotes, no cue: a dictionary word anywhere in the query ("defenition of ambiguous")
    if (!scan_for_word(dict, q, &found[0])) return false;
    nf = 1;
  }
  for (std::size_t i = 0; i < nf; ++i) {
    if (i > 0) out.append("\n\n");
    write_entry(out, found[i], mode);
  }
  for (std::size_t i = 0; i < nmiss; ++i) {
    out.append(i == 0 ? "\n\n(" : " ");
    append_echo(out, missing[i]);
    out.append(" is not in my offline dictionary.");
    if (i + 1 == nmiss) out.append(")");
  }
  return true;
}

}  // namespace

bool LanguageResources::define(std::string_view q, Buffer& out) const {
  const WordCues cues{kDefineAfter, std::size(kDefineAfter), kDefineBefore, std::size(kDefineBefore)};
  return answer_words(*this, q, cues, Mode::kDefine, out);
}

bool LanguageResources::synonyms(std::string_view q, Buffer& out) const {
  const bool ant = contains_any(q, kAntonymMarks);
  const bool syn = contains_any(q, kSynonymMarks);
  const Mode mode = ant && syn ? Mode::kBoth : ant ? Mode::kAntonyms : Mode::kSynonyms;
  const WordCues cues{kSynonymAfter, std::size(kSynonymAfter), kSynonymBefore, std::size(kSynonymBefore)};
  return answer_words(*this, q, cues, mode, out);
}

}  // namespace kimi
