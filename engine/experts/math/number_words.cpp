// Spelled-out numbers (see number_words.h).
#include "experts/math/number_words.h"

namespace kimi::math {
namespace {

struct NumberWord {
  std::string_view word;  // (a view, not a const char*: comparing a const char* measures it first)
  int64_t value;
};

constexpr NumberWord kSmall[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},      {"four", 4},      {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},      {"nine", 9},       {"ten", 10},      {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},   {"sixteen", 16},  {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},    {"thirty", 30},    {"forty", 40},    {"fourty", 40},
    {"fifty", 50},    {"sixty", 60},     {"seventy", 70},   {"eighty", 80},    {"ninety", 90}};
constexpr NumberWord kScales[] = {{"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000},
                                  {"trillion", 1000000000000}};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || c == '\''; }

std::string_view word_at(std::string_view s, std::size_t pos) {
  std::size_t e = pos;
  while (e < s.size() && is_letter(s[e])) ++e;
  return s.substr(pos, e - pos);
}

int64_t small_value(std::string_view w) {
  for (const auto& n : kSmall)
    if (w == n.word) return n.value;
  return -1;
}

int64_t scale_value(std::string_view w) {
  for (const auto& n : kScales)
    if (w == n.word) return n.value;
  return -1;
}

// Position of the next word after the separator at s[p] (a space or a hyphen), or npos.
std::size_t next_word(std::string_view s, std::size_t p) {
  if (p < s.size() && (s[p] == ' ' || s[p] == '-') && p + 1 < s.size() && is_letter(s[p + 1])) return p + 1;
  return std::string_view::npos;
}

}  // namespace

std::size_t read_number_words(std::string_view s, std::size_t pos, int64_t* whole, char* frac, int* frac_len) {
  enum class Last { kNone, kUnit, kTens, kHundred, kScale };
  Last last = Last::kNone;
  int64_t total = 0, current = 0, last_scale = 0;
  std::size_t end = 0, p = pos;
  bool any = false;
  *frac_len = 0;
  for (int guard = 0; guard < 64 && p != std::string_view::npos && p < s.size(); ++guard) {
    std::string_view w = word_at(s, p);
    std::size_t after = p + w.size();
    int64_t v = small_value(w), sc = scale_value(w);
    if (w == "a" && !any) {  // "a hundred", "a million"
      std::size_t nx = next_word(s, after);
      std::string_view nw = nx == std::string_view::npos ? std::string_view() : word_at(s, nx);
      if (nw != "hundred" && scale_value(nw) < 0) break;
      current = 1;
      last = Last::kUnit;
      p = nx;
      continue;
    }
    if (v >= 0) {
      bool unit = v < 20;
      if (last == Last::kUnit || (last == Last::kTens && (!unit || v == 0))) break;  // "one two" is two numbers
      if (v == 0 && any) break;
      current += v;
      last = unit ? Last::kUnit : Last::kTens;
    } else if (w == "hundred") {
      if (last != Last::kUnit && last != Last::kTens) break;
      if (current >= 100) break;
      current *= 100;
      last = Last::kHundred;
    } else if (sc > 0) {
      if (current == 0 || (last_scale != 0 && sc >= last_scale)) break;
      total += current * sc;
      current = 0;
      last_scale = sc;
      last = Last::kScale;
    } else if (w == "and" && (last == Last::kHundred || last == Last::kScale)) {
      std::size_t nx = next_word(s, after);
      if (nx == std::string_view::npos || small_value(word_at(s, nx)) <= 0) break;
      p = nx;
      continue;  // "one hundred and five": the number goes on
    } else if (w == "point" && any) {
      std::size_t q = next_word(s, after);
      while (q != std::string_view::npos && *frac_len < 18) {
        int64_t digit = small_value(word_at(s, q));
        if (digit < 0 || digit > 9) break;
        frac[(*frac_len)++] = static_cast<char>('0' + digit);
        end = q + word_at(s, q).size();
        q = next_word(s, end);
      }
      break;
    } else {
      break;
    }
    any = true;
    end = after;
    p = next_word(s, after);
  }
  if (!any) return 0;
  *whole = total + current;
  return end - pos;
}

}  // namespace kimi::math
