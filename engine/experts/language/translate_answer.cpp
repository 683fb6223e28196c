// LanguageResources::translate: finds the phrase and the target languages in the query, looks the phrase
// up in any of the phrasebook's six languages and writes the translations (or says plainly it can't).
#include <algorithm>

#include "experts/language/language_names.h"
#include "experts/language/language_resources.h"
#include "experts/language/slot_text.h"

namespace kimi {
namespace {

using Buffer = LanguageResources::Buffer;

constexpr std::size_t kMaxParts = 4;        // "I don't understand, can you speak slower?" = 2 parts
constexpr std::size_t kMaxCandidates = 24;
constexpr std::size_t kMaxTokens = 256;     // words scanned for a known phrase inside a longer text
constexpr std::size_t kMaxNgram = 6;
constexpr std::size_t kEchoBytes = 80;      // how much of the user's phrase is quoted back
constexpr std::string_view kCoverage = "English, Spanish, French, German, Italian and Portuguese";

// Words that introduce the phrase to translate; what follows them (up to the target language) is the phrase.
constexpr std::string_view kStrongCues[] = {
    "translate", "translation of", "translation for", "how do you say", "how do i say", "how to say",
    "how would you say", "how would i say", "how would u say", "how can i say", "how should i say",
    "how does one say", "how do you write", "how do i write", "say", "what does", "cómo se dice",
    "como se dice", "come si dice", "comment dit-on", "comment on dit", "comment dire", "comment traduire",
    "wie sagt man", "was heißt", "como se diz", "traduci", "traducir", "traduce", "traduire", "traduis",
    "traduza", "traduzir", "übersetze", "übersetzen", "put this into", "the phrase", "word for", "phrase for",
    "way to say"};
constexpr std::string_view kWeakCues[] = {"what is", "what's", "whats", "what are"};
// After a language name: "the german word for ...", "spanish translation for ...". A bare " for " only
// counts when the name opens the request ("spanish for 'check please'", "what's the italian for ...").
constexpr std::string_view kAfterLanguage[] = {" word for ", " translation for ", " translation of ",
                                               " phrase for ", " version of ", " for "};
constexpr std::size_t kMaxNamedWords = 6;  // a longer unquoted span is more likely a request than a phrase
constexpr std::string_view kStoppers[] = {"?", "!", " - ", "(", ". ", ";"};
constexpr std::string_view kLeadingFillers[] = {"the phrase", "the words", "the word", "the sentence",
                                                "the expression", "phrase", "word", "me", "to say", "saying"};
constexpr std::string_view kTrailingFillers[] = {"please", "pls", "plz", "lol", "for me", "mean", "means",
                                                 "translated", "translation"};

struct Candidate {
  std::string_view text;
  bool strong;  // the user clearly named this as the phrase: unknown -> say so instead of falling back
};

struct Match {
  PhraseHit parts[kMaxParts];
  std::size_t num_parts = 0;
  PhraseHit hits[Phrasebook::kMaxHits];  // every reading of a one-part phrase ("bonjour": hello, good morning)
  std::size_t num_hits = 0;
};

std::string_view strip_fillers(std::string_view s) {
  for (int round = 0; round < 3; ++round) {
    const std::string_view before = s;
    for (std::string_view f : kLeadingFillers) s = skip_prefix(s, f);
    for (std::string_view f : kTrailingFillers) s = skip_suffix(s, f);
    if (s == before) break;
  }
  return s;
}

bool lookup(const Phrasebook& pb, std::string_view text, PhraseHit* hits, std::size_t* n) {
  char key[kMaxKeyBytes];
  const std::size_t len = make_key(text, key, sizeof key);
  if (len == 0 || len > sizeof key) return false;
  *n = pb.find(std::string_view(key, len), hits, Phrasebook::kMaxHits);
  return *n > 0;
}

// The reading to translate from: one whose language is not a requested target ("no" is English, Spanish
// and Italian; asked for Spanish, it is read as English or Italian).
PhraseHit pick(const PhraseHit* h, std::size_t n, uint8_t mask) {
  for (std::size_t i = 0; i < n; ++i)
    if (!((mask >> h[i].lang) & 1)) return h[i];
  return h[0];
}

bool lookup_one(const Phrasebook& pb, std::string_view text, uint8_t mask, Match* m) {
  PhraseHit hits[Phrasebook::kMaxHits];
  std::size_t n = 0;
  if (!lookup(pb, text, hits, &n) && !lookup(pb, strip_fillers(text), hits, &n)) return false;
  m->num_parts = 1;
  m->parts[0] = pick(hits, n, mask);
  m->num_hits = n;
  std::copy(hits, hits + n, m->hits);
  return true;
}

// A whole phrase, or several known sentences separated by , . ? ! ; (every one must be known).
bool match_text(const Phrasebook& pb, std::string_view text, uint8_t mask, Match* m) {
  text = trim_slot(text);
  if (text.empty()) return false;
  if (lookup_one(pb, text, mask, m)) return true;
  const std::string_view s = strip_fillers(text);
  Match parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool boundary = i == s.size() || ((s[i] == ',' || s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == ';') &&
                                            (i + 1 == s.size() || s[i + 1] == ' '));
    if (!boundary) continue;
    const std::string_view part = trim_slot(s.substr(start, i - start));
    start = i + 1;
    if (part.empty()) continue;
    Match one;
    if (parts.num_parts == kMaxParts || !lookup_one(pb, part, mask, &one)) return false;
    parts.parts[parts.num_parts++] = one.parts[0];
  }
  if (parts.num_parts < 2) return false;
  *m = parts;
  return true;
}

// The longest run of up to kMaxNgram words of `text` that is a known phrase (leftmost on ties).
bool scan(const Phrasebook& pb, std::string_view text, bool allow_single, uint8_t mask, Match* m,
          std::string_view* found) {
  Span tok[kMaxTokens];
  std::size_t nt = 0;
  for (std::size_t i = 0; nt < kMaxTokens && next_word(text, i, &tok[nt]); i = tok[nt++].end) {
  }
  std::size_t best = 0;
  for (std::size_t i = 0; i < nt; ++i) {
    char key[kMaxKeyBytes];
    const std::size_t klen = make_key(tok[i].of(text), key, sizeof key);
    if (klen == 0 || klen > sizeof key || !pb.starts_a_key(std::string_view(key, klen))) continue;
    const std::size_t longest = std::min(kMaxNgram, nt - i);
    for (std::size_t len = longest; len > best && len >= (allow_single ? 1u : 2u); --len) {
      const std::string_view span = text.substr(tok[i].begin, tok[i + len - 1].end - tok[i].begin);
      Match one;
      if (lookup_one(pb, span, mask, &one)) {
        best = len;
        *m = one;
        *found = span;
        break;
      }
    }
  }
  return best > 0;
}

// The text after a cue (or a language name) up to the target language, a question mark or a dash.
std::string_view span_after(std::string_view q, std::size_t start, const LanguageMention* m, std::size_t nm) {
  for (int guard = 0; guard < 4; ++guard) {  // "translate from english to spanish: hello" skips two names
    while (start < q.size() && (q[start] == ' ' || q[start] == ':')) ++start;
    bool skipped = false;
    for (std::size_t k = 0; k < nm && !skipped; ++k)
      if ((m[k].chosen || m[k].role == MentionRole::kSource) && m[k].marker_begin == start) {
        start = m[k].name.end;
        skipped = true;
      }
    if (!skipped) break;
  }
  if (start >= q.size()) return {};
  std::size_t end = phrase_end(q, start, m, nm);
  for (std::string_view s : kStoppers) end = std::min(end, q.find(s, start));
  return q.substr(start, end - start);
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  Span w;
  for (std::size_t i = 0; next_word(s, i, &w); i = w.end) ++n;
  return n;
}

void add(Candidate* c, std::size_t* n, std::string_view text, bool strong) {
  text = trim_slot(text);
  if (text.empty() || *n >= kMaxCandidates) return;
  for (std::size_t i = 0; i < *n; ++i)
    if (c[i].text == text) {
      c[i].strong = c[i].strong || strong;
      return;
    }
  c[(*n)++] = Candidate{text, strong};
}

std::size_t collect(std::string_view q, const Span* quotes, std::size_t nq, const LanguageMention* m, std::size_t nm,
                    const TargetLanguages& targets, Candidate* c) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < nq; ++i) add(c, &n, quotes[i].of(q), true);
  // An unquoted span is the named phrase only when short; "how to say cheers in different languages"
  // also offers the words before " in " ("cheers").
  auto add_unquoted = [&](std::string_view span, bool strong) {
    span = trim_slot(span);
    const bool named = strong && count_words(span) <= kMaxNamedWords;
    add(c, &n, span, named);
    const std::size_t in = span.find(" in ");
    if (in != std::string_view::npos) add(c, &n, span.substr(0, in), named);
  };
  bool cue_seen = false;
  for (std::string_view cue : kStrongCues) {
    const std::size_t p = find_cue(q, cue);
    if (p == std::string_view::npos) continue;
    cue_seen = true;
    add_unquoted(span_after(q, p + cue.size(), m, nm), true);
  }
  for (std::size_t k = 0; k < nm; ++k) {
    const std::string_view before = trim_slot(q.substr(0, m[k].name.begin));
    const bool opens = before.empty() || skip_suffix(before, "the") != before;
    for (std::string_view f : kAfterLanguage)
      if (q.compare(m[k].name.end, f.size(), f) == 0) {
        add_unquoted(span_after(q, m[k].name.end + f.size(), m, nm), f != " for " || opens);
        break;
      }
  }
  const std::size_t colon = q.find(':');
  if (colon != std::string_view::npos) add(c, &n, span_after(q, colon + 1, m, nm), cue_seen || targets.any());
  for (std::string_view cue : kWeakCues) {
    const std::size_t p = find_cue(q, cue);
    if (p != std::string_view::npos) add_unquoted(span_after(q, p + cue.size(), m, nm), false);
  }
  // "good evening in spanish": whatever comes before the first requested language.
  for (std::size_t k = 0; k < nm; ++k)
    if (m[k].chosen && m[k].marker_begin > 0) {
      add(c, &n, q.substr(0, m[k].marker_begin), false);
      break;
    }
  return n;
}

