// The maths expression evaluator (see parser.h). Grammar, loosest first:
//   relation := sum [("=" | "<" | ">" | "<=" | ">=" | "!=") sum]
//   sum      := product (("+" | "-") product)*            "50 + 10%" adds 10% of 50
//   product  := unary (("*" | "×" | "/" | "÷" | "mod" | "of" | "choose" | implicit) unary)*
//   unary    := ("-" | "+") unary | power
//   power    := postfix ["^" unary]                       right-associative: 2^3^2 = 2^9
//   postfix  := primary ("!" | "%" | "factorial" | "degrees")*
//   primary  := number | constant | variable | "(" sum ")" | "|" sum "|" | function
#include "experts/math/parser.h"

#include "experts/math/value_internal.h"

// Out-of-line member functions for rare paths (see Parser::literal_fraction).
#define KIMI_COLD __attribute__((noinline))

namespace kimi::math {
namespace {

constexpr const char* kMsgExpected = "expected a number";
constexpr const char* kMsgAfterOperator = "expected a number after the operator";
constexpr const char* kMsgTooDeep = "the expression is too deeply nested (more than 32 levels)";

bool is_multi_arg(Func f) {
  return f == Func::kGcd || f == Func::kLcm || f == Func::kMax || f == Func::kMin || f == Func::kNcr || f == Func::kNpr;
}

Rational rat(i128 n, i128 d) {
  Rational r;
  make_rational(n, d, &r);
  return r;
}

// A rendered argument that needs no parentheses: "144", "x", "2π", "30°".
bool is_atomic(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || u >= 0x80;
    if (!ok) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(const TokenList& t, int begin, int limit, const EvalOptions& o, Echo* echo, ParseResult* r)
      : t_(t), pos_(begin), limit_(limit < t.count ? limit : t.count), opt_(o), echo_(echo), r_(r) {}

  void run() {
    r_->begin = pos_;
    relation();
    r_->end = pos_;
    r_->ok = !failed_;
    // "3/4" (two whole numbers) reads as a number; "4.5 / 0.15" is a division.
    bool whole_fraction = r_->end - r_->begin == 3 && t_.tok[r_->begin].kind == TokKind::kNum &&
                          t_.is_op(r_->begin + 1, kSlash) && t_.tok[r_->begin + 2].kind == TokKind::kNum &&
                          !((t_.tok[r_->begin].flags | t_.tok[r_->begin + 2].flags) & kDecimal);
    r_->simple_fraction = r_->ok && r_->rel < 0 && (whole_fraction || paren_fraction(r_->begin, r_->end));
  }

 private:
  const TokenList& t_;
  int pos_, limit_;
  const EvalOptions& opt_;
  Echo* echo_;
  ParseResult* r_;
  int depth_ = 0;
  int trig_arg_ = 0;
  bool failed_ = false;
  bool percent_flag_ = false;  // the last postfix applied was "%"

  bool at_end() const { return pos_ >= limit_; }
  bool op(Op o) const { return !at_end() && t_.is_op(pos_, o); }
  bool word(std::string_view w) const { return !at_end() && t_.is_word(pos_, w); }
  bool operand_at(int i) const { return can_start_operand(t_, i, limit_); }
  bool word_follows(int i) const { return i < limit_ && t_.tok[i].kind == TokKind::kWord; }

  void emit(std::string_view s) {
    if (echo_) echo_->append(s);
  }
  std::size_t mark() const { return echo_ ? echo_->size() : 0; }

  Value fail(const char* msg) {
    if (!failed_) {
      failed_ = true;
      r_->syntax_error = msg;
      r_->fail_at = pos_;
    }
    return unknown_value(0);
  }
  void check(const char* err) {
    if (err && !r_->eval_error) r_->eval_error = err;
  }

  int slot_of(char c) {
    bool seen = false;
    for (int i = 0; i < r_->nvars; ++i) seen = seen || r_->vars[i] == c;
    if (!seen) {
      if (r_->nvars < kMaxVars) r_->vars[r_->nvars++] = c;
      else r_->extra_vars = true;
    }
    const char* letters = opt_.letters[0] ? opt_.letters : r_->vars;
    for (int i = 0; i < kMaxVars && letters[i]; ++i)
      if (letters[i] == c) return i;
    r_->extra_vars = true;
    return -1;
  }

  // "1/3" written tight, right after "÷" or "^": it may be meant as one number.
  bool fraction_literal_at(int i) const {
    if (i + 2 >= limit_ || t_.tok[i].kind != TokKind::kNum || !t_.is_op(i + 1, kSlash) ||
        t_.tok[i + 2].kind != TokKind::kNum || !t_.tight(i + 1) || !t_.tight(i + 2))
      return false;
    if ((t_.tok[i].flags | t_.tok[i + 2].flags) & kMixedNumber) return false;
    return !(t_.is_op(i + 3, kCaret) || t_.is_op(i + 3, kBang));
  }

  // Rare paths are kept out of line (KIMI_COLD) so the recursive frames stay small: the stack cost per
  // nesting level bounds the whole solver's stack.
  KIMI_COLD Value literal_fraction() {
    Value n, d, out;
    check(number_value(t_.text_of(pos_), &n));
    check(number_value(t_.text_of(pos_ + 2), &d));
    emit(t_.text_of(pos_));
    emit("/");
    emit(t_.text_of(pos_ + 2));
    pos_ += 3;
    check(vdiv(n, d, &out));
    r_->has_division = true;
    return out;
  }

  void emit_literal(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] != ',') emit(s.substr(i, 1));
  }

