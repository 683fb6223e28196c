// Word slot finding and lookup (see word_slots.h).
#include "experts/language/word_slots.h"

#include "experts/language/slot_text.h"

namespace kimi {
namespace {

// Grammar and request words: never the word being asked about.
constexpr std::string_view kGrammarWords[] = {
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "but", "is", "are", "was", "were", "be",
    "it", "its", "it's", "this", "that", "these", "those", "what", "what's", "whats", "which", "who", "how", "why",
    "when", "where", "does", "do", "did", "mean", "means", "meaning", "meant", "define", "definition", "word",
    "words", "term", "terms", "phrase", "synonym", "synonyms", "antonym", "antonyms", "opposite", "opposites",
    "another", "other", "me", "please", "pls", "some", "list", "can", "could", "would", "should", "will", "you",
    "i", "i'm", "my", "your", "we", "our", "they", "he", "she", "him", "her", "them", "as", "than", "with",
    "explain", "way", "exactly", "english", "just", "need", "thesaurus", "from", "into", "about", "there", "here"};
// Everyday words that are in the dictionary but, in a query with no cue, are part of the request.
constexpr std::string_view kRequestWords[] = {"give", "get", "make", "want", "like", "help", "use", "say", "show",
                                              "keep", "take", "think", "look", "ask", "answer", "start", "end",
                                              "change", "good", "better", "simple", "new", "same", "different",
                                              "common", "short", "long", "right", "wrong", "correct", "true"};
constexpr std::string_view kIntensifiers[] = {"very", "really", "so", "extremely", "too", "more", "quite"};
constexpr std::string_view kLeadingFillers[] = {"the word", "the term", "the phrase", "word", "term", "a", "an",
                                                "the", "of", "for", "to", "by", "like"};

template <std::size_t N>
bool one_of(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool has_letter(std::string_view w) {
  for (char c : w)
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

std::string_view skip_intensifiers(std::string_view s) {
  for (int round = 0; round < 3; ++round) {
    const std::string_view before = s;
    for (std::string_view w : kIntensifiers) s = skip_prefix(s, w);
    if (s == before) break;
  }
  return s;
}

std::string_view skip_fillers(std::string_view s) {
  for (int round = 0; round < 4; ++round) {
    const std::string_view before = trim_slot(s);
    s = before;
    for (std::string_view w : kLeadingFillers) s = skip_prefix(s, w);
    s = skip_intensifiers(s);
    if (s == before) break;
  }
  return s;
}

void add(WordSlot* out, std::size_t* n, std::size_t max, std::string_view text, bool quoted) {
  if (text.empty() || *n >= max) return;
  for (std::size_t i = 0; i < *n; ++i)
    if (out[i].text == text) return;
  out[(*n)++] = WordSlot{text, quoted};
}

// The last up-to-3 words before byte p.
std::string_view words_before(std::string_view q, std::size_t p) {
  std::string_view head = trim_slot(q.substr(0, p));
  std::size_t start = head.size();
  for (int words = 0; words < 3 && start > 0;) {
    std::size_t s = start;
    while (s > 0 && head[s - 1] != ' ' && word_char_before(head, s)) {
      --s;  // back one code point
      while (s > 0 && (static_cast<unsigned char>(head[s]) & 0xC0) == 0x80) --s;
    }
    if (s == start) break;  // punctuation: the slot stops here
    start = s;
    ++words;
    if (start == 0 || head[start - 1] != ' ') break;
    --start;
  }
  while (start < head.size() && head[start] == ' ') ++start;
  return head.substr(start);
}

const DictionaryEntry* find_any(const Dictionary& d, std::string_view w, bool* base) {
  *base = false;
  if (const DictionaryEntry* e = d.find(w)) return e;
  *base = true;
  return d.find_base_form(w);
}

}  // namespace

std::size_t find_word_slots(std::string_view q, const WordCues& cues, WordSlot* out, std::size_t max) {
  std::size_t n = 0;
  Span quotes[kMaxQuotedSpans];
  const std::size_t nq = find_quoted(q, quotes);
  for (std::size_t i = 0; i < nq; ++i) add(out, &n, max, quotes[i].of(q), true);
  for (std::size_t c = 0; c < cues.num_after; ++c) {
    const std::size_t p = find_cue(q, cues.after[c]);
    if (p == std::string_view::npos) continue;
    const std::string_view slot = first_words(skip_fillers(q.substr(p + cues.after[c].size())), 3);
    const std::string_view first = first_word(slot);
    if (!first.empty() && has_letter(first) && !one_of(first, kGrammarWords)) add(out, &n, max, slot, false);
  }
  for (std::size_t c = 0; c < cues.num_before; ++c) {
    const std::size_t p = find_cue(q, cues.before[c]);
    if (p == std::string_view::npos || p == 0) continue;
    const std::string_view slot = words_before(q, p);
    // Of the words before "meaning", the last one is the likeliest: "the word serendipity meaning".
    std::string_view last = slot;
    const std::size_t sp = slot.rfind(' ');
    if (sp != std::string_view::npos) last = slot.substr(sp + 1);
    if (!last.empty() && has_letter(last) && !one_of(last, kGrammarWords)) add(out, &n, max, last, false);
  }
  return n;
}

bool lookup_slot(const Dictionary& d, const WordSlot& slot, WordLookup* out) {
  const std::string_view whole = trim_slot(slot.text);
  const std::string_view text = skip_intensifiers(whole);
  *out = WordLookup{};
  if (text.empty()) return false;  // only "very": nothing to look up or to report
  out->asked = slot.quoted ? whole : first_word(text);
  const std::string_view requested = slot.quoted ? whole : std::string_view();
  bool base = false;
  if (const DictionaryEntry* e = find_any(d, text, &base)) {
    *out = WordLookup{e, text, base, requested};
    return true;
  }
  for (int words = 3; words >= 1; --words) {
    const std::string_view w = first_words(text, words);
    if (w.empty() || w == text) continue;
    if (const DictionaryEntry* e = find_any(d, w, &base)) {
      *out = WordLookup{e, w, base, requested};
      return true;
    }
  }
  return false;
}

bool scan_for_word(const Dictionary& d, std::string_view q, WordLookup* out) {
  constexpr std::size_t kMaxScanWords = 512;
  std::size_t seen = 0;
  Span word;
  for (std::size_t i = 0; seen < kMaxScanWords && next_word(q, i, &word); i = word.end, ++seen) {
    // Dictionary first: most words miss it, and the stop-word lists are only consulted on a hit.
    const std::string_view w = word.of(q);
    const std::string_view two = first_words(q.substr(word.begin), 2);
    const DictionaryEntry* e = two.size() > w.size() ? d.find(two) : nullptr;
    const std::string_view matched = e ? two : w;
    if (!e) e = d.find(w);
    if (e && !one_of(w, kGrammarWords) && !one_of(w, kRequestWords)) {
      *out = WordLookup{e, matched, false, {}};
      return true;
    }
  }
  return false;
}

}  // namespace kimi
