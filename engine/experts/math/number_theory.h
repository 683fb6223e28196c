// Whole-number algorithms for the maths expert: primality (deterministic Miller-Rabin below 3.3 × 10^24),
// factorization (trial division, then Pollard's rho below 2^64) and divisors. Loops are bounded.
#pragma once
#include "experts/math/rational.h"

namespace kimi::math {

// *certain is false above the deterministic range (then true means "passed 20 Miller-Rabin rounds").
bool is_prime(u128 n, bool* certain);

struct Factorization {
  u128 prime[64];
  int exponent[64];
  int count = 0;
  u128 unfactored = 1;  // a composite cofactor that could not be split (1 when complete)
};

void factorize(u128 n, Factorization* f);  // n >= 1; primes ascending

// All divisors ascending when there are at most max_count of them; returns the count (possibly larger).
long divisors(const Factorization& f, u128* out, int max_count);

}  // namespace kimi::math