  void relation() {
    r_->lhs = sum();
    if (failed_ || at_end() || t_.tok[pos_].kind != TokKind::kOp) return;
    std::string_view render;
    switch (t_.tok[pos_].id) {
      case kEq: render = " = "; break;
      case kLt: render = " < "; break;
      case kGt: render = " > "; break;
      case kLe: render = " ≤ "; break;
      case kGe: render = " ≥ "; break;
      case kNe: render = " ≠ "; break;
      default: return;
    }
    if (!operand_at(pos_ + 1)) return;  // "2+2=?" ends before "="
    r_->rel = t_.tok[pos_].id;
    r_->rel_at = pos_;
    emit(render);
    ++pos_;
    r_->rhs = sum();
    if (!failed_ && !at_end() && t_.tok[pos_].kind == TokKind::kOp && t_.tok[pos_].id >= kEq && t_.tok[pos_].id <= kNe)
      r_->chained = true;
  }

  Value sum() {
    bool bare = false;
    Value v = product(&bare);
    while (!failed_ && (op(kPlus) || op(kMinus))) {
      bool minus = op(kMinus);
      if (!operand_at(pos_ + 1)) {
        if (word_follows(pos_ + 1)) break;  // "5-year": a hyphen, not a minus
        ++pos_;
        return fail(kMsgAfterOperator);
      }
      emit(minus ? " - " : " + ");
      ++pos_;
      bool rbare = false;
      Value r = product(&rbare), out;
      ++r_->ops;
      if (rbare && !bare) {  // "50 + 10%": 50 increased by 10%, as calculators read it
        Value factor, one = int_value(1);
        check(minus ? vsub(one, r, &factor) : vadd(one, r, &factor));
        check(vmul(v, factor, &out));
        r_->percent_added = true;
      } else {
        check(minus ? vsub(v, r, &out) : vadd(v, r, &out));
      }
      v = out;
      bare = false;
    }
    return v;
  }

  // Tokens [b, e) are "(a/b)" with two literals: how "three quarters" arrives.
  bool paren_fraction(int b, int e) const {
    return e - b == 5 && t_.is_op(b, kLParen) && t_.is_kind(b + 1, TokKind::kNum) && t_.is_op(b + 2, kSlash) &&
           t_.is_kind(b + 3, TokKind::kNum) && t_.is_op(b + 4, kRParen);
  }

