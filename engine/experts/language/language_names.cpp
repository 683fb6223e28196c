// Language name detection (see language_names.h).
#include "experts/language/language_names.h"

#include "experts/language/edit_distance.h"

namespace kimi {
namespace {

struct NameForm {
  std::string_view name;
  int lang;
  std::string_view display;  // only for kOtherLanguage
};

// Lowercase as the normalizer leaves them; accentless spellings are listed because people type them.
constexpr NameForm kNames[] = {
    {"english", 0, {}}, {"inglés", 0, {}}, {"ingles", 0, {}}, {"anglais", 0, {}}, {"englisch", 0, {}},
    {"inglese", 0, {}}, {"inglês", 0, {}},
    {"spanish", 1, {}}, {"español", 1, {}}, {"espanol", 1, {}}, {"castellano", 1, {}}, {"espagnol", 1, {}},
    {"spanisch", 1, {}}, {"spagnolo", 1, {}}, {"espanhol", 1, {}},
    {"french", 2, {}}, {"français", 2, {}}, {"francais", 2, {}}, {"francés", 2, {}}, {"frances", 2, {}},
    {"französisch", 2, {}}, {"francese", 2, {}}, {"francês", 2, {}},
    {"german", 3, {}}, {"deutsch", 3, {}}, {"deutsche", 3, {}}, {"alemán", 3, {}}, {"aleman", 3, {}},
    {"allemand", 3, {}}, {"tedesco", 3, {}}, {"alemão", 3, {}}, {"alemao", 3, {}},
    {"italian", 4, {}}, {"italiano", 4, {}}, {"italien", 4, {}}, {"italienisch", 4, {}},
    {"portuguese", 5, {}}, {"português", 5, {}}, {"portugues", 5, {}}, {"portugués", 5, {}},
    {"portugais", 5, {}}, {"portugiesisch", 5, {}}, {"portoghese", 5, {}}, {"brazilian", 5, {}},
    {"japanese", kOtherLanguage, "Japanese"}, {"chinese", kOtherLanguage, "Chinese"},
    {"mandarin", kOtherLanguage, "Mandarin"}, {"cantonese", kOtherLanguage, "Cantonese"},
    {"korean", kOtherLanguage, "Korean"}, {"russian", kOtherLanguage, "Russian"},
    {"arabic", kOtherLanguage, "Arabic"}, {"hindi", kOtherLanguage, "Hindi"}, {"dutch", kOtherLanguage, "Dutch"},
    {"swedish", kOtherLanguage, "Swedish"}, {"norwegian", kOtherLanguage, "Norwegian"},
    {"danish", kOtherLanguage, "Danish"}, {"finnish", kOtherLanguage, "Finnish"}, {"greek", kOtherLanguage, "Greek"},
    {"turkish", kOtherLanguage, "Turkish"}, {"polish", kOtherLanguage, "Polish"}, {"latin", kOtherLanguage, "Latin"},
    {"hebrew", kOtherLanguage, "Hebrew"}, {"vietnamese", kOtherLanguage, "Vietnamese"},
    {"thai", kOtherLanguage, "Thai"}, {"indonesian", kOtherLanguage, "Indonesian"},
    {"swahili", kOtherLanguage, "Swahili"}, {"czech", kOtherLanguage, "Czech"},
    {"ukrainian", kOtherLanguage, "Ukrainian"}, {"romanian", kOtherLanguage, "Romanian"},
    {"hungarian", kOtherLanguage, "Hungarian"}, {"persian", kOtherLanguage, "Persian"},
    {"farsi", kOtherLanguage, "Farsi"}, {"bengali", kOtherLanguage, "Bengali"}, {"urdu", kOtherLanguage, "Urdu"},
    {"tagalog", kOtherLanguage, "Tagalog"}, {"irish", kOtherLanguage, "Irish"}, {"welsh", kOtherLanguage, "Welsh"},
    {"catalan", kOtherLanguage, "Catalan"}, {"esperanto", kOtherLanguage, "Esperanto"},
};

constexpr std::string_view kCodes[kNumLanguages] = {"en", "es", "fr", "de", "it", "pt"};
constexpr std::string_view kDisplay[kNumLanguages] = {"English", "Spanish", "French", "German", "Italian", "Portuguese"};
constexpr std::string_view kTargetMarkers[] = {"to", "into", "in", "en", "auf", "em", "al", "ao", "para"};
constexpr std::string_view kSourceMarkers[] = {"from", "de", "del", "von", "du", "da", "dal"};
constexpr std::string_view kListJoiners[] = {"", "and", "or", "y", "e", "et", "und"};

bool one_of(std::string_view w, const std::string_view* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (w == list[i]) return true;
  return false;
}
template <std::size_t N>
bool one_of(std::string_view w, const std::string_view (&list)[N]) { return one_of(w, list, N); }

// The language a word names, or -1. English names may carry one typo when the word is long enough that
// a typo cannot turn another word into them.
int name_lang(std::string_view w, std::string_view* display) {
  for (const NameForm& f : kNames)
    if (w == f.name) {
      *display = f.lang == kOtherLanguage ? f.display : kDisplay[f.lang];
      return f.lang;
    }
  if (w.size() >= 5) {
    static constexpr std::string_view kEnglishNames[kNumLanguages] = {"english", "spanish", "french",
                                                                      "german",  "italian", "portuguese"};
    // Typos keep the first letter ("germn", "itallian", "portugese"); "italians" are people, not a language.
    for (int l = 0; l < kNumLanguages; ++l)
      if (w[0] == kEnglishNames[l][0] && bounded_edit_distance(w, kEnglishNames[l], 1) <= 1 &&
          !(w.back() == 's' && w.substr(0, w.size() - 1) == kEnglishNames[l])) {
        *display = kDisplay[l];
        return l;
      }
  }
  return -1;
}

bool inside(std::size_t pos, const Span* skip, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (pos >= skip[i].begin && pos < skip[i].end) return true;
  return false;
}

}  // namespace

std::string_view language_code(int lang) { return lang >= 0 && lang < kNumLanguages ? kCodes[lang] : "?"; }
std::string_view language_display(int lang) { return lang >= 0 && lang < kNumLanguages ? kDisplay[lang] : "?"; }

int TargetLanguages::count() const {
  int c = static_cast<int>(num_others);
  for (int l = 0; l < kNumLanguages; ++l) c += (mask >> l) & 1;
  return c;
}

std::size_t find_language_mentions(std::string_view q, LanguageMention* out, std::size_t max) {
  std::size_t n = 0;
  Span prev{};  // the word before the current one
  bool have_prev = false;
  Span word;
  for (std::size_t i = 0; n < max && next_word(q, i, &word); i = word.end) {
    const std::string_view w = word.of(q);
    std::string_view display;
    const int lang = name_lang(w, &display);
    if (lang >= 0) {
      LanguageMention& m = out[n++];
      m = LanguageMention{};
      m.lang = lang;
      m.display = display;
      m.name = word;
      m.marker_begin = word.begin;
      if (have_prev) {
        const std::string_view pw = prev.of(q);
        if (one_of(pw, kTargetMarkers)) {
          m.role = MentionRole::kTarget;
          m.marker_begin = prev.begin;
        } else if (one_of(pw, kSourceMarkers)) {
          m.role = MentionRole::kSource;
          m.marker_begin = prev.begin;
        }
      }
    }
    prev = word;
    have_prev = true;
  }
  // "english to italian": a bare name right before a marked target is the source.
  for (std::size_t k = 0; k + 1 < n; ++k)
    if (out[k].role == MentionRole::kBare && out[k + 1].role == MentionRole::kTarget &&
        trim_slot(q.substr(out[k].name.end, out[k + 1].marker_begin - out[k].name.end)).empty())
      out[k].role = MentionRole::kSource;
  return n;
}

TargetLanguages choose_targets(std::string_view q, LanguageMention* m, std::size_t n, const Span* skip,
                               std::size_t num_skip) {
  bool any_marked = false;
  for (std::size_t k = 0; k < n; ++k) {
    m[k].chosen = false;
    if (m[k].role == MentionRole::kTarget && !inside(m[k].name.begin, skip, num_skip)) any_marked = true;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (inside(m[k].name.begin, skip, num_skip) || m[k].role == MentionRole::kSource) continue;
    if (!any_marked) {
      m[k].chosen = true;
    } else if (m[k].role == MentionRole::kTarget) {
      m[k].chosen = true;
    } else if (k > 0 && m[k - 1].chosen) {  // a list after a marked target: "in french, spanish and italian"
      const std::string_view between = trim_slot(q.substr(m[k - 1].name.end, m[k].name.begin - m[k - 1].name.end));
      m[k].chosen = one_of(between, kListJoiners);
    }
  }
  TargetLanguages t;
  for (std::size_t k = 0; k < n; ++k) {
    if (!m[k].chosen) continue;
    if (m[k].lang < kNumLanguages) {
      t.mask = static_cast<uint8_t>(t.mask | (1u << m[k].lang));
    } else {
      bool seen = false;
      for (std::size_t j = 0; j < t.num_others; ++j) seen = seen || t.others[j] == m[k].display;
      if (!seen && t.num_others < t.others.size()) t.others[t.num_others++] = m[k].display;
    }
  }
  return t;
}

std::size_t phrase_end(std::string_view q, std::size_t from, const LanguageMention* m, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if ((m[k].chosen || m[k].role == MentionRole::kSource) && m[k].marker_begin >= from) return m[k].marker_begin;
  return q.size();
}

}  // namespace kimi
