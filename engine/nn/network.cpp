// Forward pass of a micro network (see network.h).
#include "nn/network.h"

#include <algorithm>
#include <cstring>

#include "nn/kernels.h"

namespace kimi {

std::size_t Network::max_width() const {
  std::size_t w = input_dim();
  for (const auto& l : layers) w = std::max(w, l.out);
  return w;
}

void Network::forward(const Features& f, float* scratch, float* probs) const {
  float* a = scratch;
  float* b = scratch + max_width();
  const float scale = f.count ? 1.0f / static_cast<float>(f.count) : 0.0f;
  f32_embedding_bag(embedding.data(), embedding_dim, buckets - 1, f.ids, f.count, scale, a);
  std::memcpy(a + embedding_dim, f.dense, sizeof(float) * kDenseFeatures);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const DenseLayer& l = layers[i];
    f32_matvec(l.weight.data(), l.bias.data(), a, l.out, l.in, b);
    if (i + 1 < layers.size()) f32_relu(b, l.out);
    std::swap(a, b);
  }
  std::memcpy(probs, a, sizeof(float) * output_dim());
  f32_softmax(probs, output_dim(), temperature);
}

}  // namespace kimi
