// Whole-number algorithms (see number_theory.h).
#include "experts/math/number_theory.h"

#include <algorithm>

namespace kimi::math {
namespace {

constexpr u128 kTwo64 = static_cast<u128>(1) << 64;

u128 mulmod(u128 a, u128 b, u128 m) {
  if (m < kTwo64) return (a % m) * (b % m) % m;  // both factors < 2^64: the product fits
  // Double-and-add: every intermediate stays below 2m < 2^128 (m < 2^127 here).
  u128 r = 0;
  a %= m;
  b %= m;
  while (b) {
    if (b & 1) r = (r + a) % m;
    a = (a + a) % m;
    b >>= 1;
  }
  return r;
}

u128 powmod(u128 a, u128 e, u128 m) {
  u128 r = 1 % m;
  a %= m;
  while (e) {
    if (e & 1) r = mulmod(r, a, m);
    a = mulmod(a, a, m);
    e >>= 1;
  }
  return r;
}

u128 gcd_u(u128 a, u128 b) {
  while (b) {
    u128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Pollard's rho (Brent's variant) for composite n < 2^64; 0 when no factor was found within the step limit.
u128 rho(u128 n, u128 c) {
  if (n % 2 == 0) return 2;
  u128 y = 2, x = 2, g = 1, q = 1, ys = 2;
  long r = 1;
  for (long steps = 0; g == 1 && steps < 4000000; r *= 2) {
    x = y;
    for (long i = 0; i < r; ++i) y = (mulmod(y, y, n) + c) % n;
    for (long k = 0; k < r && g == 1; k += 64) {
      ys = y;
      for (long i = 0; i < 64 && i < r - k; ++i) {
        y = (mulmod(y, y, n) + c) % n;
        q = mulmod(q, x > y ? x - y : y - x, n);
        ++steps;
      }
      g = gcd_u(q, n);
    }
  }
  if (g == n) {  // overshot: step back one at a time
    for (int i = 0; i < 100000; ++i) {
      ys = (mulmod(ys, ys, n) + c) % n;
      g = gcd_u(x > ys ? x - ys : ys - x, n);
      if (g > 1) break;
    }
  }
  return (g == 1 || g == n) ? 0 : g;
}

void add_prime(Factorization* f, u128 p, int e) {
  for (int i = 0; i < f->count; ++i)
    if (f->prime[i] == p) {
      f->exponent[i] += e;
      return;
    }
  if (f->count < 64) {
    f->prime[f->count] = p;
    f->exponent[f->count++] = e;
  }
}

}  // namespace

bool is_prime(u128 n, bool* certain) {
  *certain = true;
  if (n < 2) return false;
  static const unsigned kBases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71};
  for (unsigned p : kBases) {
    if (n == p) return true;
    if (n % p == 0) return false;
  }
  u128 d = n - 1;
  int s = 0;
  while ((d & 1) == 0) {
    d >>= 1;
    ++s;
  }
  // The first 13 prime bases are deterministic below 3,317,044,064,679,887,385,961,981.
  const u128 kDeterministic = static_cast<u128>(3317044064679887385ULL) * 1000000 + 961981;
  *certain = n < kDeterministic;
  for (unsigned a : kBases) {
    u128 x = powmod(a, d, n);
    if (x == 1 || x == n - 1) continue;
    bool composite = true;
    for (int r = 1; r < s && composite; ++r) {
      x = mulmod(x, x, n);
      if (x == n - 1) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

void factorize(u128 n, Factorization* f) {
  f->count = 0;
  f->unfactored = 1;
  for (u128 p = 2; p * p <= n && p < 100000; p += (p == 2 ? 1 : 2)) {
    int e = 0;
    while (n % p == 0) {
      n /= p;
      ++e;
    }
    if (e) add_prime(f, p, e);
  }
  // Remaining composites to split (a small explicit stack instead of recursion).
  u128 stack[64];
  int top = 0;
  if (n > 1) stack[top++] = n;
  while (top > 0) {
    u128 m = stack[--top];
    bool certain;
    if (is_prime(m, &certain)) {
      add_prime(f, m, 1);
      continue;
    }
    u128 d = 0;
    for (u128 c = 1; m < kTwo64 && c < 20 && d == 0; ++c) d = rho(m, c);
    if (d == 0 || top + 2 > 64) {
      f->unfactored *= m;
      continue;
    }
    stack[top++] = d;
    stack[top++] = m / d;
  }
  // Ascending primes (insertion sort: at most a few dozen).
  for (int i = 1; i < f->count; ++i)
    for (int j = i; j > 0 && f->prime[j] < f->prime[j - 1]; --j) {
      std::swap(f->prime[j], f->prime[j - 1]);
      std::swap(f->exponent[j], f->exponent[j - 1]);
    }
}

long divisors(const Factorization& f, u128* out, int max_count) {
  long count = 1;
  for (int i = 0; i < f.count; ++i) {
    count *= f.exponent[i] + 1;
    if (count > 1000000000L) return count;
  }
  if (f.unfactored != 1 || count > max_count) return count;
  int n = 1;
  out[0] = 1;
  for (int i = 0; i < f.count; ++i) {
    int base = n;
    u128 pk = 1;
    for (int e = 1; e <= f.exponent[i]; ++e) {
      pk *= f.prime[i];
      for (int j = 0; j < base; ++j) out[n++] = out[j] * pk;
    }
  }
  std::sort(out, out + n);
  return n;
}

}  // namespace kimi::math