  bool implicit_operand_at(int i) const {
    if (i >= limit_) return false;
    const Tok& tk = t_.tok[i];
    if (tk.kind == TokKind::kConst || tk.kind == TokKind::kVar) return true;
    if (tk.kind == TokKind::kFunc) return static_cast<Func>(tk.id) != Func::kFactorial && operand_at(i);
    // "3! 4!": a product of factorials
    if (tk.kind == TokKind::kNum) return t_.is_op(i - 1, kBang) && t_.is_op(i + 1, kBang) && i + 1 < limit_;
    return tk.kind == TokKind::kOp && tk.id == kLParen;
  }

  Value product(bool* bare_out) {
    percent_flag_ = false;
    int start = pos_;
    Value v = unary();
    bool bare = percent_flag_, percent = percent_flag_;
    bool literal = pos_ - start == 1 && t_.tok[start].kind == TokKind::kNum;
    bool fraction = paren_fraction(start, pos_);  // "2/3 of 90", "(3/4) of 80": "of" reads as times
    enum class Kind { kNone, kMul, kDiv, kMod, kChoose };
    while (!failed_ && !at_end()) {
      Kind kind = Kind::kNone;
      std::string_view render;
      bool symbol = false, implicit = false;
      if (op(kStar) || op(kTimes)) {
        kind = Kind::kMul;
        render = " × ";
        symbol = true;
      } else if (op(kSlash)) {
        kind = Kind::kDiv;
        auto simple = [&](int i) {
          return t_.is_kind(i, TokKind::kNum) || t_.is_kind(i, TokKind::kConst) || t_.is_kind(i, TokKind::kVar);
        };
        bool tight = t_.tight(pos_) && t_.tight(pos_ + 1) && simple(pos_ - 1) && simple(pos_ + 1);
        render = tight ? "/" : " / ";
        symbol = true;
      } else if (op(kDivSign)) {
        kind = Kind::kDiv;
        render = " ÷ ";
        symbol = true;
      } else if ((op(kPercent) || word("mod")) && operand_at(pos_ + 1)) {
        kind = Kind::kMod;
        render = " mod ";
      } else if (word("of") && (percent || fraction) && operand_at(pos_ + 1)) {
        kind = Kind::kMul;
        render = " of ";
      } else if (word("choose") && operand_at(pos_ + 1)) {
        kind = Kind::kChoose;
        render = " choose ";
      } else if (implicit_operand_at(pos_)) {
        kind = Kind::kMul;
        implicit = true;
        render = t_.tok[pos_].kind == TokKind::kFunc ? " " : (t_.tok[pos_].kind == TokKind::kNum ? " × " : "");
      }
      if (kind == Kind::kNone) break;
      if (symbol && !operand_at(pos_ + 1)) {
        if (word_follows(pos_ + 1)) break;  // "60 km / hour"
        ++pos_;
        return fail(kMsgAfterOperator);
      }
      emit(render);
      if (!implicit) ++pos_;
      int rstart = pos_;
      Value r;
      if (kind == Kind::kDiv && fraction_literal_at(pos_)) {
        r_->ambiguous_fraction = true;
        r = opt_.fraction_literals ? literal_fraction() : unary();
      } else {
        r = unary();
      }
      if (failed_) return r;
      if (kind == Kind::kDiv && implicit_operand_at(pos_) && t_.tok[pos_].kind != TokKind::kFunc) {
        r_->ambiguous_implicit = true;  // "6 ÷ 2(1 + 2)"
        while (opt_.implicit_first && !failed_ && implicit_operand_at(pos_)) {
          Value f = unary(), prod;
          check(vmul(r, f, &prod));
          r = prod;
          ++r_->ops;
        }
        if (failed_) return r;
      }
      bool r_literal = pos_ - rstart == 1 && t_.tok[rstart].kind == TokKind::kNum;
      Value out;
      switch (kind) {
        case Kind::kMul: check(vmul(v, r, &out)); break;
        case Kind::kDiv:
          r_->has_division = true;
          check(vdiv(v, r, &out));
          break;
        case Kind::kMod: check(vmod(v, r, &out)); break;
        default: {
          out = choose(v, r);
        }
      }
      ++r_->ops;
      if (implicit) ++r_->implicit_ops;
      fraction = kind == Kind::kDiv && literal && r_literal;
      literal = false;
      percent = bare = false;
      v = out;
    }
    *bare_out = bare;
    return v;
  }