void append_echo(Buffer& out, std::string_view s) {
  out.append("\"").append(utf8_prefix(s, kEchoBytes));
  if (s.size() > kEchoBytes) out.append("…");
  out.append("\"");
}

bool ends_sentence(std::string_view s) {
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// The parts in one language, joined as sentences; `source` uses each part's matched wording.
void append_joined(Buffer& out, const Phrasebook& pb, const Match& m, int lang, bool source) {
  for (std::size_t i = 0; i < m.num_parts; ++i) {
    const std::string_view t = source ? pb.matched_text(m.parts[i]) : pb.text(m.parts[i].phrase, lang);
    if (i > 0) out.append(" ");
    out.append(t);
    if (i + 1 < m.num_parts && !ends_sentence(t)) out.append(".");
  }
}

void append_language_list(Buffer& out, const std::string_view* names, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out.append(i + 1 == n ? " or " : ", ");
    out.append(names[i]);
  }
}

void append_lines(Buffer& out, const Phrasebook& pb, const Match& m, uint8_t mask, int skip) {
  for (int l = 0; l < kNumLanguages; ++l) {
    if (!((mask >> l) & 1) || l == skip) continue;
    out.append("\n").append(language_display(l)).append(": ");
    append_joined(out, pb, m, l, false);
  }
}

