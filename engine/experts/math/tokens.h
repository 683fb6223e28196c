// The maths tokenizer: canonical text to a fixed array of tokens (numbers, operators, functions, constants,
// variables, words), with the context rules that tell "3 x 4" (times) from "2x + 1" (a variable x).
#pragma once
#include <cstdint>
#include <string_view>

#include "experts/math/value.h"

namespace kimi::math {

enum class TokKind : uint8_t { kNum, kOp, kFunc, kConst, kVar, kWord, kPunct };

enum Op : uint8_t {
  kPlus, kMinus, kStar, kTimes, kSlash, kDivSign, kCaret, kPercent, kBang, kLParen, kRParen, kComma,
  kEq, kLt, kGt, kLe, kGe, kNe, kBar
};

enum ConstId : uint8_t { kConstPi, kConstE };

enum TokFlags : uint8_t {
  kSpaceBefore = 1,  // whitespace precedes the token
  kMixedNumber = 2,  // "5 1/2"
  kDecimal = 4,      // has a decimal point or exponent
};

struct Tok {
  TokKind kind;
  uint8_t id;     // Op, Func, ConstId or the variable letter
  uint8_t flags;
  uint16_t begin, end;  // byte range in the canonical text
};

inline constexpr int kMaxTokens = 4608;

struct TokenList {
  std::string_view text;
  Tok tok[kMaxTokens];
  int count = 0;

  std::string_view text_of(int i) const { return text.substr(tok[i].begin, tok[i].end - tok[i].begin); }
  bool is_op(int i, Op op) const { return i >= 0 && i < count && tok[i].kind == TokKind::kOp && tok[i].id == op; }
  bool is_word(int i, std::string_view w) const {
    return i >= 0 && i < count && tok[i].kind == TokKind::kWord && text_of(i) == w;
  }
  bool is_kind(int i, TokKind k) const { return i >= 0 && i < count && tok[i].kind == k; }
  bool tight(int i) const { return i >= 0 && i < count && !(tok[i].flags & kSpaceBefore); }
};

void tokenize(std::string_view canon, TokenList* out);

// Value of a number literal ("1,250", "0.125", "2.5e6", "5 1/2"): exact when it fits in a rational, else an
// error-bounded real. nullptr or a message (a literal beyond 10^308).
const char* number_value(std::string_view literal, Value* out);

// How a function is written in answers: "√", "sin", "log", ...
std::string_view func_display(Func f);

}  // namespace kimi::math
