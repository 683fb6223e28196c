// Fast, deterministic 64-bit hashing of byte strings for the hashing trick and the result cache.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kimi {

// Final avalanche of splitmix64/murmur3: spreads every input bit over the whole word.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// FNV-1a over the bytes, then mixed. `seed` separates feature families (words, bigrams, char n-grams).
inline uint64_t hash_bytes(const char* p, std::size_t n, uint64_t seed) {
  uint64_t h = kFnvBasis ^ seed;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * kFnvPrime;
  return mix64(h);
}

// Hash of a longer byte string (the cache key): 8 bytes per step instead of FNV's one, so a ~100-byte key
// costs ~13 multiplies. Not used for features (their ids are fixed by the model's feature signature).
inline uint64_t hash_key(const char* p, std::size_t n, uint64_t seed) {
  uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ mix64(w)) * 0x9e3779b97f4a7c15ULL;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p + i, n - i);
  return mix64(h ^ mix64(tail + n));
}

inline uint64_t hash_combine(uint64_t a, uint64_t b) { return mix64(a * 0x9e3779b97f4a7c15ULL + b); }

}  // namespace kimi
