// The maths tokenizer (see tokens.h).
#include "experts/math/tokens.h"

#include <cmath>

namespace kimi::math {
namespace {

struct FuncName {
  std::string_view name;
  Func f;
};

constexpr FuncName kFuncs[] = {
    {"sqrt", Func::kSqrt},   {"cbrt", Func::kCbrt},   {"abs", Func::kAbs},      {"sin", Func::kSin},
    {"cos", Func::kCos},     {"tan", Func::kTan},     {"sec", Func::kSec},      {"csc", Func::kCsc},
    {"cosec", Func::kCsc},   {"cot", Func::kCot},     {"asin", Func::kAsin},    {"acos", Func::kAcos},
    {"atan", Func::kAtan},   {"log", Func::kLog10},   {"ln", Func::kLn},        {"exp", Func::kExp},
    {"floor", Func::kFloor}, {"ceil", Func::kCeil},   {"ceiling", Func::kCeil}, {"round", Func::kRound},
    {"factorial", Func::kFactorial}, {"gcd", Func::kGcd}, {"hcf", Func::kGcd},  {"gcf", Func::kGcd},
    {"lcm", Func::kLcm},     {"max", Func::kMax},     {"min", Func::kMin},      {"ncr", Func::kNcr},
    {"npr", Func::kNpr}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || c == '\'' || static_cast<unsigned char>(c) >= 0x80; }

// End of the number literal starting at s[i] (a digit, or '.' before a digit).
std::size_t scan_number(std::string_view s, std::size_t i, uint8_t* flags) {
  std::size_t p = i, group_start = i;
  while (p < s.size() && is_digit(s[p])) ++p;
  // Thousands separators: "1,250" / "12,345,678" (groups of exactly three digits).
  if (p - group_start <= 3 && p > group_start) {
    while (p + 3 < s.size() + 0 && s[p] == ',' && is_digit(s[p + 1]) && is_digit(s[p + 2]) && is_digit(s[p + 3]) &&
           (p + 4 >= s.size() || !is_digit(s[p + 4])))
      p += 4;
  }
  if (p + 1 < s.size() && s[p] == '.' && is_digit(s[p + 1])) {
    *flags |= kDecimal;
    ++p;
    while (p < s.size() && is_digit(s[p])) ++p;
  }
  if (p + 1 < s.size() && s[p] == 'e') {
    std::size_t q = p + 1;
    if (q < s.size() && (s[q] == '+' || s[q] == '-')) ++q;
    if (q < s.size() && is_digit(s[q])) {
      while (q < s.size() && is_digit(s[q])) ++q;
      if (q >= s.size() || !is_letter(s[q])) {
        *flags |= kDecimal;
        p = q;
      }
    }
  }
  return p;
}

bool parse_int(std::string_view s, std::size_t* p, i128* v) {
  *v = 0;
  std::size_t start = *p;
  while (*p < s.size() && is_digit(s[*p])) {
    if (__builtin_mul_overflow(*v, 10, v) || __builtin_add_overflow(*v, s[*p] - '0', v)) return false;
    ++*p;
  }
  return *p > start;
}

// "5 1/2" right after an integer ending at p: returns the end of the fraction, or p.
std::size_t scan_mixed(std::string_view s, std::size_t p) {
  if (p + 4 > s.size() || s[p] != ' ' || !is_digit(s[p + 1])) return p;
  std::size_t q = p + 1;
  i128 num, den;
  if (!parse_int(s, &q, &num) || q >= s.size() || s[q] != '/') return p;
  ++q;
  if (!parse_int(s, &q, &den)) return p;
  if (q < s.size() && (s[q] == '.' || s[q] == '^' || s[q] == '/' || is_letter(s[q]))) return p;
  if (num <= 0 || den <= num) return p;  // only a proper fraction reads as part of a mixed number
  return q;
}

bool is_operator_tok(const Tok& t) {
  return t.kind == TokKind::kOp && t.id != kRParen && t.id != kBang && t.id != kPercent;
}

// A single letter is a variable when used like one: always for x, y, z, t; otherwise next to an operator or
// right after a number ("3a"). "is a prime" keeps "a" a word.
void classify_letters(TokenList* tl) {
  for (int i = 0; i < tl->count; ++i) {
    Tok& t = tl->tok[i];
    if (t.kind != TokKind::kVar) continue;
    const Tok* prev = i > 0 ? &tl->tok[i - 1] : nullptr;
    const Tok* next = i + 1 < tl->count ? &tl->tok[i + 1] : nullptr;
    bool prev_value = prev && (prev->kind == TokKind::kNum || (prev->kind == TokKind::kOp && prev->id == kRParen));
    if (t.id == 'x' && prev_value && next) {
      bool spaced = (t.flags & kSpaceBefore) && (next->flags & kSpaceBefore);
      // "a 3x3 matrix", "2x4 board": dimensions, not a product.
      bool tight = !(t.flags & kSpaceBefore) && !(next->flags & kSpaceBefore) && prev->kind == TokKind::kNum;
      const Tok* after = i + 2 < tl->count ? &tl->tok[i + 2] : nullptr;
      if (tight && next->kind == TokKind::kNum && after && after->kind == TokKind::kWord) {
        t.kind = TokKind::kWord;
        continue;
      }
      if (next->kind == TokKind::kNum || (spaced && next->kind == TokKind::kOp && next->id == kLParen)) {
        t.kind = TokKind::kOp;  // "3 x 4": times
        t.id = kTimes;
        continue;
      }
    }
    char c = static_cast<char>(t.id);
    if (c == 'x' || c == 'y' || c == 'z' || c == 't') continue;
    bool ok = (prev_value && !(t.flags & kSpaceBefore)) || (prev && is_operator_tok(*prev) && prev->id != kComma) ||
              (next && next->kind == TokKind::kOp && next->id != kLParen && next->id != kComma && next->id != kBar);
    if (!ok) t.kind = TokKind::kWord;
  }
}

}  // namespace

std::string_view func_display(Func f) {
  switch (f) {
    case Func::kSqrt: return "√";
    case Func::kCbrt: return "∛";
    case Func::kLog10: return "log";
    case Func::kLog2: return "log2";
    case Func::kLogBase: return "log";
    case Func::kNcr: return "C";
    case Func::kNpr: return "P";
    default: break;
  }
  for (const auto& fn : kFuncs)
    if (fn.f == f) return fn.name;
  return "f";
}

void tokenize(std::string_view s, TokenList* out) {
  out->text = s;
  out->count = 0;
  std::size_t i = 0;
  uint8_t space = 0;
  while (i < s.size() && out->count < kMaxTokens) {
    char c = s[i];
    if (c == ' ') {
      space = kSpaceBefore;
      ++i;
      continue;
    }
    Tok t{TokKind::kPunct, 0, space, static_cast<uint16_t>(i), 0};
    space = 0;
    std::size_t e = i + 1;
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      t.kind = TokKind::kNum;
      e = scan_number(s, i, &t.flags);
      bool plain_int = !(t.flags & kDecimal);
      for (std::size_t k = i; k < e; ++k) plain_int = plain_int && is_digit(s[k]);
      bool after_tight_op = out->count > 0 && out->tok[out->count - 1].kind == TokKind::kOp &&
                            (out->tok[out->count - 1].id == kSlash || out->tok[out->count - 1].id == kCaret);
      if (plain_int && !after_tight_op) {
        std::size_t m = scan_mixed(s, e);
        if (m != e) {
          t.flags |= kMixedNumber;
          e = m;
        }
      }
      // "3-4-5", "30-60-90": a name for a triple, not two subtractions.
      if (plain_int) {
        std::size_t q = e;
        int links = 0;
        while (q + 1 < s.size() && s[q] == '-' && is_digit(s[q + 1])) {
          ++q;
          while (q < s.size() && is_digit(s[q])) ++q;
          ++links;
        }
        if (links >= 2 && (q >= s.size() || !is_letter(s[q]))) {
          t.kind = TokKind::kWord;
          e = q;
        }
      }
      // "1939-1945": a range of years, not a subtraction.
      if (plain_int && e - i == 4 && e + 5 <= s.size() && s[e] == '-' && is_digit(s[e + 1]) && is_digit(s[e + 4]) &&
          (e + 5 == s.size() || !is_digit(s[e + 5])) && (s[i] == '1' || s[i] == '2') && s.substr(i, 4) < s.substr(e + 1, 4)) {
        t.kind = TokKind::kWord;
        e += 5;
      }
    } else if (is_letter(c) && s.substr(i, 2) != "\xC3\xB7") {  // ÷ is an operator, not a letter
      while (e < s.size() && is_letter(s[e])) ++e;
      // Hyphenated words: "well-known", "x-axis", "y-intercept" (but "x-y" stays a subtraction).
      while (e + 2 < s.size() && s[e] == '-' && is_letter(s[e + 1]) && (e - i >= 2 || is_letter(s[e + 2]))) {
        e += 2;
        while (e < s.size() && is_letter(s[e])) ++e;
      }
      std::string_view w = s.substr(i, e - i);
      t.kind = TokKind::kWord;
      if (w == "log" && e < s.size() && (s[e] == '2' || s[e] == '_')) {
        if (s[e] == '2' && (e + 1 >= s.size() || !is_digit(s[e + 1]))) {
          t.kind = TokKind::kFunc;
          t.id = static_cast<uint8_t>(Func::kLog2);
          ++e;
        } else if (s[e] == '_' && e + 1 < s.size() && is_digit(s[e + 1])) {
          t.kind = TokKind::kFunc;  // log_2: the parser reads the base from the token text
          t.id = static_cast<uint8_t>(Func::kLogBase);
          ++e;
          while (e < s.size() && (is_digit(s[e]) || s[e] == '.')) ++e;
        }
      } else if (w == "log" && e + 1 < s.size() && s[e] == '1' && s[e + 1] == '0' && (e + 2 >= s.size() || !is_digit(s[e + 2]))) {
        t.kind = TokKind::kFunc;
        t.id = static_cast<uint8_t>(Func::kLog10);
        e += 2;
      } else if (w == "pi" || w == "e") {
        t.kind = TokKind::kConst;
        t.id = w == "pi" ? kConstPi : kConstE;
      } else if (w.size() == 1 && w[0] != 'i') {
        t.kind = TokKind::kVar;
        t.id = static_cast<uint8_t>(w[0]);
      } else {
        for (const auto& fn : kFuncs)
          if (w == fn.name) {
            t.kind = TokKind::kFunc;
            t.id = static_cast<uint8_t>(fn.f);
          }
      }
    } else {
      t.kind = TokKind::kOp;
      auto two = s.substr(i, 2);
      if (two == "<=") { t.id = kLe; e = i + 2; }
      else if (two == ">=") { t.id = kGe; e = i + 2; }
      else if (two == "!=") { t.id = kNe; e = i + 2; }
      else if (two == "\xC3\xB7") { t.id = kDivSign; e = i + 2; }  // ÷
      else {
        switch (c) {
          case '+': t.id = kPlus; break;
          case '-': t.id = kMinus; break;
          case '*': t.id = kStar; break;
          case '/': t.id = kSlash; break;
          case '^': t.id = kCaret; break;
          case '%': t.id = kPercent; break;
          case '!': t.id = kBang; break;
          case '(': case '[': case '{': t.id = kLParen; break;
          case ')': case ']': case '}': t.id = kRParen; break;
          case ',': t.id = kComma; break;
          case '=': t.id = kEq; break;
          case '<': t.id = kLt; break;
          case '>': t.id = kGt; break;
          case '|': t.id = kBar; break;
          default: t.kind = TokKind::kPunct; break;
        }
        if (t.kind == TokKind::kPunct) {  // keep a multi-byte character in one token
          while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
        }
      }
    }
    t.end = static_cast<uint16_t>(e);
    out->tok[out->count++] = t;
    i = e;
  }
  classify_letters(out);
}

