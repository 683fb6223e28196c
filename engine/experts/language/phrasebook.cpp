// Phrasebook loading, validation and lookup (see phrasebook.h).
#include "experts/language/phrasebook.h"

#include <algorithm>

#include "experts/language/edit_distance.h"
#include "experts/language/json_reader.h"
#include "experts/language/slot_text.h"
#include "text/normalize.h"

namespace kimi {
namespace {

constexpr std::string_view kWhere = "phrasebook.json: ";
constexpr std::string_view kDefaultPhrases[] = {"thank you very much", "where is the bathroom", "how much does it cost"};

Status bad(const std::string& msg) { return {ErrorCode::kKnowledgeInvalid, std::string(kWhere) + msg}; }

// The lookup key of a text from the file: normalized (lowercase, folded spaces) then make_key.
bool key_of(const std::string& text, std::string* key) {
  std::string lower(kMaxNormalizedBytes, '\0');
  lower.resize(normalize(text, lower.data(), nullptr));
  char buf[kMaxKeyBytes];
  const std::size_t n = make_key(lower, buf, sizeof buf);
  if (n == 0 || n > sizeof buf) return false;
  key->assign(buf, n);
  return true;
}

// True when `word` occurs in `text` as a whole space-separated word.
bool has_word(std::string_view text, std::string_view word) {
  for (std::size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    const std::size_t e = p + word.size();
    if ((p == 0 || text[p - 1] == ' ') && (e == text.size() || text[e] == ' ')) return true;
  }
  return false;
}

bool is_filler_word(std::string_view w) {
  for (std::string_view f : {"the", "and", "you", "your", "for", "are", "can", "does", "what", "how", "this", "that",
                             "with", "please", "have", "not", "don't", "i'm"})
    if (w == f) return true;
  return false;
}

}  // namespace

Status Phrasebook::load(std::string_view json) {
  nlohmann::json j;
  std::string error;
  if (!parse_json_reporting(json, &j, &error)) return bad(error);
  if (!j.is_object()) return bad("the top level must be an object with \"languages\" and \"phrases\"");
  const nlohmann::json expected = {"en", "es", "fr", "de", "it", "pt"};
  if (!j.contains("languages") || j["languages"] != expected)
    return bad("\"languages\" must be [\"en\",\"es\",\"fr\",\"de\",\"it\",\"pt\"], the engine's column order");
  if (!j.contains("phrases") || !j["phrases"].is_array() || j["phrases"].empty())
    return bad("\"phrases\" must be a non-empty array");
  if (j["phrases"].size() > 60000) return bad("\"phrases\" has more than 60000 entries");

  std::vector<Entry> entries;
  std::vector<Key> keys;
  std::size_t index = 0;
  for (const auto& e : j["phrases"]) {
    const std::string at = "phrase #" + std::to_string(index);
    if (!e.is_object()) return bad(at + " is not an object");
    for (auto it = e.begin(); it != e.end(); ++it) {
      bool known = it.key() == "en_alt";
      for (int l = 0; l < kNumLanguages; ++l) known = known || it.key() == language_code(l);
      if (!known)
        return bad(at + " has an unknown field \"" + it.key() + "\" (allowed: en, es, fr, de, it, pt, en_alt)");
    }
    Entry entry;
    const auto phrase = static_cast<uint16_t>(index);
    for (int l = 0; l < kNumLanguages; ++l) {
      const std::string code(language_code(l));
      if (!e.contains(code) || !e[code].is_string() || e[code].get<std::string>().empty())
        return bad(at + " needs a non-empty string \"" + code + "\"");
      entry.text[l] = e[code].get<std::string>();
      std::string key;
      if (entry.text[l].size() > kMaxPhraseBytes || !key_of(entry.text[l], &key))
        return bad(at + " \"" + code + "\" must have a letter and at most " + std::to_string(kMaxPhraseBytes) +
                   " bytes");
      if (l == kEnglish) entry.en_key = key;
      keys.push_back({std::move(key), {}, phrase, static_cast<uint8_t>(l), -1});
    }
    if (e.contains("en_alt")) {
      const auto& alts = e["en_alt"];
      if (!alts.is_array()) return bad(at + " \"en_alt\" must be an array of strings");
      for (const auto& a : alts) {
        std::string key;
        if (!a.is_string() || a.get<std::string>().empty() || a.get<std::string>().size() > kMaxPhraseBytes ||
            !key_of(a.get<std::string>(), &key))
          return bad(at + " \"en_alt\" must hold non-empty strings of at most " + std::to_string(kMaxPhraseBytes) +
                     " bytes");
        keys.push_back({std::move(key), {}, phrase, kEnglish, static_cast<int16_t>(entry.variants.size())});
        entry.variants.push_back(a.get<std::string>());
      }
    }
    entries.push_back(std::move(entry));
    ++index;
  }
  for (Key& k : keys) {
    char buf[2 * kMaxKeyBytes];
    const std::size_t n = fold_accents(k.key, buf, sizeof buf);
    k.folded.assign(buf, n <= sizeof buf ? n : 0);
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.phrase != b.phrase) return a.phrase < b.phrase;
    return a.lang < b.lang;
  });
  // One English wording must lead to one phrase; other languages may share words ("Bonjour").
  for (std::size_t i = 1; i < keys.size(); ++i) {
    const Key& a = keys[i - 1];
    const Key& b = keys[i];
    if (a.key == b.key && a.phrase != b.phrase && a.lang == kEnglish && b.lang == kEnglish)
      return bad("phrase #" + std::to_string(b.phrase) + " (\"" + entries[b.phrase].text[kEnglish] +
                 "\") repeats the English \"" + a.key + "\" of phrase #" + std::to_string(a.phrase));
  }
  std::vector<uint16_t> defaults;
  for (std::string_view d : kDefaultPhrases)
    for (const Entry& en : entries)
      if (en.en_key == d) defaults.push_back(static_cast<uint16_t>(&en - entries.data()));
  for (std::size_t i = 0; i < entries.size() && defaults.size() < 5; ++i)  // spares for an excluded one
    if (std::find(defaults.begin(), defaults.end(), i) == defaults.end()) defaults.push_back(static_cast<uint16_t>(i));
  std::vector<std::string> first_words;
  for (const Key& k : keys) first_words.push_back(k.key.substr(0, k.key.find(' ')));
  std::sort(first_words.begin(), first_words.end());
  first_words.erase(std::unique(first_words.begin(), first_words.end()), first_words.end());
  entries_ = std::move(entries);
  keys_ = std::move(keys);
  first_words_ = std::move(first_words);
  defaults_ = std::move(defaults);
  return {};
}