  Value unary() {
    if (++depth_ > kMaxDepth) {
      --depth_;
      return fail(kMsgTooDeep);
    }
    Value v;
    if (op(kMinus) || op(kPlus) || word("neg")) {  // "neg": the word "negative", never a subtraction
      bool minus = !op(kPlus);
      if (minus) emit("-");
      ++pos_;
      if (!operand_at(pos_)) {
        v = fail(kMsgExpected);
      } else {
        Value a = unary();
        if (minus) check(vneg(a, &v));
        else v = a;
      }
    } else {
      v = power();
    }
    --depth_;
    return v;
  }

  Value power() {
    Value base = postfix();
    if (failed_ || !op(kCaret)) return base;
    emit("^");
    ++pos_;
    if (!operand_at(pos_)) return fail("expected an exponent after ^");
    Value e;
    if (fraction_literal_at(pos_)) {
      r_->ambiguous_fraction = true;
      e = opt_.fraction_literals ? literal_fraction() : unary();
    } else {
      e = unary();
    }
    ++r_->ops;
    percent_flag_ = false;
    Value out;
    check(vpow(base, e, &out));
    return out;
  }

  Value postfix() {
    std::size_t m = mark();
    Value v = primary();
    while (!failed_ && !at_end()) {
      const Tok& tk = t_.tok[pos_];
      bool fact_word = tk.kind == TokKind::kFunc && static_cast<Func>(tk.id) == Func::kFactorial && !operand_at(pos_ + 1);
      Value out;
      if (op(kBang) || fact_word) {
        if (echo_ && !is_atomic(echo_->from(m)) && echo_->from(m).substr(0, 1) != "(") {
          echo_->insert(m, "(");
          emit(")");
        }
        emit("!");
        ++pos_;
        ++r_->ops;
        check(vfunc(Func::kFactorial, &v, 1, &out));
        percent_flag_ = false;
      } else if (op(kPercent) && !operand_at(pos_ + 1)) {
        emit("%");
        ++pos_;
        check(vdiv(v, int_value(100), &out));
        percent_flag_ = true;
        r_->has_percent = true;
      } else if (trig_arg_ > 0 && (word("degrees") || word("degree") || word("deg"))) {
        emit("°");
        ++pos_;
        check(vmul(v, pi_value(rat(1, 180)), &out));
      } else if (trig_arg_ > 0 && (word("radians") || word("radian") || word("rad"))) {
        ++pos_;
        out = v;
      } else {
        break;
      }
      v = out;
    }
    return v;
  }

  Value primary() {
    if (at_end()) return fail(kMsgExpected);
    const Tok& tk = t_.tok[pos_];
    switch (tk.kind) {
      case TokKind::kNum: {
        Value v;
        const char* err = number_value(t_.text_of(pos_), &v);
        if (err) v = unknown_value(0);
        check(err);
        emit_literal(t_.text_of(pos_));
        if (tk.flags & kMixedNumber) r_->has_mixed = true;
        ++pos_;
        return v;
      }
      case TokKind::kConst:
        r_->has_const = true;
        ++pos_;
        if (tk.id == kConstPi) {
          emit("π");
          return pi_value(rat(1, 1));
        }
        emit("e");
        return real_value(2.718281828459045, 2.718281828459045 * kEps);
      case TokKind::kVar: {
        char c = static_cast<char>(tk.id);
        emit(std::string_view(&c, 1));
        ++pos_;
        int slot = slot_of(c);
        Value v = slot >= 0 ? opt_.var_values[slot] : unknown_value(1);
        if (v.kind != Value::Kind::kUnknown) v.deg = 1;
        return v;
      }
      case TokKind::kOp:
        if (tk.id == kLParen || tk.id == kBar) {
          bool bar = tk.id == kBar;
          emit(bar ? "|" : "(");
          ++pos_;
          if (!operand_at(pos_)) return fail(kMsgExpected);
          Value v = sum();
          if (failed_) return v;
          if (!op(bar ? kBar : kRParen)) return fail(bar ? "missing closing |" : "missing )");
          emit(bar ? "|" : ")");
          ++pos_;
          if (!bar) return v;
          Value out;
          check(vfunc(Func::kAbs, &v, 1, &out));
          return out;
        }
        return fail(kMsgExpected);
      case TokKind::kFunc:
        return function();
      default:
        return fail(kMsgExpected);
    }
  }