void write_translation(Buffer& out, const Phrasebook& pb, const Match& m, const TargetLanguages& t) {
  int src = m.parts[0].lang;
  for (std::size_t i = 1; i < m.num_parts; ++i)
    if (m.parts[i].lang != src) src = -1;
  out.append("\"");
  append_joined(out, pb, m, src, true);
  out.append("\"");
  if (src >= 0) out.append(" (").append(language_display(src)).append(")");
  const uint8_t all = (1u << kNumLanguages) - 1;
  const uint8_t others = static_cast<uint8_t>(src >= 0 ? all & ~(1u << src) : all);
  const uint8_t wanted = t.mask & others;
  int single = -1;
  for (int l = 0; l < kNumLanguages; ++l)
    if (wanted == (1u << l)) single = l;
  if (single >= 0) {
    out.append(" in ").append(language_display(single)).append(": ");
    append_joined(out, pb, m, single, false);
  } else if (wanted != 0) {
    out.append(":");
    append_lines(out, pb, m, wanted, src);
  } else if (t.mask != 0) {  // only the phrase's own language was asked for
    out.append(" is already ").append(language_display(src)).append(". In the other languages:");
    append_lines(out, pb, m, others, src);
  } else {
    if (t.num_others > 0) out.append(" in the languages my offline phrasebook has:");
    else out.append(" in other languages:");
    append_lines(out, pb, m, others, src);
  }
  if (t.num_others > 0) {
    out.append("\n(My offline phrasebook covers ").append(kCoverage).append("; it has no ");
    append_language_list(out, t.others.data(), t.num_others);
    out.append(".)");
  }
  // Other phrases that share this wording: "bonjour" is also "good morning".
  if (m.num_parts == 1 && m.num_hits > 1) {
    const int shown = single >= 0 ? single : kEnglish;
    const std::string_view primary = pb.text(m.parts[0].phrase, shown);
    bool header = false;
    for (std::size_t i = 0; i < m.num_hits; ++i) {
      const PhraseHit& h = m.hits[i];
      bool repeat = h.phrase == m.parts[0].phrase || pb.text(h.phrase, shown) == primary;
      for (std::size_t j = 0; j < i && !repeat; ++j) repeat = m.hits[j].phrase == h.phrase;
      if (repeat) continue;
      out.append(header ? " / " : "\nIt can also mean: ");
      header = true;
      out.append(pb.text(h.phrase, shown));
      if (shown != kEnglish) out.append(" (").append(pb.text(h.phrase, kEnglish)).append(")");
    }
  }
}