std::string_view Phrasebook::matched_text(const PhraseHit& h) const {
  const Entry& e = entries_[h.phrase];
  if (h.variant >= 0 && static_cast<std::size_t>(h.variant) < e.variants.size()) return e.variants[h.variant];
  return e.text[h.lang];
}

std::size_t Phrasebook::find(std::string_view key, PhraseHit* hits, std::size_t max) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key,
                             [](const Key& k, std::string_view v) { return std::string_view(k.key) < v; });
  std::size_t n = 0;
  for (; it != keys_.end() && it->key == key && n < max; ++it) hits[n++] = PhraseHit{it->phrase, it->lang, it->variant};
  return n;
}

bool Phrasebook::closest(std::string_view key, int max_distance, PhraseHit* hit) const {
  char buf[2 * kMaxKeyBytes];
  const std::size_t n = fold_accents(key, buf, sizeof buf);
  if (n > sizeof buf) return false;
  const std::string_view folded(buf, n);
  int best = max_distance + 1;
  for (const Key& k : keys_) {
    const int d = bounded_edit_distance(folded, k.folded, best - 1 < max_distance ? best - 1 : max_distance);
    if (d < best) {
      best = d;
      *hit = PhraseHit{k.phrase, k.lang, k.variant};
      if (d == 0) break;
    }
  }
  return best <= max_distance;
}

bool Phrasebook::starts_a_key(std::string_view word) const {
  auto it = std::lower_bound(first_words_.begin(), first_words_.end(), word,
                             [](const std::string& w, std::string_view v) { return std::string_view(w) < v; });
  return it != first_words_.end() && *it == word;
}

std::size_t Phrasebook::related(std::string_view key, int exclude, uint16_t* out, std::size_t max) const {
  // The key's content words, once.
  constexpr std::size_t kMaxWords = 16;
  std::string_view words[kMaxWords];
  std::size_t nw = 0;
  for (std::size_t i = 0; i < key.size() && nw < kMaxWords;) {
    std::size_t e = key.find(' ', i);
    if (e == std::string_view::npos) e = key.size();
    const std::string_view w = key.substr(i, e - i);
    if (w.size() >= 3 && !is_filler_word(w)) words[nw++] = w;
    i = e + 1;
  }
  // Best scores first, kept in a small insertion-sorted array: max is tiny (3).
  constexpr std::size_t kCap = 8;
  if (max > kCap) max = kCap;
  int score[kCap] = {};
  std::size_t n = 0;
  for (std::size_t p = 0; p < entries_.size() && nw > 0; ++p) {
    if (static_cast<int>(p) == exclude) continue;
    int s = 0;
    for (std::size_t k = 0; k < nw; ++k) s += has_word(entries_[p].en_key, words[k]) ? 1 : 0;
    if (s == 0) continue;
    std::size_t pos = n < max ? n : max;
    while (pos > 0 && score[pos - 1] < s) --pos;
    if (pos >= max) continue;
    for (std::size_t k = (n < max ? n : max - 1); k > pos; --k) {
      out[k] = out[k - 1];
      score[k] = score[k - 1];
    }
    out[pos] = static_cast<uint16_t>(p);
    score[pos] = s;
    if (n < max) ++n;
  }
  for (uint16_t d : defaults_) {
    if (n >= max) break;
    if (static_cast<int>(d) == exclude || std::find(out, out + n, d) != out + n) continue;
    out[n++] = d;
  }
  return n;
}

}  // namespace kimi