  KIMI_COLD Value choose(const Value& n, const Value& k) {
    Value args[2] = {n, k}, out;
    check(vfunc(Func::kNcr, args, 2, &out));
    return out;
  }

  KIMI_COLD Value multi_arg_function(Func f) {
    if (!op(kLParen)) return fail("expected ( after the function name");
    emit(func_display(f));
    emit("(");
    ++pos_;
    Value args[8];
    int n = 0;
    for (;;) {
      if (!operand_at(pos_)) return fail(kMsgExpected);
      Value a = sum();
      if (failed_) return a;
      if (n == 8) return fail("too many arguments (at most 8)");
      args[n++] = a;
      if (!op(kComma)) break;
      emit(", ");
      ++pos_;
    }
    if (!op(kRParen)) return fail("missing )");
    emit(")");
    ++pos_;
    if (n < 2) return fail("this function needs at least two numbers");
    Value out;
    check(vfunc(f, args, n, &out));
    return out;
  }

  KIMI_COLD Value function() {
    Func f = static_cast<Func>(t_.tok[pos_].id);
    Value base;
    bool has_base = false;
    std::string_view base_text;
    if (f == Func::kLogBase) {
      base_text = t_.text_of(pos_).substr(4);  // "log_2"
      check(number_value(base_text, &base));
      has_base = true;
    }
    ++pos_;
    if (f == Func::kLog10 && word("base") && pos_ + 1 < limit_ && t_.tok[pos_ + 1].kind == TokKind::kNum) {
      base_text = t_.text_of(pos_ + 1);
      check(number_value(base_text, &base));
      has_base = true;
      f = Func::kLogBase;
      pos_ += 2;
    }
    // "sin^2 x" = (sin x)^2; "sin^-1 x" = asin x
    Value fpow;
    bool has_fpow = false;
    int fpow_token = 0;
    if (op(kCaret) && !is_multi_arg(f)) {
      int k = pos_ + 1;
      bool inverse = t_.is_op(k, kMinus) && t_.is_kind(k + 1, TokKind::kNum) && t_.text_of(k + 1) == "1";
      if (inverse && (f == Func::kSin || f == Func::kCos || f == Func::kTan)) {
        f = f == Func::kSin ? Func::kAsin : (f == Func::kCos ? Func::kAcos : Func::kAtan);
        pos_ += 3;
      } else if (t_.is_kind(k, TokKind::kNum) && !number_value(t_.text_of(k), &fpow)) {
        has_fpow = true;
        fpow_token = k;
        pos_ += 2;
      }
    }
    if (word("of") && operand_at(pos_ + 1)) ++pos_;
    ++r_->ops;
    if (is_multi_arg(f)) return multi_arg_function(f);
    if (!operand_at(pos_)) return fail("expected a number after the function name");
    bool trig = func_is_trig(f), paren = op(kLParen);
    if (f == Func::kLogBase) {
      emit("log_");
      emit(base_text);
    } else if (f != Func::kAbs && f != Func::kFactorial) {
      emit(func_display(f));
    }
    std::size_t m = mark();
    int arg_begin = pos_;
    if (trig) ++trig_arg_;
    // "log base 3 of 1/9", "sqrt 1/4": a fraction written tight right after the name is the whole argument.
    Value a = paren ? primary() : (fraction_literal_at(pos_) ? literal_fraction() : unary());
    if (trig) --trig_arg_;
    if (failed_) return a;
    bool plain = (pos_ - arg_begin == 1 && t_.tok[arg_begin].kind == TokKind::kNum) ||
                 (paren && pos_ - arg_begin == 3 && t_.tok[arg_begin + 1].kind == TokKind::kNum);
    if (trig && plain) {
      r_->trig_plain_number = true;
      if (opt_.trig_degrees) {
        Value in_degrees;
        check(vmul(a, pi_value(rat(1, 180)), &in_degrees));
        a = in_degrees;
        if (echo_) echo_->insert(paren ? echo_->size() - 1 : echo_->size(), "°");
      }
    }
    if (f == Func::kAsin || f == Func::kAcos || f == Func::kAtan) r_->inverse_trig = true;
    render_argument(f, m, paren);
    Value out;
    if (has_base) {
      Value args[2] = {base, a};
      check(vfunc(Func::kLogBase, args, 2, &out));
    } else {
      check(vfunc(f, &a, 1, &out));
    }
    if (has_fpow) {
      Value p;
      check(vpow(out, fpow, &p));
      emit("^");  // sin^2 x renders as "sin(x)^2"
      emit(t_.text_of(fpow_token));
      out = p;
    }
    return out;
  }

