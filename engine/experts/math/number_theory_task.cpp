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

// The first span holding a whole number (a plain literal), or nullptr.
const ParseResult* first_whole(const MathQuery& q, i128* n, int from = 0) {
  for (int i = 0; i < q.nspans; ++i)
    if (q.spans[i].begin >= from && q.spans[i].ops == 0 && whole(&q.spans[i], n)) return &q.spans[i];
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
  append_list(out, list, 8);
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
    bool certain, prime = true;
    for (i128 d = 2; d * d <= n && prime; ++d) prime = n % d != 0;
    (void)certain;
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
  for (const auto& nm : kNamed) {
    int i = q.find_phrase(nm.phrase);
    if (i < 0 || q.span_at(i)) continue;  // a span starting here is the function-call form
    MathOutcome o = gcd_lcm_answer(q, nm.lcm, i, out);
    if (o == MathOutcome::kNotMath) return false;
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
  bool prime_factor = q.find_phrase("prime factorization") >= 0 || q.find_phrase("prime factorisation") >= 0 ||
                      q.find_phrase("prime factors") >= 0 || q.find_phrase("prime factor") >= 0;
  bool factorize_word = q.has_word("factorize") || q.has_word("factorise") || q.has_word("factorization") ||
                        q.has_word("factorisation") || q.find_phrase("factor tree") >= 0;
  int factor_verb = q.find_word("factor");
  const ParseResult* after_factor = factor_verb >= 0 ? q.span_at(factor_verb + 1) : nullptr;
  const ParseResult* num = first_whole(q, &a);
  if (num && (prime_factor || factorize_word || (after_factor == num))) {
    *outcome = factor_answer(a, out);
    return true;
  }
  if (num && (q.has_word("divisors") || q.has_word("divisor") || q.has_word("factors"))) {
    *outcome = divisors_answer(a, out);
    return true;
  }
  if (num && (q.has_word("prime") || q.find_phrase("a prime") >= 0)) {
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
  if (q.has_word("remainder")) {
    // "remainder when 2^100 is divided by 3": the divisor follows ÷ / "by"; the dividend is the whole-number
    // span before it.
    int op = -1;
    for (int i = 0; i < q.toks.count && op < 0; ++i)
      if (q.toks.is_op(i, kDivSign) || q.toks.is_op(i, kSlash) || q.toks.is_word(i, "by")) op = i;
    const ParseResult* dividend = nullptr;
    for (int i = 0; i < q.nspans && op >= 0; ++i)
      if (q.spans[i].end <= op && whole(&q.spans[i], &a)) dividend = &q.spans[i];
    Value divisor;
    if (dividend && op + 1 < q.toks.count && q.toks.is_kind(op + 1, TokKind::kNum) &&
        !number_value(q.toks.text_of(op + 1), &divisor) && is_exact_integer(divisor, &b) && whole(dividend, &a)) {
      Echo e;
      render_span(q, *dividend, EvalOptions{}, &e);
      NumText tb, tr;
      append_int(tb, b);
      if (b == 0) {
        out.append("Can't divide ").append(e.view()).append(" by 0: division by zero.");
        *outcome = MathOutcome::kError;
        return true;
      }
      Value r;
      vmod(int_value(a), int_value(b), &r);
      append_int(tr, r.q.num);
      out.append(e.view()).append(" mod ").append(tb.view()).append(" = ").append(tr.view());
      if (dividend->ops == 0) {
        NumText tq;
        append_int(tq, (a - r.q.num) / b);
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
