// Kernels (see kernels.h). The vector variants use SSE on x86-64 and WASM SIMD128 under emcc; elsewhere they
// fall back to loops written so the compiler's auto-vectorizer can handle them.
#include "nn/kernels.h"

#include <cmath>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define KIMI_SIMD_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define KIMI_SIMD_SSE 1
#endif

namespace kimi {

void f32_matvec__scalar(const float* W, const float* b, const float* x, std::size_t rows, std::size_t cols, float* y) {
  for (std::size_t r = 0; r < rows; ++r) {
    const float* w = W + r * cols;
    float acc = 0.0f;
    for (std::size_t c = 0; c < cols; ++c) acc += w[c] * x[c];
    y[r] = acc + b[r];
  }
}

void f32_matvec__vector(const float* W, const float* b, const float* x, std::size_t rows, std::size_t cols, float* y) {
  const std::size_t cols4 = cols & ~std::size_t{3};
  for (std::size_t r = 0; r < rows; ++r) {
    const float* w = W + r * cols;
    float lanes[4];
#if defined(KIMI_SIMD_SSE)
    __m128 acc = _mm_setzero_ps();
    for (std::size_t c = 0; c < cols4; c += 4) acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(w + c), _mm_loadu_ps(x + c)));
    _mm_storeu_ps(lanes, acc);
#elif defined(KIMI_SIMD_WASM)
    v128_t acc = wasm_f32x4_splat(0.0f);
    for (std::size_t c = 0; c < cols4; c += 4)
      acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(w + c), wasm_v128_load(x + c)));
    wasm_v128_store(lanes, acc);
#else
    lanes[0] = lanes[1] = lanes[2] = lanes[3] = 0.0f;
    for (std::size_t c = 0; c < cols4; c += 4)
      for (std::size_t k = 0; k < 4; ++k) lanes[k] += w[c + k] * x[c + k];
#endif
    float acc_tail = 0.0f;
    for (std::size_t c = cols4; c < cols; ++c) acc_tail += w[c] * x[c];
    y[r] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + acc_tail + b[r];
  }
}

void f32_embedding_bag__scalar(const float* E, std::size_t dim, uint32_t mask, const uint32_t* ids, std::size_t count,
                               float scale, float* y) {
  for (std::size_t d = 0; d < dim; ++d) y[d] = 0.0f;
  for (std::size_t k = 0; k < count; ++k) {
    const float* row = E + static_cast<std::size_t>(ids[k] & mask) * dim;
    for (std::size_t d = 0; d < dim; ++d) y[d] += row[d];
  }
  for (std::size_t d = 0; d < dim; ++d) y[d] *= scale;
}

void f32_embedding_bag__vector(const float* E, std::size_t dim, uint32_t mask, const uint32_t* ids, std::size_t count,
                               float scale, float* y) {
  // Row sums are element-wise: same additions in the same order as the scalar reference, in lanes.
  const std::size_t dim4 = dim & ~std::size_t{3};
  for (std::size_t d = 0; d < dim; ++d) y[d] = 0.0f;
  for (std::size_t k = 0; k < count; ++k) {
    const float* row = E + static_cast<std::size_t>(ids[k] & mask) * dim;
    std::size_t d = 0;
#if defined(KIMI_SIMD_SSE)
    for (; d < dim4; d += 4) _mm_storeu_ps(y + d, _mm_add_ps(_mm_loadu_ps(y + d), _mm_loadu_ps(row + d)));
#elif defined(KIMI_SIMD_WASM)
    for (; d < dim4; d += 4) wasm_v128_store(y + d, wasm_f32x4_add(wasm_v128_load(y + d), wasm_v128_load(row + d)));
#endif
    for (; d < dim; ++d) y[d] += row[d];
  }
  for (std::size_t d = 0; d < dim; ++d) y[d] *= scale;
  (void)dim4;
}

void f32_relu(float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void f32_softmax(float* x, std::size_t n, float temperature) {
  if (n == 0) return;
  const float inv_t = 1.0f / temperature;
  float mx = x[0] * inv_t;
  for (std::size_t i = 1; i < n; ++i) mx = std::fmax(mx, x[i] * inv_t);
  float sum = 0.0f;
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = std::exp(x[i] * inv_t - mx);
    sum += x[i];
  }
  for (std::size_t i = 0; i < n; ++i) x[i] /= sum;
}

}  // namespace kimi