  // √144 and √(x + 1), |x|, (n + 1)!, sin(30): the argument rendered at echo position m.
  KIMI_COLD void render_argument(Func f, std::size_t m, bool paren) {
    if (!echo_ || echo_->size() < m) return;
    std::string_view arg = echo_->from(m);
    bool inner_atomic = paren && arg.size() >= 2 && is_atomic(arg.substr(1, arg.size() - 2));
    bool atomic = is_atomic(arg);
    if (f == Func::kSqrt || f == Func::kCbrt) {
      if (inner_atomic) {
        echo_->erase(echo_->size() - 1, 1);
        echo_->erase(m, 1);
      } else if (!paren && !atomic) {
        echo_->insert(m, "(");
        emit(")");
      }
    } else if (f == Func::kAbs) {
      if (paren) {
        echo_->erase(echo_->size() - 1, 1);
        echo_->erase(m, 1);
      }
      echo_->insert(m, "|");
      emit("|");
    } else if (f == Func::kFactorial) {
      if (!paren && !atomic) {
        echo_->insert(m, "(");
        emit(")");
      }
      if (inner_atomic) {
        echo_->erase(echo_->size() - 1, 1);
        echo_->erase(m, 1);
      }
      emit("!");
    } else if (!paren) {
      echo_->insert(m, "(");
      emit(")");
    }
  }
};

}  // namespace

bool can_start_operand(const TokenList& t, int i, int limit) {
  if (limit > t.count) limit = t.count;
  // Chains of signs and function names deeper than the parser's depth cap count as operands: the parser
  // then reports "too deeply nested" instead of this look-ahead scanning them again and again.
  for (int guard = 0; i < limit; ++guard) {
    if (guard > kMaxDepth + 2) return true;
    const Tok& tk = t.tok[i];
    switch (tk.kind) {
      case TokKind::kNum:
      case TokKind::kConst:
      case TokKind::kVar:
        return true;
      case TokKind::kOp:
        if (tk.id == kLParen || tk.id == kBar) return true;
        if (tk.id != kMinus && tk.id != kPlus) return false;
        ++i;
        continue;
      case TokKind::kWord:
        if (t.text_of(i) != "neg") return false;
        ++i;
        continue;
      case TokKind::kFunc: {
        Func f = static_cast<Func>(tk.id);
        if (is_multi_arg(f)) return t.is_op(i + 1, kLParen) && i + 1 < limit;
        ++i;
        if (t.is_op(i, kCaret) && t.is_kind(i + 1, TokKind::kNum)) i += 2;                    // sin^2 x
        else if (t.is_op(i, kCaret) && t.is_op(i + 1, kMinus) && t.is_kind(i + 2, TokKind::kNum)) i += 3;  // sin^-1 x
        if (f == Func::kLog10 && t.is_word(i, "base") && t.is_kind(i + 1, TokKind::kNum)) i += 2;
        if (t.is_word(i, "of")) ++i;
        continue;
      }
      default:
        return false;
    }
  }
  return false;
}

ParseResult parse_expression(const TokenList& toks, int begin, int limit, const EvalOptions& options, Echo* echo) {
  ParseResult r;
  Parser p(toks, begin, limit, options, echo, &r);
  p.run();
  return r;
}

}  // namespace kimi::math
