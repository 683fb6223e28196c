// Slot text helpers (see slot_text.h).
#include "experts/language/slot_text.h"

namespace kimi {
namespace {

bool is_ascii_punct(unsigned char c) {
  return (c >= '!' && c <= '/' && c != '-') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t* len) {
  if (s[i] == '\'') { *len = 1; return true; }
  if (s.substr(i, 3) == "\xE2\x80\x99") { *len = 3; return true; }  // ’
  return false;
}

// Same character class as the word's byte at i: letters, digits and non-ASCII letters.
bool plain_word_char(std::string_view s, std::size_t i) { return i < s.size() && is_word_char_at(s, i); }

}  // namespace

bool word_char_before(std::string_view s, std::size_t p) {
  if (p == 0 || p > s.size()) return false;
  std::size_t lead = p - 1;
  // Step back over UTF-8 continuation bytes to the code point's first byte.
  while (lead > 0 && p - lead < 4 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
  return is_word_char_at(s, lead);
}

std::size_t punct_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_punct(c) ? 1 : 0;
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return (d == 0xAB || d == 0xBB || d == 0xA1 || d == 0xBF) ? 2 : 0;  // « » ¡ ¿
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    // – — ‘ ’ “ ” „ …
    if (d == 0x93 || d == 0x94 || d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D || d == 0x9E || d == 0xA6) return 3;
  }
  return 0;
}

bool is_word_char_at(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] != ' ' && punct_len(s, i) == 0;
}

std::size_t find_cue(std::string_view q, std::string_view cue, std::size_t from) {
  if (cue.empty()) return std::string_view::npos;
  std::size_t p = from;
  while ((p = q.find(cue, p)) != std::string_view::npos) {
    const std::size_t e = p + cue.size();
    if (!word_char_before(q, p) && !is_word_char_at(q, e)) return p;
    ++p;
  }
  return std::string_view::npos;
}

std::size_t find_quoted(std::string_view q, Span* out) {
  struct Pair { std::string_view open, close1, close2; bool apostrophe_like; };
  static constexpr Pair kPairs[] = {
      {"\"", "\"", "\"", false},
      {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9C", false},  // “ ... ” (or a second “)
      {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9D", false},  // „ ... “
      {"\xC2\xAB", "\xC2\xBB", "\xC2\xBB", false},              // « ... »
      {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x99", true},   // ‘ ... ’
      {"'", "'", "'", true},
  };
  constexpr std::size_t kNumPairs = sizeof kPairs / sizeof kPairs[0];
  bool exhausted[kNumPairs] = {};  // no closer left for this pair: later openers cannot close either
  std::size_t n = 0, i = 0;
  while (i < q.size() && n < kMaxQuotedSpans) {
    const auto lead = static_cast<unsigned char>(q[i]);
    if (lead != '"' && lead != '\'' && lead != 0xE2 && lead != 0xC2) {  // no opener starts with another byte
      ++i;
      continue;
    }
    bool advanced = false;
    for (std::size_t k = 0; k < kNumPairs && !advanced; ++k) {
      const Pair& pr = kPairs[k];
      if (exhausted[k] || q.compare(i, pr.open.size(), pr.open) != 0) continue;
      if (pr.apostrophe_like && word_char_before(q, i)) continue;  // what's, l'eau
      const std::size_t start = i + pr.open.size();
      std::size_t close = std::string_view::npos, close_len = 0;
      for (std::size_t j = start; j < q.size(); ++j) {
        std::string_view c;
        if (q.compare(j, pr.close1.size(), pr.close1) == 0) c = pr.close1;
        else if (q.compare(j, pr.close2.size(), pr.close2) == 0) c = pr.close2;
        else continue;
        if (pr.apostrophe_like && plain_word_char(q, j + c.size())) continue;  // don't, s'il
        close = j;
        close_len = c.size();
        break;
      }
      if (close == std::string_view::npos) {
        exhausted[k] = true;
        continue;
      }
      std::string_view inner = trim_slot(q.substr(start, close - start));
      if (!inner.empty()) {
        out[n].begin = static_cast<std::size_t>(inner.data() - q.data());
        out[n].end = out[n].begin + inner.size();
        ++n;
      }
      i = close + close_len;
      advanced = true;
    }
    if (!advanced) ++i;
  }
  return n;
}

std::string_view trim_slot(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    if (s[b] == ' ') { ++b; continue; }
    std::size_t p = punct_len(s, b);
    if (p == 0 && s[b] == '-') p = 1;
    if (p == 0) break;
    b += p;
  }
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '-' || punct_len(s, e - 1) == 1) { --e; continue; }
    if (e - b >= 2 && punct_len(s, e - 2) == 2) { e -= 2; continue; }
    if (e - b >= 3 && punct_len(s, e - 3) == 3) { e -= 3; continue; }
    break;
  }
  return s.substr(b, e - b);
}

