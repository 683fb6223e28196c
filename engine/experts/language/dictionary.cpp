// Dictionary loading, validation and lookup (see dictionary.h).
#include "experts/language/dictionary.h"

#include <algorithm>
#include <cstring>

#include "experts/language/edit_distance.h"
#include "experts/language/json_reader.h"

namespace kimi {
namespace {

constexpr std::string_view kWhere = "dictionary.json: ";
constexpr std::string_view kPartsOfSpeech[] = {"noun",        "verb",    "adjective",    "adverb",    "preposition",
                                               "conjunction", "pronoun", "interjection", "determiner"};
constexpr std::size_t kMaxListItems = 20;
constexpr std::size_t kMaxDefinitionBytes = 400;

Status bad(const std::string& msg) { return {ErrorCode::kKnowledgeInvalid, std::string(kWhere) + msg}; }

bool valid_word(const std::string& w) {
  if (w.empty() || w.size() > Dictionary::kMaxWordBytes || w.front() == ' ' || w.back() == ' ') return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\'')) return false;
  return w.find("  ") == std::string::npos;
}

// Checks "synonyms"/"antonyms": an array of at most kMaxListItems non-empty strings.
bool read_list(const nlohmann::json& e, const char* field, bool required, std::vector<std::string>* out) {
  if (!e.contains(field)) return !required;
  const auto& a = e[field];
  if (!a.is_array() || a.size() > kMaxListItems || (required && a.empty())) return false;
  for (const auto& s : a) {
    if (!s.is_string() || s.get<std::string>().empty() || s.get<std::string>().size() > Dictionary::kMaxWordBytes) return false;
    out->push_back(s.get<std::string>());
  }
  return true;
}

// Irregular forms of words the dictionary is likely to hold.
struct Irregular { std::string_view form, base; };
constexpr Irregular kIrregular[] = {
    {"said", "say"},     {"says", "say"},     {"thought", "think"}, {"made", "make"},    {"got", "get"},
    {"gotten", "get"},   {"gave", "give"},    {"given", "give"},    {"took", "take"},   {"taken", "take"},
    {"ran", "run"},      {"built", "build"},  {"began", "begin"},   {"begun", "begin"}, {"kept", "keep"},
    {"forgot", "forget"}, {"forgotten", "forget"}, {"won", "win"},  {"lost", "lose"},   {"sold", "sell"},
    {"bought", "buy"},   {"better", "good"},  {"best", "good"},     {"worse", "bad"},   {"worst", "bad"},
    {"cried", "cry"},    {"laughed", "laugh"}, {"bigger", "big"},   {"biggest", "big"},
};

// Suffix rules: strip `suffix`, then append `add`; `undouble` also tries dropping a doubled last consonant.
struct Suffix { std::string_view suffix, add; bool undouble; };
constexpr Suffix kSuffixes[] = {
    {"iest", "y", false}, {"ier", "y", false}, {"ies", "y", false}, {"ied", "y", false}, {"ily", "y", false},
    {"ing", "", true},    {"ing", "e", false}, {"est", "", true},   {"est", "e", false}, {"ed", "", true},
    {"ed", "e", false},   {"er", "", true},    {"er", "e", false},  {"es", "", false},   {"s", "", false},
    {"ly", "", false},
};

void count_letters(std::string_view w, std::array<uint8_t, 27>* c) {
  c->fill(0);
  for (char ch : w) {
    uint8_t& slot = (*c)[ch >= 'a' && ch <= 'z' ? ch - 'a' : 26];
    if (slot < 255) ++slot;
  }
}

// Every edit changes the letter counts by at most 2, so half their difference is a lower bound on the edits.
int edit_lower_bound(const std::array<uint8_t, 27>& a, const std::array<uint8_t, 27>& b) {
  int diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
  return (diff + 1) / 2;
}

}  // namespace