const char* number_value(std::string_view s, Value* out) {
  std::size_t p = 0;
  i128 mant = 0;
  bool exact = true;
  int decimals = 0, digits = 0;
  double dm = 0;
  bool in_fraction = false;
  for (; p < s.size(); ++p) {
    char c = s[p];
    if (c == ',') continue;
    if (c == '.') {
      in_fraction = true;
      continue;
    }
    if (!is_digit(c)) break;
    ++digits;
    dm = dm * 10 + (c - '0');
    if (exact && (__builtin_mul_overflow(mant, 10, &mant) || __builtin_add_overflow(mant, c - '0', &mant))) exact = false;
    if (in_fraction) ++decimals;
  }
  long exp10 = 0;
  if (p < s.size() && s[p] == 'e') {
    ++p;
    bool negative = p < s.size() && s[p] == '-';
    if (p < s.size() && (s[p] == '-' || s[p] == '+')) ++p;
    for (; p < s.size() && is_digit(s[p]); ++p)
      if (exp10 < 100000) exp10 = exp10 * 10 + (s[p] - '0');
    if (negative) exp10 = -exp10;
  }
  Rational r;
  long shift = exp10 - decimals;
  i128 scale;
  if (exact) {
    if (shift >= 0) exact = pow10_int(static_cast<int>(shift < 39 ? shift : 39), &scale) && !__builtin_mul_overflow(mant, scale, &mant) && make_rational(mant, 1, &r);
    else exact = pow10_int(static_cast<int>(-shift < 39 ? -shift : 39), &scale) && make_rational(mant, scale, &r);
  }
  if (p < s.size() && s[p] == ' ') {  // mixed number "5 1/2"
    std::size_t q = p + 1;
    i128 n = 0, d = 0;
    Rational frac;
    if (exact && parse_int(s, &q, &n) && q < s.size() && s[q] == '/' && (++q, parse_int(s, &q, &d)) &&
        make_rational(n, d, &frac) && add(r, frac, &r)) {
      *out = exact_value(r);
      return nullptr;
    }
  }
  if (exact) {
    *out = exact_value(r);
    return nullptr;
  }
  double d = dm * std::pow(10.0, static_cast<double>(shift));
  if (!std::isfinite(d)) return "the number is too large (beyond about 10^308)";
  if (d == 0 && dm != 0) return "the number is too small (below about 10^-308)";
  Value v;
  v.kind = Value::Kind::kReal;
  v.d = d;
  v.ae = std::fabs(d) * (digits + 4) * 2.3e-16;
  *out = v;
  return nullptr;
}

}  // namespace kimi::math