void write_unknown(Buffer& out, const Phrasebook& pb, std::string_view phrase, const TargetLanguages& t) {
  if (t.num_others > 0 && t.mask == 0) {
    out.append("My offline phrasebook covers ").append(kCoverage).append("; it has no ");
    append_language_list(out, t.others.data(), t.num_others);
    out.append(". ");
  }
  append_echo(out, phrase);
  out.append(" is beyond my offline phrasebook (");
  out.append_uint(pb.size());
  out.append(" common phrases in ").append(kCoverage).append("), so I can't translate it reliably.");
  char key[kMaxKeyBytes];
  std::size_t len = make_key(phrase, key, sizeof key);
  if (len > sizeof key) len = 0;
  const std::string_view k(key, len);
  PhraseHit near;
  int exclude = -1;
  // Short keys allow one edit: two would turn "saudade" into "saúde".
  if (len >= 3 && pb.closest(k, len <= 7 ? 1 : 2, &near)) {
    out.append(" Did you mean \"").append(pb.matched_text(near)).append("\"?");
    exclude = near.phrase;
  }
  uint16_t rel[3];
  const std::size_t nr = pb.related(k, exclude, rel, 3);
  if (nr == 0) return;
  out.append(" Phrases I do know include ");
  for (std::size_t i = 0; i < nr; ++i) {
    if (i > 0) out.append(i + 1 == nr ? " and " : ", ");
    out.append("\"").append(pb.text(rel[i], kEnglish)).append("\"");
  }
  out.append(".");
}

}  // namespace

bool LanguageResources::translate(std::string_view q, Buffer& out) const {
  out.clear();
  if (!loaded() || q.empty()) return false;
  Span quotes[kMaxQuotedSpans];
  const std::size_t nq = find_quoted(q, quotes);
  LanguageMention mentions[kMaxMentions];
  const std::size_t nm = find_language_mentions(q, mentions, kMaxMentions);
  const TargetLanguages targets = choose_targets(q, mentions, nm, quotes, nq);
  Candidate cands[kMaxCandidates];
  const std::size_t nc = collect(q, quotes, nq, mentions, nm, targets, cands);

  Match match;
  for (std::size_t i = 0; i < nc; ++i)
    if (match_text(phrasebook_, cands[i].text, targets.mask, &match)) {
      write_translation(out, phrasebook_, match, targets);
      return true;
    }
  const Candidate* named = nullptr;
  for (std::size_t i = 0; i < nc && !named; ++i)
    if (cands[i].strong) named = &cands[i];
  std::string_view found;
  if (named) {
    // The named phrase is unknown as a whole; a known phrase inside it is worth giving, marked as partial.
    for (std::size_t i = 0; i < nc; ++i)
      if (cands[i].strong && scan(phrasebook_, cands[i].text, false, targets.mask, &match, &found)) {
        append_echo(out, cands[i].text);
        out.append(" as a whole is beyond my offline phrasebook, but it contains a phrase I know:\n");
        write_translation(out, phrasebook_, match, targets);
        return true;
      }
    write_unknown(out, phrasebook_, named->text, targets);
    return true;
  }
  // No phrase was named: a known phrase anywhere in the query ("thank you in 5 languages"); a lone word
  // only when a language was asked for, otherwise the intent's general answer serves better.
  if (scan(phrasebook_, q, targets.any(), targets.mask, &match, &found)) {
    write_translation(out, phrasebook_, match, targets);
    return true;
  }
  return false;
}

}  // namespace kimi