Status Dictionary::load(std::string_view json) {
  nlohmann::json j;
  std::string error;
  if (!parse_json_reporting(json, &j, &error)) return bad(error);
  if (!j.is_object() || !j.contains("words") || !j["words"].is_array() || j["words"].empty())
    return bad("the top level must be an object with a non-empty array \"words\"");
  std::vector<DictionaryEntry> entries;
  std::size_t index = 0;
  for (const auto& e : j["words"]) {
    const std::string at = "word #" + std::to_string(index++);
    if (!e.is_object()) return bad(at + " is not an object");
    for (auto it = e.begin(); it != e.end(); ++it) {
      const std::string& k = it.key();
      if (k != "word" && k != "pos" && k != "definition" && k != "synonyms" && k != "antonyms")
        return bad(at + " has an unknown field \"" + k + "\" (allowed: word, pos, definition, synonyms, antonyms)");
    }
    DictionaryEntry d;
    if (!e.contains("word") || !e["word"].is_string() || !valid_word(e["word"].get<std::string>()))
      return bad(at + " needs a \"word\" of lowercase letters (spaces, hyphens and apostrophes inside), at most " +
                 std::to_string(kMaxWordBytes) + " bytes");
    d.word = e["word"].get<std::string>();
    const std::string named = at + " (\"" + d.word + "\")";
    if (!e.contains("pos") || !e["pos"].is_string() ||
        std::find(std::begin(kPartsOfSpeech), std::end(kPartsOfSpeech), e["pos"].get<std::string>()) ==
            std::end(kPartsOfSpeech))
      return bad(named + " needs a \"pos\": noun, verb, adjective, adverb, preposition, conjunction, pronoun, "
                         "interjection or determiner");
    d.pos = e["pos"].get<std::string>();
    if (!e.contains("definition") || !e["definition"].is_string() || e["definition"].get<std::string>().empty() ||
        e["definition"].get<std::string>().size() > kMaxDefinitionBytes)
      return bad(named + " needs a non-empty string \"definition\" of at most " +
                 std::to_string(kMaxDefinitionBytes) + " bytes");
    d.definition = e["definition"].get<std::string>();
    if (!read_list(e, "synonyms", true, &d.synonyms))
      return bad(named + " needs \"synonyms\": an array of 1 to " + std::to_string(kMaxListItems) + " non-empty strings");
    if (!read_list(e, "antonyms", false, &d.antonyms))
      return bad(named + " \"antonyms\" must be an array of at most " + std::to_string(kMaxListItems) +
                 " non-empty strings");
    entries.push_back(std::move(d));
  }
  std::sort(entries.begin(), entries.end(),
            [](const DictionaryEntry& a, const DictionaryEntry& b) { return a.word < b.word; });
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (entries[i].word == entries[i - 1].word) return bad("the word \"" + entries[i].word + "\" appears twice");
  std::vector<LetterCounts> letters(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) count_letters(entries[i].word, &letters[i]);
  entries_ = std::move(entries);
  letters_ = std::move(letters);
  return {};
}

const DictionaryEntry* Dictionary::find(std::string_view word) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), word,
                             [](const DictionaryEntry& e, std::string_view w) { return std::string_view(e.word) < w; });
  return it != entries_.end() && it->word == word ? &*it : nullptr;
}

const DictionaryEntry* Dictionary::find_base_form(std::string_view word) const {
  for (const Irregular& r : kIrregular)
    if (word == r.form) return find(r.base);
  if (word.size() < 4 || word.size() > kMaxWordBytes) return nullptr;
  char buf[kMaxWordBytes + 2];
  for (const Suffix& s : kSuffixes) {
    if (word.size() < s.suffix.size() + 2 || word.compare(word.size() - s.suffix.size(), s.suffix.size(), s.suffix) != 0)
      continue;
    const std::size_t stem = word.size() - s.suffix.size();
    std::memcpy(buf, word.data(), stem);
    std::memcpy(buf + stem, s.add.data(), s.add.size());
    if (const DictionaryEntry* e = find(std::string_view(buf, stem + s.add.size()))) return e;
    // "bigger" -> "bigg" -> "big", "running" -> "run"
    if (s.undouble && stem >= 3 && buf[stem - 1] == buf[stem - 2])
      if (const DictionaryEntry* e = find(std::string_view(buf, stem - 1))) return e;
  }
  return nullptr;
}

const DictionaryEntry* Dictionary::closest(std::string_view word) const {
  const int max = word.size() <= 4 ? 1 : 2;
  if (word.size() > kMaxWordBytes + 2) return nullptr;
  LetterCounts counts;
  count_letters(word, &counts);
  const DictionaryEntry* best = nullptr;
  int best_d = max + 1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::size_t len = entries_[i].word.size();
    if (len + max < word.size() || word.size() + max < len) continue;  // length alone rules it out
    if (edit_lower_bound(counts, letters_[i]) >= best_d) continue;
    const int d = bounded_edit_distance(word, entries_[i].word, best_d - 1);
    if (d < best_d) {
      best_d = d;
      best = &entries_[i];
    }
  }
  return best_d <= max ? best : nullptr;
}

}  // namespace kimi
