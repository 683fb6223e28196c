// Whole-number questions: "is 97 prime", "factor 360", "divisors of 36", "gcd of 12 and 18", "lcm(4, 6)",
// "is 12 divisible by 3", "is 7 odd", "remainder when 17 is divided by 5", "primes below 50".
#include "experts/math/number_format.h"
#include "experts/math/number_list.h"
#include "experts/math/number_theory.h"
#include "experts/math/tasks.h"

namespace kimi::math {
namespace {

constexpr i128 kPrimesListLimit = 100000;

bool whole(const ParseResult* s, i128* out) {
  return s && s->rel < 0 && s->nvars == 0 && !s->eval_error && is_exact_integer(s->lhs, out);
}

u128 powmod_u(u128 a, u128 e, u128 m) {
  u128 r = 1 % m;
  a %= m;
  for (int guard = 0; e > 0 && guard < 130; ++guard) {  // m < 2^62 here, so products fit
    if (e & 1) r = r * a % m;
    a = a * a % m;
    e >>= 1;
  }
  return r;
}

// The span's value modulo m (m < 2^62), also for powers too large to compute ("7^2023").
bool span_mod(const MathQuery& q, const ParseResult& s, i128 m, i128* r) {
  i128 v;
  if (s.rel < 0 && s.nvars == 0 && !s.eval_error && is_exact_integer(s.lhs, &v)) {
    *r = ((v % m) + m) % m;
    return true;
  }
  Value base, exp;
  i128 b, e;
  if (s.end - s.begin == 3 && q.toks.is_kind(s.begin, TokKind::kNum) && q.toks.is_op(s.begin + 1, kCaret) &&
      q.toks.is_kind(s.begin + 2, TokKind::kNum) && !number_value(q.toks.text_of(s.begin), &base) &&
      !number_value(q.toks.text_of(s.begin + 2), &exp) && is_exact_integer(base, &b) && is_exact_integer(exp, &e) &&
      b >= 0 && e >= 0 && (b > 0 || e > 0)) {  // 0^0 stays undefined
    *r = static_cast<i128>(powmod_u(static_cast<u128>(b), static_cast<u128>(e), static_cast<u128>(m)));
    return true;
  }
  return false;
}

// A whole-number literal span within `before` tokens before the keyword or `after` tokens after it.
const ParseResult* whole_near(const MathQuery& q, int kw, int before, int after, i128* n) {
  if (kw < 0) return nullptr;
  for (int i = 0; i < q.nspans; ++i) {
    const ParseResult& s = q.spans[i];
    bool near = (s.begin > kw && s.begin - kw <= after) || (s.end <= kw && kw - s.end < before);
    if (near && s.ops == 0 && whole(&s, n)) return &s;
  }
  return nullptr;
}

void append_u(AnswerText& out, u128 v) {
  NumText t;
  append_int(t, static_cast<i128>(v));
  out.append(t.view());
}

void append_factorization(AnswerText& out, const Factorization& f) {
  for (int i = 0; i < f.count; ++i) {
    if (i > 0) out.append(" × ");
    append_u(out, f.prime[i]);
    if (f.exponent[i] > 1) {
      out.append("^");
      append_u(out, static_cast<u128>(f.exponent[i]));
    }
  }
  if (f.unfactored != 1) {
    if (f.count > 0) out.append(" × ");
    append_u(out, f.unfactored);
    out.append(" (a composite I could not split)");
  }
}

MathOutcome prime_answer(i128 n, AnswerText& out) {
  NumText t;
  append_int(t, n);
  if (n < 2) {
    out.append("No, ").append(t.view()).append(" is not prime: ");
    out.append(n == 1 ? "a prime has exactly two divisors, 1 and itself, and 1 has only one."
                      : "primes are whole numbers greater than 1.");
    return MathOutcome::kComputed;
  }
  bool certain;
  if (is_prime(static_cast<u128>(n), &certain)) {
    if (!certain) {
      out.append(t.view()).append(" passes 20 Miller-Rabin tests, so it is almost certainly prime, but it is too large for me to prove it.");
      return MathOutcome::kCannotCompute;
    }
    out.append("Yes, ").append(t.view()).append(" is prime.");
    if (n == 2) out.append(" It is the only even prime.");
    return MathOutcome::kComputed;
  }
  Factorization f;
  factorize(static_cast<u128>(n), &f);
  out.append("No, ").append(t.view()).append(" is not prime: ").append(t.view()).append(" = ");
  append_factorization(out, f);
  out.append(".");
  return MathOutcome::kComputed;
}

MathOutcome factor_answer(i128 n, AnswerText& out) {
  NumText t;
  append_int(t, n);
  if (n == 0 || n == 1 || n == -1) {
    out.append(t.view()).append(" has no prime factors.");
    return MathOutcome::kComputed;
  }
  Factorization f;
  factorize(static_cast<u128>(n < 0 ? -n : n), &f);
  out.append(t.view()).append(" = ");
  if (n < 0) out.append("-1 × ");
  append_factorization(out, f);
  if (f.count == 1 && f.exponent[0] == 1 && f.unfactored == 1) out.append(" (it is prime)");
  return f.unfactored == 1 ? MathOutcome::kComputed : MathOutcome::kCannotCompute;
}

MathOutcome divisors_answer(i128 n, AnswerText& out) {
  NumText t;
  append_int(t, n);
  if (n <= 0) {
    out.append(n == 0 ? "Every whole number except 0 divides 0." : "Divisors are listed for positive whole numbers.");
    return MathOutcome::kComputed;
  }
  Factorization f;
  factorize(static_cast<u128>(n), &f);
  u128 d[64];
  long count = divisors(f, d, 64);
  NumText c;
  append_int(c, count);
  if (f.unfactored != 1) {
    out.append("I couldn't fully factor ").append(t.view()).append(", so I can't list its divisors.");
    return MathOutcome::kCannotCompute;
  }
  out.append(t.view()).append(" has ").append(c.view()).append(count == 1 ? " divisor" : " divisors");
  if (count <= 64) {
    out.append(": ");
    for (long i = 0; i < count; ++i) {
      if (i > 0) out.append(", ");
      append_u(out, d[i]);
    }
  }
  if (n > 1) {
    out.append("\n(").append(t.view()).append(" = ");
    append_factorization(out, f);
    out.append(")");
  }
  return MathOutcome::kComputed;
}

MathOutcome gcd_lcm_answer(const MathQuery& q, bool lcm, int from, AnswerText& out) {
  NumberList list;
  if (!longest_number_list(q, from, &list) || list.n < 2) return MathOutcome::kNotMath;
  Value args[8];
  int n = list.n < 8 ? list.n : 8;
  for (int i = 0; i < n; ++i) args[i] = exact_value(list.v[i]);
  Value r;
  out.append(lcm ? "lcm(" : "gcd(");
  append_list(q, out, list, 8);
  out.append(")");
  if (const char* err = vfunc(lcm ? Func::kLcm : Func::kGcd, args, n, &r)) {
    out.append(": ").append(err).append(".");
    return MathOutcome::kError;
  }
  NumText t;
  bool approx;
  format_value(r, 0, &t, &approx);
  out.append(" = ").append(t.view());
  return MathOutcome::kComputed;
}

MathOutcome primes_below(i128 limit, bool inclusive, AnswerText& out) {
  if (limit > kPrimesListLimit) {
    out.append("I list primes only up to 100000.");
    return MathOutcome::kCannotCompute;
  }
  long count = 0;
  i128 last = 0;
  AnswerText list;
  for (i128 n = 2; n < limit + (inclusive ? 1 : 0); ++n) {
    bool prime = true;
    for (i128 d = 2; d * d <= n && prime; ++d) prime = n % d != 0;
    if (!prime) continue;
    ++count;
    last = n;
    if (count <= 30) {
      NumText t;
      append_int(t, n);
      if (count > 1) list.append(", ");
      list.append(t.view());
    }
  }
  NumText c, l, lim;
  append_int(c, count);
  append_int(l, last);
  append_int(lim, limit);
  out.append("There ").append(count == 1 ? "is " : "are ").append(c.view()).append(count == 1 ? " prime " : " primes ");
  out.append(inclusive ? "up to " : "below ").append(lim.view());
  if (count > 0) out.append(": ").append(list.view());
  if (count > 30) out.append(", …, ").append(l.view());
  return MathOutcome::kComputed;
}

}  // namespace

bool solve_number_theory(const MathQuery& q, AnswerText& out, MathOutcome* outcome) {
  const ParseResult* slots[4];
  i128 a, b;
  // gcd / lcm written in words ("gcd of 12 and 18"; "gcd(12, 18)" is an ordinary expression).
  struct Named {
    std::string_view phrase;
    bool lcm;
  };
  static constexpr Named kNamed[] = {
      {"greatest common divisor", false}, {"greatest common factor", false}, {"highest common factor", false},
      {"gcd", false}, {"hcf", false}, {"gcf", false}, {"least common multiple", true},
      {"lowest common multiple", true}, {"smallest common multiple", true}, {"lcm", true}};
  // Both may be asked at once ("the LCM and GCD of 24 and 36"): gcd first, then lcm.
  int at[2] = {-1, -1};
  for (const auto& nm : kNamed) {
    int i = q.find_phrase(nm.phrase);
    if (i < 0 || q.span_at(i)) continue;  // a span starting here is the function-call form
    int& slot = at[nm.lcm ? 1 : 0];
    if (slot < 0 || i < slot) slot = i;
  }
  if (at[0] >= 0 || at[1] >= 0) {
    int from = at[0] < 0 ? at[1] : (at[1] < 0 ? at[0] : (at[0] < at[1] ? at[0] : at[1]));
    MathOutcome o = MathOutcome::kNotMath;
    for (int k = 0; k < 2; ++k) {
      if (at[k] < 0) continue;
      if (o != MathOutcome::kNotMath) out.append("\n");
      MathOutcome ok = gcd_lcm_answer(q, k == 1, from, out);
      if (ok == MathOutcome::kNotMath) return false;
      if (o == MathOutcome::kNotMath || ok == MathOutcome::kError) o = ok;
    }
    *outcome = o;
    return true;
  }
  // Primes below n / up to n / between... (a list).
  if (q.has_word("primes") || q.find_phrase("prime numbers") >= 0) {
    for (std::string_view p : {"below $", "under $", "< $", "less than $", "up to $", "<= $", "upto $", "to $"}) {
      if (q.find_pattern(p, slots) && whole(slots[0], &a)) {
        bool inclusive = p[0] == 'u' || p[0] == 't' || p.substr(0, 2) == "<=";
        *outcome = primes_below(a, inclusive, out);
        return true;
      }
    }
  }
  // The number must sit next to the question word: "factor 360", "divisors of 36", "is 97 prime", but not
  // "the divisor has two digits".
  int kw = -1;
  for (std::string_view p : {"prime factorization", "prime factorisation", "prime factors", "prime factor",
                             "factorize", "factorise", "factorization", "factorisation", "factor"})
    if (kw < 0) kw = q.find_phrase(p);
  if (whole_near(q, kw, 0, 4, &a)) {
    *outcome = factor_answer(a, out);
    return true;
  }
  for (std::string_view p : {"divisors|divisor|factors of|for $", "factors|divisors does|do $", "divisors|factors $"}) {
    if (q.find_pattern(p, slots) && slots[0]->ops == 0 && whole(slots[0], &a)) {
      *outcome = divisors_answer(a, out);
      return true;
    }
  }
  if (whole_near(q, q.find_word("prime"), 4, 2, &a)) {
    *outcome = prime_answer(a, out);
    return true;
  }
  // Divisibility, parity, remainders.
  if ((q.find_pattern("$ divisible by $", slots) || q.find_pattern("$ evenly divisible by $", slots)) &&
      whole(slots[0], &a) && whole(slots[1], &b)) {
    NumText ta, tb, tq, tr;
    append_int(ta, a);
    append_int(tb, b);
    if (b == 0) {
      out.append("Nothing is divisible by 0: division by zero is undefined.");
      *outcome = MathOutcome::kError;
      return true;
    }
    i128 quo = a / b, rem = a % b;
    if (rem < 0) rem += b < 0 ? -b : b, quo = (a - rem) / b;
    append_int(tq, quo);
    append_int(tr, rem);
    if (rem == 0) out.append("Yes: ").append(ta.view()).append(" ÷ ").append(tb.view()).append(" = ").append(tq.view()).append(".");
    else out.append("No: ").append(ta.view()).append(" ÷ ").append(tb.view()).append(" = ").append(tq.view()).append(" remainder ").append(tr.view()).append(".");
    *outcome = MathOutcome::kComputed;
    return true;
  }
  for (std::string_view p : {"is $ even|odd", "$ is even|odd", "$ even|odd", "is $ an? even|odd"}) {
    if (!q.could_match(p)) continue;
    int i = -1;
    for (int start = 0; start < q.toks.count && i < 0; ++start)
      if (q.match_at(start, p, slots) >= 0) i = start;
    if (i < 0 || !whole(slots[0], &a)) continue;
    int w = q.find_word("even") >= 0 ? q.find_word("even") : q.find_word("odd");
    bool ask_even = q.toks.text_of(w) == "even";
    bool is_even = a % 2 == 0;
    NumText t;
    append_int(t, a);
    out.append(ask_even == is_even ? "Yes, " : "No, ").append(t.view()).append(is_even ? " is even." : " is odd.");
    *outcome = MathOutcome::kComputed;
    return true;
  }
  // "last digit of 7^2023": the value modulo 10 or 100.
  for (std::string_view p : {"last digit of $", "units digit of $", "ones digit of $", "last two digits of $",
                             "last 2 digits of $"}) {
    i128 m = p.find("two") != std::string_view::npos || p.find(" 2 ") != std::string_view::npos ? 100 : 10, r;
    if (q.find_pattern(p, slots) && span_mod(q, *slots[0], m, &r)) {
      Echo e;
      render_span(q, *slots[0], EvalOptions{}, &e);
      NumText t;
      append_int(t, r);
      if (m == 100 && r < 10) {
        NumText padded;
        padded.append("0").append(t.view());
        t = padded;
      }
      out.append(m == 10 ? "The last digit of " : "The last two digits of ").append(e.view());
      out.append(m == 10 ? " is " : " are ").append(t.view());
      if (!slots[0]->eval_error && slots[0]->ops > 0 && slots[0]->lhs.kind == Value::Kind::kExact) {
        NumText full;
        append_int(full, slots[0]->lhs.q.num);
        out.append(" (").append(e.view()).append(" = ").append(full.view()).append(")");
      }
      *outcome = MathOutcome::kComputed;
      return true;
    }
  }
  if (q.has_word("remainder")) {
    // "remainder when 2^100 is divided by 3": the divisor follows ÷ / "by"; the dividend is the whole-number
    // span before it.
    int op = -1;
    for (int i = 0; i < q.toks.count && op < 0; ++i)
      if (q.toks.is_op(i, kDivSign) || q.toks.is_op(i, kSlash) || q.toks.is_word(i, "by")) op = i;
    const ParseResult* dividend = nullptr;
    for (int i = 0; i < q.nspans && op >= 0; ++i)
      if (q.spans[i].end <= op && q.spans[i].nvars == 0 && q.spans[i].rel < 0) dividend = &q.spans[i];
    Value divisor;
    i128 rem;
    if (dividend && op + 1 < q.toks.count && q.toks.is_kind(op + 1, TokKind::kNum) &&
        !number_value(q.toks.text_of(op + 1), &divisor) && is_exact_integer(divisor, &b) && b > 0 &&
        b < (static_cast<i128>(1) << 62) && span_mod(q, *dividend, b, &rem)) {
      Echo e;
      render_span(q, *dividend, EvalOptions{}, &e);
      NumText tb, tr;
      append_int(tb, b);
      if (b == 0) {
        out.append("Can't divide ").append(e.view()).append(" by 0: division by zero.");
        *outcome = MathOutcome::kError;
        return true;
      }
      append_int(tr, rem);
      out.append(e.view()).append(" mod ").append(tb.view()).append(" = ").append(tr.view());
      if (dividend->ops == 0 && whole(dividend, &a)) {
        NumText tq;
        append_int(tq, (a - rem) / b);
        out.append("  (").append(e.view()).append(" = ").append(tq.view()).append(" × ").append(tb.view());
        out.append(" + ").append(tr.view()).append(")");
      }
      *outcome = MathOutcome::kComputed;
      return true;
    }
  }
  return false;
}

}  // namespace kimi::math
