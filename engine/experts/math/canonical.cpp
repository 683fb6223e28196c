// Query canonicalization for the maths expert (see canonical.h).
#include "experts/math/canonical.h"

#include <array>
#include <cstdint>

#include "experts/math/number_words.h"

namespace kimi::math {
namespace {

struct Phrase {
  std::string_view from, to;
};

// Word phrases, matched at word boundaries; the longest match wins.
constexpr Phrase kPhrases[] = {
    {"to the power of", " ^ "}, {"to the power", " ^ "}, {"raised to the power of", " ^ "},
    {"raised to the", " ^ "}, {"raised to", " ^ "}, {"squared", " ^ 2 "}, {"cubed", " ^ 3 "},
    {"square root of", " sqrt "}, {"square root", " sqrt "}, {"cube root of", " cbrt "}, {"cube root", " cbrt "},
    {"divided by", " ÷ "}, {"divide by", " ÷ "}, {"over", " / "}, {"multiplied by", " * "},
    {"multiply by", " * "}, {"times", " * "}, {"plus", " + "}, {"minus", " - "}, {"negative", " neg "},
    {"modulo", " mod "}, {"modulus", " mod "}, {"percent", " % "}, {"per cent", " % "}, {"pct", " % "}, {"precent", " % "}, {"percnet", " % "},
    {"is equal to", " = "}, {"equal to", " = "}, {"equals", " = "},
    {"natural logarithm of", " ln "}, {"natural logarithm", " ln "}, {"natural log of", " ln "},
    {"natural log", " ln "}, {"logarithm", " log "}, {"sine", " sin "}, {"cosine", " cos "}, {"tangent of", " tan "},
    {"arcsine", " asin "}, {"arccosine", " acos "}, {"arctangent", " atan "}, {"arcsin", " asin "},
    {"arccos", " acos "}, {"arctan", " atan "}, {"absolute value of", " abs "}, {"absolute value", " abs "},
    {"factorial of", " factorial "}, {"d/dx", " derivative "}, {"d/dt", " derivative "}, {"d/dy", " derivative "}};

struct Symbol {
  std::string_view from, to;
};

constexpr Symbol kSymbols[] = {
    {"×", " * "}, {"·", " * "}, {"∙", " * "}, {"⋅", " * "}, {"−", "-"}, {"–", "-"}, {"√", " sqrt "}, {"∛", " cbrt "},
    {"π", " pi "}, {"∞", " infinity "}, {"≤", " <= "}, {"≥", " >= "}, {"≠", " != "}, {"∫", " integral "},
    {"½", " 1/2 "}, {"¼", " 1/4 "}, {"¾", " 3/4 "}, {"⅓", " 1/3 "}, {"⅔", " 2/3 "}, {"°", " degrees "},
    {"’", "'"}, {"‘", "'"}, {"“", " "}, {"”", " "}, {"€", " "}, {"£", " "}, {"$", " "}, {"**", "^"}};

constexpr std::string_view kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
constexpr std::string_view kSuperMinus = "⁻";

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || c == '\''; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Writer {
 public:
  Writer(char* out, std::size_t cap) : out_(out), cap_(cap) {}
  bool put(std::string_view s) {
    if (full_ || len_ + s.size() > cap_) {
      full_ = true;
      return false;
    }
    for (char c : s) out_[len_++] = c;
    return true;
  }
  void put_int(int64_t v) {
    char buf[24];
    int n = 0;
    do {
      buf[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v > 0 && n < 24);
    char rev[24];
    for (int i = 0; i < n; ++i) rev[i] = buf[n - 1 - i];
    put(std::string_view(rev, static_cast<std::size_t>(n)));
  }
  bool full() const { return full_; }
  std::size_t size() const { return len_; }

 private:
  char* out_;
  std::size_t cap_;
  std::size_t len_ = 0;
  bool full_ = false;
};

// (The first-byte test rejects most candidates without a memcmp call: this runs for every phrase at every byte.)
bool starts_with_at(std::string_view s, std::size_t i, std::string_view p) {
  return p.empty() || (i < s.size() && s[i] == p[0] && s.substr(i, p.size()) == p);
}

// "half", "thirds", "quarter", ... at s[i]: the denominator, or 0.
int denominator_word(std::string_view s, std::size_t i) {
  static constexpr struct { std::string_view word; int den; } kDen[] = {
      {"half", 2}, {"halves", 2}, {"third", 3}, {"thirds", 3}, {"quarter", 4}, {"quarters", 4}, {"fourth", 4},
      {"fourths", 4}, {"fifth", 5}, {"fifths", 5}, {"sixth", 6}, {"sixths", 6}, {"seventh", 7}, {"sevenths", 7},
      {"eighth", 8}, {"eighths", 8}, {"ninth", 9}, {"ninths", 9}, {"tenth", 10}, {"tenths", 10}};
  std::size_t e = i;
  while (e < s.size() && is_letter(s[e])) ++e;
  std::string_view w = s.substr(i, e - i);
  for (const auto& d : kDen)
    if (w == d.word) return d.den;
  return 0;
}

// For each byte, the phrases that start with it (bit k = kPhrases[k]): a word start looks only at those.
constexpr std::size_t kNumPhrases = sizeof(kPhrases) / sizeof(kPhrases[0]);
static_assert(kNumPhrases <= 64, "the phrase index is a 64-bit mask");
constexpr std::array<uint64_t, 256> make_phrase_index() {
  std::array<uint64_t, 256> t{};
  for (std::size_t k = 0; k < kNumPhrases; ++k) t[static_cast<unsigned char>(kPhrases[k].from[0])] |= uint64_t{1} << k;
  return t;
}
constexpr std::array<uint64_t, 256> kPhrasesByFirstByte = make_phrase_index();

// Longest phrase at a word start, ending at a word boundary.
const Phrase* match_phrase(std::string_view s, std::size_t i) {
  const Phrase* best = nullptr;
  for (uint64_t m = kPhrasesByFirstByte[static_cast<unsigned char>(s[i])]; m != 0; m &= m - 1) {
    const Phrase& ph = kPhrases[__builtin_ctzll(m)];
    if (!starts_with_at(s, i, ph.from)) continue;
    std::size_t e = i + ph.from.size();
    if (e < s.size() && is_letter(s[e])) continue;
    if (!best || ph.from.size() > best->from.size()) best = &ph;
  }
  return best;
}

// "f(x) = ..." defines a function of x: remember the names so that "f(2)" can become "x = 2" and "f'(x)" a
// derivative. Returns the length of "f(x) =" at i (or of "f'(x)"), 0 if none.
std::size_t function_notation(std::string_view s, std::size_t i, char* fname, char* var, bool* derivative) {
  if (i + 4 > s.size() || !(s[i] >= 'a' && s[i] <= 'z') || (i > 0 && is_letter(s[i - 1]))) return 0;
  std::size_t p = i + 1;
  *derivative = false;
  if (p < s.size() && s[p] == '\'') {
    *derivative = true;
    ++p;
  }
  if (p + 2 >= s.size() || s[p] != '(' || !(s[p + 1] >= 'a' && s[p + 1] <= 'z') || s[p + 2] != ')') return 0;
  std::size_t e = p + 3;
  if (*derivative) {
    *fname = s[i];
    *var = s[p + 1];
    return e - i;
  }
  std::size_t q = e;
  if (q < s.size() && s[q] == ' ') ++q;
  if (q >= s.size() || s[q] != '=') return 0;
  *fname = s[i];
  *var = s[p + 1];
  return q + 1 - i;
}

}  // namespace

std::size_t canonicalize(std::string_view s, char* out, std::size_t capacity) {
  Writer w(out, capacity);
  // A first pass finds "f(x) =" so that later "f(3)" can be read as "x = 3".
  char fname = 0, fvar = 0;
  for (std::size_t i = 0; i < s.size() && !fname; ++i) {
    char f, v;
    bool deriv;
    if (function_notation(s, i, &f, &v, &deriv) && !deriv) {
      fname = f;
      fvar = v;
    }
  }
  std::size_t i = 0;
  while (i < s.size() && !w.full()) {
    char c = s[i];
    bool word_start = is_letter(c) && (i == 0 || !is_letter(s[i - 1]));
    if (word_start) {
      char f, v;
      bool deriv;
      if (std::size_t n = function_notation(s, i, &f, &v, &deriv)) {
        w.put(deriv ? " derivative " : " ");
        i += n;
        continue;
      }
      // f(3) after "f(x) = ...": an evaluation point.
      if (fname && c == fname && i + 2 < s.size() && s[i + 1] == '(') {
        std::size_t p = i + 2, q = p;
        if (q < s.size() && s[q] == '-') ++q;
        while (q < s.size() && (is_digit(s[q]) || s[q] == '.')) ++q;
        if (q > p && q < s.size() && s[q] == ')' && is_digit(s[q - 1])) {
          char vbuf[1] = {fvar};
          w.put(" ");
          w.put(std::string_view(vbuf, 1));
          w.put(" = ");
          w.put(s.substr(p, q - p));
          w.put(" ");
          i = q + 1;
          continue;
        }
      }
      if (const Phrase* ph = match_phrase(s, i)) {
        w.put(ph->to);
        i += ph->from.size();
        continue;
      }
      int64_t whole;
      char frac[20];
      int frac_len;
      std::size_t n = read_number_words(s, i, &whole, frac, &frac_len);
      bool article = n == 0 && starts_with_at(s, i, "a ");
      if (article) {  // "a half", "a quarter"
        n = 1;
        whole = 1;
      }
      if (n > 0) {
        // "one half" -> (1/2), "three quarters" -> (3/4)
        std::size_t after = i + n;
        if (frac_len == 0 && after + 1 < s.size() && s[after] == ' ') {
          if (int den = denominator_word(s, after + 1)) {
            std::size_t e = after + 1;
            while (e < s.size() && is_letter(s[e])) ++e;
            w.put(" (");
            w.put_int(whole);
            w.put("/");
            w.put_int(den);
            w.put(") ");
            i = e;
            continue;
          }
        }
        if (!article) {
          w.put(" ");
          w.put_int(whole);
          if (frac_len > 0) {
            w.put(".");
            w.put(std::string_view(frac, static_cast<std::size_t>(frac_len)));
          }
          w.put(" ");
          i += n;
          continue;
        }
      }
      std::size_t e = i;
      while (e < s.size() && is_letter(s[e])) ++e;
      w.put(s.substr(i, e - i));
      i = e;
      continue;
    }
    if (is_digit(c)) {
      std::size_t e = i;
      while (e < s.size() && (is_digit(s[e]) || s[e] == '.' || (s[e] == ',' && e + 1 < s.size() && is_digit(s[e + 1]))))
        ++e;
      std::string_view digits = s.substr(i, e - i);
      i = e;
      // "2.5 million" -> 2500000: the decimal point moves right.
      static constexpr struct { std::string_view word; int zeros; } kScale[] = {
          {" thousand", 3}, {" million", 6}, {" billion", 9}, {" trillion", 12}};
      int shift = 0;
      for (const auto& sc : kScale)
        if (starts_with_at(s, i, sc.word) && (i + sc.word.size() == s.size() || !is_letter(s[i + sc.word.size()]))) {
          shift = sc.zeros;
          i += sc.word.size();
          break;
        }
      // "3 and 2/5" is the mixed number 3 2/5.
      if (shift == 0 && starts_with_at(s, i, " and ") && digits.find_first_of(".,") == std::string_view::npos) {
        std::size_t p = i + 5, slash = p;
        while (slash < s.size() && is_digit(s[slash])) ++slash;
        std::size_t e2 = slash + 1;
        while (e2 < s.size() && is_digit(s[e2])) ++e2;
        if (slash > p && slash < s.size() && s[slash] == '/' && e2 > slash + 1 && (e2 == s.size() || !is_digit(s[e2])) &&
            e2 - slash - 1 <= 9 && slash - p <= 9) {
          long long num = 0, den = 0;
          for (std::size_t k = p; k < slash; ++k) num = num * 10 + (s[k] - '0');
          for (std::size_t k = slash + 1; k < e2; ++k) den = den * 10 + (s[k] - '0');
          if (num > 0 && num < den) {
            w.put(digits);
            w.put(" ");
            w.put(s.substr(p, e2 - p));
            i = e2;
            continue;
          }
        }
      }
      std::size_t dot = digits.find('.');
      if (shift == 0 || digits.find(',') != std::string_view::npos || digits.size() > 40) {
        w.put(digits);
        if (shift) {
          w.put("e");
          w.put_int(shift);
        }
        continue;
      }
      std::string_view whole = digits.substr(0, dot), frac;
      if (dot != std::string_view::npos) frac = digits.substr(dot + 1);
      w.put(whole);
      for (int k = 0; k < shift; ++k) {
        char d = static_cast<std::size_t>(k) < frac.size() ? frac[static_cast<std::size_t>(k)] : '0';
        w.put(std::string_view(&d, 1));
      }
      if (frac.size() > static_cast<std::size_t>(shift)) {
        w.put(".");
        w.put(frac.substr(static_cast<std::size_t>(shift)));
      }
      continue;
    }
    // Every symbol and superscript starts with a non-ASCII byte, '$' or '*': other bytes are copied at once.
    if (static_cast<unsigned char>(c) < 0x80 && c != '$' && c != '*') {
      w.put(s.substr(i, 1));
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& sym : kSymbols)
      if (starts_with_at(s, i, sym.from)) {
        w.put(sym.to);
        i += sym.from.size();
        matched = true;
        break;
      }
    if (matched) continue;
    // Superscript exponents: x² -> x^2, 10⁻³ -> 10^-3
    bool sup = starts_with_at(s, i, kSuperMinus);
    for (const auto& d : kSuperscripts) sup = sup || starts_with_at(s, i, d);
    if (sup) {
      w.put("^");
      for (bool more = true; more && !w.full();) {
        more = false;
        if (starts_with_at(s, i, kSuperMinus)) {
          w.put("-");
          i += kSuperMinus.size();
          more = true;
          continue;
        }
        for (int k = 0; k < 10; ++k)
          if (starts_with_at(s, i, kSuperscripts[k])) {
            char dc = static_cast<char>('0' + k);
            w.put(std::string_view(&dc, 1));
            i += kSuperscripts[k].size();
            more = true;
            break;
          }
      }
      w.put(" ");
      continue;
    }
    w.put(s.substr(i, 1));
    ++i;
  }
  return w.size();
}

}  // namespace kimi::math
