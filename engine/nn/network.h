// A micro network: embedding bag over hashed feature ids, dense statistics appended, then an MLP
// (ReLU between layers) whose last layer gives logits; softmax with a calibrated temperature.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "features/features.h"

namespace kimi {

struct DenseLayer {
  std::size_t in = 0, out = 0;
  std::vector<float> weight;  // [out x in], row-major
  std::vector<float> bias;    // [out]
};

struct Network {
  uint32_t buckets = 0;          // power of two; id & (buckets - 1) selects the embedding row
  std::size_t embedding_dim = 0;
  std::vector<float> embedding;  // [buckets x embedding_dim], f32 form (empty when quantized)
  // int8 form: element [r][d] is embedding_scale[d] * embedding_q[r][d] (symmetric, per-column max |x| / 127).
  // A quarter of the bytes, so the embedding bag touches a quarter of the cache lines; one scale per column
  // lets the bag add the rows as integers (16-bit lanes, exact) and scale the sum once.
  std::vector<int8_t> embedding_q;
  std::vector<float> embedding_scale;  // [embedding_dim]
  std::vector<DenseLayer> layers;
  float temperature = 1.0f;
  bool words_only = false;  // the bag reads only the word-level ids (Features::word_count): fewer rows per query

  std::size_t input_dim() const { return embedding_dim + kDenseFeatures; }
  std::size_t output_dim() const { return layers.empty() ? 0 : layers.back().out; }
  std::size_t max_width() const;  // widest activation, for scratch sizing
  bool quantized() const { return !embedding_q.empty(); }
  void quantize();    // f32 embedding -> int8 with per-column scales (drops the f32 table)
  void dequantize();  // int8 -> f32 (for comparisons: the same weights at full width)

  // probs[output_dim()] = softmax(MLP([mean embedding of f.ids, f.dense]) / temperature).
  // scratch holds >= 2 * max_width() floats. No allocation.
  void forward(const Features& f, float* scratch, float* probs) const;
  // The same with the scalar reference kernels (tests and the SIMD-vs-scalar benchmark).
  void forward_scalar(const Features& f, float* scratch, float* probs) const;
};

}  // namespace kimi