std::string_view skip_prefix(std::string_view s, std::string_view w) {
  if (s.size() >= w.size() && s.compare(0, w.size(), w) == 0 && (s.size() == w.size() || s[w.size()] == ' '))
    return trim_slot(s.substr(w.size()));
  return s;
}

std::string_view skip_suffix(std::string_view s, std::string_view w) {
  if (s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0 &&
      (s.size() == w.size() || s[s.size() - w.size() - 1] == ' '))
    return trim_slot(s.substr(0, s.size() - w.size()));
  return s;
}

std::string_view first_word(std::string_view s) {
  std::size_t e = 0;
  while (e < s.size()) {
    if (is_word_char_at(s, e)) { ++e; continue; }
    std::size_t a = 0;
    const bool joiner = s[e] == '-' || is_apostrophe_at(s, e, &a);
    if (a == 0) a = 1;
    if (joiner && e > 0 && plain_word_char(s, e + a)) { e += a; continue; }
    break;
  }
  return s.substr(0, e);
}

bool next_word(std::string_view s, std::size_t from, Span* word) {
  std::size_t i = from;
  while (i < s.size()) {
    if (s[i] == ' ') { ++i; continue; }
    const std::size_t p = punct_len(s, i);
    if (p > 0) { i += p; continue; }
    const std::string_view w = first_word(s.substr(i));
    if (!w.empty()) {
      *word = Span{i, i + w.size()};
      return true;
    }
    ++i;  // a lone '-' or apostrophe
  }
  return false;
}

std::string_view first_words(std::string_view s, int n) {
  std::size_t end = 0;
  std::string_view rest = s;
  for (int k = 0; k < n; ++k) {
    std::string_view w = first_word(rest);
    if (w.empty()) break;
    end = static_cast<std::size_t>(w.data() - s.data()) + w.size();
    if (end >= s.size() || s[end] != ' ') break;
    rest = s.substr(end + 1);
  }
  return s.substr(0, end);
}

std::size_t make_key(std::string_view text, char* out, std::size_t cap) {
  std::size_t len = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t a = 0;
    if (is_apostrophe_at(text, i, &a)) {
      // Kept only between two word characters ("what's", "dov'è"); elsewhere it is a quote mark.
      const bool inner = len > 0 && !pending_space && out[len - 1] != ' ' && plain_word_char(text, i + a);
      if (inner) {
        if (len + 1 > cap) return cap + 1;
        out[len++] = '\'';
      } else {
        pending_space = pending_space || len > 0;
      }
      i += a;
      continue;
    }
    const std::size_t p = punct_len(text, i);
    if (text[i] == ' ' || p > 0) {
      pending_space = len > 0;
      i += p > 0 ? p : 1;
      continue;
    }
    if (pending_space) {
      if (len + 1 > cap) return cap + 1;
      out[len++] = ' ';
      pending_space = false;
    }
    if (len + 1 > cap) return cap + 1;
    out[len++] = text[i++];
  }
  return len;
}

std::size_t fold_accents(std::string_view key, char* out, std::size_t cap) {
  // Base letters of U+00E0..U+00FF (lowercase Latin-1); 0 keeps the character as it is.
  static constexpr char kBase[32] = {'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
                                     'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};
  std::size_t len = 0;
  for (std::size_t i = 0; i < key.size();) {
    const auto c = static_cast<unsigned char>(key[i]);
    const auto d = i + 1 < key.size() ? static_cast<unsigned char>(key[i + 1]) : 0;
    std::string_view repl = key.substr(i, 1);
    std::size_t used = 1;
    if (c == 0xC3 && d >= 0xA0 && d <= 0xBF && kBase[d - 0xA0] != 0) {
      repl = std::string_view(&kBase[d - 0xA0], 1);
      used = 2;
    } else if (c == 0xC3 && d == 0x9F) {
      repl = "ss";
      used = 2;
    }
    if (len + repl.size() > cap) return cap + 1;
    for (char r : repl) out[len++] = r;
    i += used;
  }
  return len;
}

}  // namespace kimi
