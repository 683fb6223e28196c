// Fast, deterministic 64-bit hashing of byte strings for the hashing trick and the result cache.
#pragma once
#include <cstddef>
#include <cstdint>

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

// FNV-1a over the bytes, then mixed. `seed` separates feature families (words, bigrams, char n-grams).
inline uint64_t hash_bytes(const char* p, std::size_t n, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

inline uint64_t hash_combine(uint64_t a, uint64_t b) { return mix64(a * 0x9e3779b97f4a7c15ULL + b); }

}  // namespace kimi
