// Forward pass of a micro network (see network.h).
#include "nn/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nn/kernels.h"

namespace kimi {

std::size_t Network::max_width() const {
  std::size_t w = input_dim();
  for (const auto& l : layers) w = std::max(w, l.out);
  return w;
}

void Network::quantize() {
  if (quantized() || embedding.empty()) return;
  embedding_q.resize(embedding.size());
  embedding_scale.assign(embedding_dim, 0.0f);
  for (std::size_t r = 0; r < buckets; ++r)
    for (std::size_t d = 0; d < embedding_dim; ++d)
      embedding_scale[d] = std::max(embedding_scale[d], std::fabs(embedding[r * embedding_dim + d]));
  for (float& s : embedding_scale) s /= 127.0f;
  for (std::size_t r = 0; r < buckets; ++r)
    for (std::size_t d = 0; d < embedding_dim; ++d) {
      const float s = embedding_scale[d];
      embedding_q[r * embedding_dim + d] = static_cast<int8_t>(s > 0.0f ? std::lround(embedding[r * embedding_dim + d] / s) : 0);
    }
  std::vector<float>().swap(embedding);
}

void Network::dequantize() {
  if (!quantized()) return;
  embedding.resize(embedding_q.size());
  for (std::size_t r = 0; r < buckets; ++r)
    for (std::size_t d = 0; d < embedding_dim; ++d)
      embedding[r * embedding_dim + d] = embedding_scale[d] * static_cast<float>(embedding_q[r * embedding_dim + d]);
  std::vector<int8_t>().swap(embedding_q);
  std::vector<float>().swap(embedding_scale);
}

namespace {

struct VectorKernels {
  static constexpr auto matvec = f32_matvec;
  static constexpr auto bag = f32_embedding_bag;
  static constexpr auto bag_i8 = i8_embedding_bag;
};
struct ScalarKernels {
  static constexpr auto matvec = f32_matvec__scalar;
  static constexpr auto bag = f32_embedding_bag__scalar;
  static constexpr auto bag_i8 = i8_embedding_bag__scalar;
};

template <class K>
void forward_with(const Network& n, const Features& f, float* scratch, float* probs) {
  float* a = scratch;
  float* b = scratch + n.max_width();
  const std::size_t count = n.words_only ? f.word_count : f.count;
  const float scale = count ? 1.0f / static_cast<float>(count) : 0.0f;
  if (n.quantized())
    K::bag_i8(n.embedding_q.data(), n.embedding_scale.data(), n.embedding_dim, n.buckets - 1, f.ids, count, scale, a);
  else
    K::bag(n.embedding.data(), n.embedding_dim, n.buckets - 1, f.ids, count, scale, a);
  std::memcpy(a + n.embedding_dim, f.dense, sizeof(float) * kDenseFeatures);
  for (std::size_t i = 0; i < n.layers.size(); ++i) {
    const DenseLayer& l = n.layers[i];
    K::matvec(l.weight.data(), l.bias.data(), a, l.out, l.in, b);
    if (i + 1 < n.layers.size()) f32_relu(b, l.out);
    std::swap(a, b);
  }
  std::memcpy(probs, a, sizeof(float) * n.output_dim());
  f32_softmax(probs, n.output_dim(), n.temperature);
}

}  // namespace

void Network::forward(const Features& f, float* scratch, float* probs) const {
  forward_with<VectorKernels>(*this, f, scratch, probs);
}

void Network::forward_scalar(const Features& f, float* scratch, float* probs) const {
  forward_with<ScalarKernels>(*this, f, scratch, probs);
}

}  // namespace kimi
