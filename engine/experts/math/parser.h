// The maths expert's expression evaluator: a recursive-descent parser over the token array that computes as it
// reads (no syntax tree), renders what it understood, and tracks polynomial degree so that equations and
// calculus can sample the expression at a few values of x. Recursion depth is capped; nothing allocates.
#pragma once
#include "experts/math/echo.h"
#include "experts/math/tokens.h"
#include "experts/math/value.h"

namespace kimi::math {

inline constexpr int kMaxDepth = 32;  // nesting levels; each costs about 2 KB of stack
inline constexpr int kMaxVars = 3;

struct EvalOptions {
  const char* letters = "";        // variable letters by slot; empty: slots in order of appearance
  Value var_values[kMaxVars];      // the value of each slot (0 by default)
  bool fraction_literals = false;  // read "3 ÷ 1/3" as 3 ÷ (1/3); the strict reading is the default
  bool trig_degrees = false;       // a plain number inside sin/cos/tan is in degrees
  bool implicit_first = false;     // "6 ÷ 2(1 + 2)": the implied product binds first (6 ÷ 6)
};

struct ParseResult {
  bool ok = false;                      // syntactically complete expression (or relation)
  int begin = 0, end = 0;               // tokens used: [begin, end)
  int fail_at = 0;                      // where a syntax error was found
  const char* syntax_error = nullptr;
  const char* eval_error = nullptr;     // division by zero, overflow, ... (first one)
  Value lhs, rhs;
  int rel = -1;                         // the relation's Op (kEq, kLt, ...), -1 for a plain expression
  int rel_at = -1;                      // token index of the relation symbol
  char vars[kMaxVars + 1] = {};         // letters in order of appearance
  int nvars = 0;
  bool extra_vars = false;              // more letters than slots
  int ops = 0;                          // operators, functions and factorials used
  int implicit_ops = 0;                 // of which implied multiplications ("2x", "2π")
  bool chained = false;                 // "1 < 2x + 3 < 9": a second relation follows
  bool simple_fraction = false;         // exactly "a/b" with two literals
  bool has_const = false, has_percent = false, has_division = false, has_mixed = false;
  bool ambiguous_fraction = false;      // "a ÷ b/c" or "a^b/c": see EvalOptions::fraction_literals
  bool ambiguous_implicit = false;      // "a ÷ b(c)": see EvalOptions::implicit_first
  bool trig_plain_number = false;       // sin(30): maybe meant in degrees
  bool percent_added = false;           // "50 + 10%" read as 50 increased by 10%
  bool inverse_trig = false;
};

// Parses the longest expression (optionally "lhs relation rhs") starting at token `begin`, not reading at or
// past `limit`. `echo` (optional) receives the rendering.
ParseResult parse_expression(const TokenList& toks, int begin, int limit, const EvalOptions& options, Echo* echo);

// True when token i can begin an operand (a number, "(", a function with its argument, a variable, ...).
bool can_start_operand(const TokenList& toks, int i, int limit);

}  // namespace kimi::math
