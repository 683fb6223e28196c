// Feature extraction: hashed word 1-2-grams and character 3-4-grams plus dense text statistics.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/normalize.h"

namespace kimi {

inline constexpr int kDenseFeatures = 8;
// Upper bound on hashed ids for a kMaxNormalizedBytes query: words and bigrams <= 2 per byte, char n-grams
// <= 3 per byte of a word plus its two boundary markers.
inline constexpr std::size_t kMaxFeatureIds = 4 * kMaxNormalizedBytes + 3 * (3 * kMaxNormalizedBytes);

struct Features {
  uint32_t ids[kMaxFeatureIds];  // hashed n-gram ids; a network maps them to its buckets with a mask
  std::size_t count = 0;
  std::size_t word_count = 0;    // ids[0, word_count) are word unigrams and bigrams, char n-grams follow
  float dense[kDenseFeatures];   // see dense feature order in features.cpp
};

// Extracts features from normalized text (see normalize.h). One pass per family, no allocation.
// `raw_stats` are the statistics collected while normalizing (uppercase ratio needs the original case).
void extract_features(std::string_view normalized, const NormalizeStats& raw_stats, Features* out);

}  // namespace kimi
