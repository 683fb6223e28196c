// Kernels (see kernels.h). The vector variants use SSE on x86-64 and WASM SIMD128 under emcc; elsewhere they
// fall back to loops written so the compiler's auto-vectorizer can handle them.
#include "nn/kernels.h"

#include <cmath>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define KIMI_SIMD_WASM 1
#elif defined(__SSE2__)
#include <immintrin.h>  // SSE2 baseline; AVX2 only inside functions compiled for it and chosen at run time
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

namespace {

// One row's dot product in four lanes, summed ((l0 + l1) + (l2 + l3)), plus the tail and the bias.
float dot_row(const float* w, const float* x, std::size_t cols, float bias) {
  const std::size_t cols4 = cols & ~std::size_t{3};
  float lanes[4];
#if defined(KIMI_SIMD_SSE)
  __m128 acc = _mm_setzero_ps();
  for (std::size_t c = 0; c < cols4; c += 4) acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(w + c), _mm_loadu_ps(x + c)));
  _mm_storeu_ps(lanes, acc);
#elif defined(KIMI_SIMD_WASM)
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (std::size_t c = 0; c < cols4; c += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(w + c), wasm_v128_load(x + c)));
  wasm_v128_store(lanes, acc);
#else
  lanes[0] = lanes[1] = lanes[2] = lanes[3] = 0.0f;
  for (std::size_t c = 0; c < cols4; c += 4)
    for (std::size_t k = 0; k < 4; ++k) lanes[k] += w[c + k] * x[c + k];
#endif
  float tail = 0.0f;
  for (std::size_t c = cols4; c < cols; ++c) tail += w[c] * x[c];
  return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail + bias;
}

}  // namespace

#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
namespace {

bool cpu_has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

bool cpu_has_avx2_fma() {
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return yes;
}

__attribute__((target("avx2"))) float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
  return _mm_cvtss_f32(s);
}

// Sums of eight accumulators' lanes, as one vector: lane k = sum of the lanes of a[k]. Three rounds of
// horizontal adds instead of eight separate reductions.
__attribute__((target("avx2"))) __m256 hsum8(const __m256* a) {
  const __m256 h01 = _mm256_hadd_ps(a[0], a[1]), h23 = _mm256_hadd_ps(a[2], a[3]);
  const __m256 h45 = _mm256_hadd_ps(a[4], a[5]), h67 = _mm256_hadd_ps(a[6], a[7]);
  const __m256 q0 = _mm256_hadd_ps(h01, h23), q1 = _mm256_hadd_ps(h45, h67);  // per 128-bit half: rows 0-3, 4-7
  return _mm256_add_ps(_mm256_permute2f128_ps(q0, q1, 0x20), _mm256_permute2f128_ps(q0, q1, 0x31));
}

// AVX2 + FMA (chosen at run time): eight rows at a time, eight lanes each, x loaded once per eight columns,
// the eight row sums reduced together (the per-row reductions were most of the time at these sizes).
__attribute__((target("avx2,fma"))) void f32_matvec_avx2(const float* W, const float* b, const float* x, std::size_t rows,
                                                          std::size_t cols, float* y) {
  const std::size_t cols8 = cols & ~std::size_t{7};
  std::size_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    const float* w = W + r * cols;
    __m256 a[8];
    for (auto& v : a) v = _mm256_setzero_ps();
    for (std::size_t c = 0; c < cols8; c += 8) {
      const __m256 xv = _mm256_loadu_ps(x + c);
      for (int k = 0; k < 8; ++k) a[k] = _mm256_fmadd_ps(_mm256_loadu_ps(w + k * cols + c), xv, a[k]);
    }
    __m256 sums = _mm256_add_ps(hsum8(a), _mm256_loadu_ps(b + r));
    if (cols8 < cols) {
      alignas(32) float tail[8] = {};
      for (int k = 0; k < 8; ++k)
        for (std::size_t c = cols8; c < cols; ++c) tail[k] += w[k * cols + c] * x[c];
      sums = _mm256_add_ps(sums, _mm256_load_ps(tail));
    }
    _mm256_storeu_ps(y + r, sums);
  }
  for (; r < rows; ++r) {
    const float* w = W + r * cols;
    __m256 a = _mm256_setzero_ps();
    for (std::size_t c = 0; c < cols8; c += 8) a = _mm256_fmadd_ps(_mm256_loadu_ps(w + c), _mm256_loadu_ps(x + c), a);
    float tail = 0.0f;
    for (std::size_t c = cols8; c < cols; ++c) tail += w[c] * x[c];
    y[r] = hsum(a) + tail + b[r];
  }
}

}  // namespace
#endif

void f32_matvec__vector(const float* W, const float* b, const float* x, std::size_t rows, std::size_t cols, float* y) {
#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
  if (cols >= 8 && cpu_has_avx2_fma()) {
    f32_matvec_avx2(W, b, x, rows, cols, y);
    return;
  }
#endif
  std::size_t r = 0;
#if defined(KIMI_SIMD_SSE) || defined(KIMI_SIMD_WASM)
  // Four rows at a time share each load of x; their lane sums are combined by a 4x4 transpose, in the same
  // order as dot_row, so results are identical to the one-row path.
  const std::size_t cols4 = cols & ~std::size_t{3};
  for (; r + 4 <= rows; r += 4) {
    const float* w0 = W + r * cols;
    const float* w1 = w0 + cols;
    const float* w2 = w1 + cols;
    const float* w3 = w2 + cols;
#if defined(KIMI_SIMD_SSE)
    __m128 a0 = _mm_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    for (std::size_t c = 0; c < cols4; c += 4) {
      const __m128 xv = _mm_loadu_ps(x + c);
      a0 = _mm_add_ps(a0, _mm_mul_ps(_mm_loadu_ps(w0 + c), xv));
      a1 = _mm_add_ps(a1, _mm_mul_ps(_mm_loadu_ps(w1 + c), xv));
      a2 = _mm_add_ps(a2, _mm_mul_ps(_mm_loadu_ps(w2 + c), xv));
      a3 = _mm_add_ps(a3, _mm_mul_ps(_mm_loadu_ps(w3 + c), xv));
    }
    _MM_TRANSPOSE4_PS(a0, a1, a2, a3);  // now a_k holds lane k of rows r..r+3
    float sums[4];
    _mm_storeu_ps(sums, _mm_add_ps(_mm_add_ps(a0, a1), _mm_add_ps(a2, a3)));
#else
    v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
    for (std::size_t c = 0; c < cols4; c += 4) {
      const v128_t xv = wasm_v128_load(x + c);
      a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_v128_load(w0 + c), xv));
      a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(wasm_v128_load(w1 + c), xv));
      a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(wasm_v128_load(w2 + c), xv));
      a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(wasm_v128_load(w3 + c), xv));
    }
    const v128_t t0 = wasm_i32x4_shuffle(a0, a1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(a0, a1, 2, 6, 3, 7);
    const v128_t t2 = wasm_i32x4_shuffle(a2, a3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(a2, a3, 2, 6, 3, 7);
    const v128_t l0 = wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5), l1 = wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7);
    const v128_t l2 = wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5), l3 = wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7);
    float sums[4];
    wasm_v128_store(sums, wasm_f32x4_add(wasm_f32x4_add(l0, l1), wasm_f32x4_add(l2, l3)));
#endif
    const float* rows4[4] = {w0, w1, w2, w3};
    for (int k = 0; k < 4; ++k) {
      float tail = 0.0f;
      for (std::size_t c = cols4; c < cols; ++c) tail += rows4[k][c] * x[c];
      y[r + k] = sums[k] + tail + b[r + k];
    }
  }
#endif
  for (; r < rows; ++r) y[r] = dot_row(W + r * cols, x, cols, b[r]);
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

namespace {

#if defined(KIMI_SIMD_SSE) || defined(KIMI_SIMD_WASM)
// Widths 16 and 32 (the shapes the networks use): the sums stay in registers (G vectors of 4 lanes) for the
// whole bag instead of a load and a store of y per row.
template <int G>
void f32_bag_in_registers(const float* E, uint32_t mask, const uint32_t* ids, std::size_t count, float scale, float* y) {
  constexpr std::size_t kDim = 4 * G;
#if defined(KIMI_SIMD_SSE)
  __m128 acc[G];
  for (auto& a : acc) a = _mm_setzero_ps();
  for (std::size_t k = 0; k < count; ++k) {
    const float* row = E + static_cast<std::size_t>(ids[k] & mask) * kDim;
    for (int j = 0; j < G; ++j) acc[j] = _mm_add_ps(acc[j], _mm_loadu_ps(row + 4 * j));
  }
  const __m128 vscale = _mm_set1_ps(scale);
  for (int j = 0; j < G; ++j) _mm_storeu_ps(y + 4 * j, _mm_mul_ps(acc[j], vscale));
#else
  v128_t acc[G];
  for (auto& a : acc) a = wasm_f32x4_splat(0.0f);
  for (std::size_t k = 0; k < count; ++k) {
    const float* row = E + static_cast<std::size_t>(ids[k] & mask) * kDim;
    for (int j = 0; j < G; ++j) acc[j] = wasm_f32x4_add(acc[j], wasm_v128_load(row + 4 * j));
  }
  const v128_t vscale = wasm_f32x4_splat(scale);
  for (int j = 0; j < G; ++j) wasm_v128_store(y + 4 * j, wasm_f32x4_mul(acc[j], vscale));
#endif
}
#endif

}  // namespace

void f32_embedding_bag__vector(const float* E, std::size_t dim, uint32_t mask, const uint32_t* ids, std::size_t count,
                               float scale, float* y) {
  // Row sums are element-wise: same additions in the same order as the scalar reference, in lanes.
  const std::size_t dim4 = dim & ~std::size_t{3};
#if defined(KIMI_SIMD_SSE) || defined(KIMI_SIMD_WASM)
  if (dim == 32) return f32_bag_in_registers<8>(E, mask, ids, count, scale, y);
  if (dim == 16) return f32_bag_in_registers<4>(E, mask, ids, count, scale, y);
#endif
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

void i8_embedding_bag__scalar(const int8_t* Q, const float* S, std::size_t dim, uint32_t mask, const uint32_t* ids,
                              std::size_t count, float scale, float* y) {
  for (std::size_t d = 0; d < dim; ++d) y[d] = 0.0f;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t r = ids[k] & mask;
    const int8_t* row = Q + r * dim;
    const float s = S[r];
    for (std::size_t d = 0; d < dim; ++d) y[d] += s * static_cast<float>(row[d]);
  }
  for (std::size_t d = 0; d < dim; ++d) y[d] *= scale;
}

namespace {

#if defined(KIMI_SIMD_SSE)
constexpr std::size_t kPrefetchAhead = 16;  // rows in flight: the table is often cold (other networks ran in between)

// Rows are scattered over the table, which is often cold (other networks ran in between): ask for a row (and
// its scale) some iterations before it is summed.
inline void prefetch_row(const int8_t* Q, const float* S, std::size_t dim, std::size_t r) {
  _mm_prefetch(reinterpret_cast<const char*>(Q + r * dim), _MM_HINT_T0);
  _mm_prefetch(reinterpret_cast<const char*>(S + r), _MM_HINT_T0);
}

// Sign-extends the 16 int8 lanes of q into four f32x4 vectors.
inline void widen_i8(__m128i q, __m128 out[4]) {
  const __m128i lo16 = _mm_srai_epi16(_mm_unpacklo_epi8(q, q), 8), hi16 = _mm_srai_epi16(_mm_unpackhi_epi8(q, q), 8);
  out[0] = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(lo16, lo16), 16));
  out[1] = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(lo16, lo16), 16));
  out[2] = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(hi16, hi16), 16));
  out[3] = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(hi16, hi16), 16));
}
#elif defined(KIMI_SIMD_WASM)
inline void widen_i8(v128_t q, v128_t out[4]) {
  const v128_t lo16 = wasm_i16x8_extend_low_i8x16(q), hi16 = wasm_i16x8_extend_high_i8x16(q);
  out[0] = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(lo16));
  out[1] = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(lo16));
  out[2] = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(hi16));
  out[3] = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(hi16));
}
#endif

// Widths 16 and 32 (B = 1 or 2 blocks of 16 int8): the sums stay in registers (4 * B vectors of 4 lanes) for
// the whole bag instead of a load and a store of y per row.
template <int B>
bool i8_bag_in_registers(const int8_t* Q, const float* S, uint32_t mask, const uint32_t* ids, std::size_t count,
                         float scale, float* y) {
  constexpr std::size_t kDim = 16 * B;
#if defined(KIMI_SIMD_SSE)
  __m128 acc[4 * B];
  for (auto& a : acc) a = _mm_setzero_ps();
  __m128 w[4];
  for (std::size_t k = 0; k < count; ++k) {
    if (k + kPrefetchAhead < count) prefetch_row(Q, S, kDim, ids[k + kPrefetchAhead] & mask);
    const std::size_t r = ids[k] & mask;
    const int8_t* row = Q + r * kDim;
    const __m128 vs = _mm_set1_ps(S[r]);
    for (int b = 0; b < B; ++b) {
      widen_i8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 16 * b)), w);
      for (int j = 0; j < 4; ++j) acc[4 * b + j] = _mm_add_ps(acc[4 * b + j], _mm_mul_ps(vs, w[j]));
    }
  }
  const __m128 vscale = _mm_set1_ps(scale);
  for (int j = 0; j < 4 * B; ++j) _mm_storeu_ps(y + 4 * j, _mm_mul_ps(acc[j], vscale));
  return true;
#elif defined(KIMI_SIMD_WASM)
  v128_t acc[4 * B];
  for (auto& a : acc) a = wasm_f32x4_splat(0.0f);
  v128_t w[4];
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t r = ids[k] & mask;
    const int8_t* row = Q + r * kDim;
    const v128_t vs = wasm_f32x4_splat(S[r]);
    for (int b = 0; b < B; ++b) {
      widen_i8(wasm_v128_load(row + 16 * b), w);
      for (int j = 0; j < 4; ++j) acc[4 * b + j] = wasm_f32x4_add(acc[4 * b + j], wasm_f32x4_mul(vs, w[j]));
    }
  }
  const v128_t vscale = wasm_f32x4_splat(scale);
  for (int j = 0; j < 4 * B; ++j) wasm_v128_store(y + 4 * j, wasm_f32x4_mul(acc[j], vscale));
  return true;
#else
  (void)Q, (void)S, (void)mask, (void)ids, (void)count, (void)scale, (void)y;
  return false;
#endif
}

#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
// x86-64 with AVX2 (checked at run time): eight lanes and a sign-extending load per 8 bytes, G = width / 8.
// Same per-lane operations as the scalar reference (no FMA), so the results are identical.
template <int G>
__attribute__((target("avx2"))) void i8_bag_avx2(const int8_t* Q, const float* S, uint32_t mask, const uint32_t* ids,
                                                 std::size_t count, float scale, float* y) {
  constexpr std::size_t kDim = 8 * G;
  __m256 acc[G];
  for (auto& a : acc) a = _mm256_setzero_ps();
  for (std::size_t k = 0; k < count && k < kPrefetchAhead; ++k) prefetch_row(Q, S, kDim, ids[k] & mask);
  for (std::size_t k = 0; k < count; ++k) {
    if (k + kPrefetchAhead < count) prefetch_row(Q, S, kDim, ids[k + kPrefetchAhead] & mask);
    const std::size_t r = ids[k] & mask;
    const int8_t* row = Q + r * kDim;
    const __m256 vs = _mm256_set1_ps(S[r]);
    for (int j = 0; j < G; ++j) {
      const __m128i q8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + 8 * j));
      acc[j] = _mm256_add_ps(acc[j], _mm256_mul_ps(vs, _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(q8))));
    }
  }
  const __m256 vscale = _mm256_set1_ps(scale);
  for (int j = 0; j < G; ++j) _mm256_storeu_ps(y + 8 * j, _mm256_mul_ps(acc[j], vscale));
}

#endif

}  // namespace

void i8_embedding_bag__vector(const int8_t* Q, const float* S, std::size_t dim, uint32_t mask, const uint32_t* ids,
                              std::size_t count, float scale, float* y) {
  // Per lane the same operations as the scalar reference (widen int8 -> f32 exactly, multiply by the row
  // scale, add, in row order), so both variants give identical sums.
#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
  if (dim == 32 && cpu_has_avx2()) return i8_bag_avx2<4>(Q, S, mask, ids, count, scale, y);
  if (dim == 16 && cpu_has_avx2()) return i8_bag_avx2<2>(Q, S, mask, ids, count, scale, y);
#endif
  if (dim == 32 && i8_bag_in_registers<2>(Q, S, mask, ids, count, scale, y)) return;
  if (dim == 16 && i8_bag_in_registers<1>(Q, S, mask, ids, count, scale, y)) return;
  const std::size_t dim16 = dim & ~std::size_t{15};
  for (std::size_t d = 0; d < dim; ++d) y[d] = 0.0f;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t r = ids[k] & mask;
    const int8_t* row = Q + r * dim;
    const float s = S[r];
    std::size_t d = 0;
#if defined(KIMI_SIMD_SSE)
    const __m128 vs = _mm_set1_ps(s);
    __m128 w[4];
    for (; d < dim16; d += 16) {
      widen_i8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + d)), w);
      for (int j = 0; j < 4; ++j)
        _mm_storeu_ps(y + d + 4 * j, _mm_add_ps(_mm_loadu_ps(y + d + 4 * j), _mm_mul_ps(vs, w[j])));
    }
#elif defined(KIMI_SIMD_WASM)
    const v128_t vs = wasm_f32x4_splat(s);
    v128_t w[4];
    for (; d < dim16; d += 16) {
      widen_i8(wasm_v128_load(row + d), w);
      for (int j = 0; j < 4; ++j)
        wasm_v128_store(y + d + 4 * j, wasm_f32x4_add(wasm_v128_load(y + d + 4 * j), wasm_f32x4_mul(vs, w[j])));
    }
#endif
    for (; d < dim; ++d) y[d] += s * static_cast<float>(row[d]);
  }
  for (std::size_t d = 0; d < dim; ++d) y[d] *= scale;
  (void)dim16;
}

void f32_relu(float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

namespace {

// e^x for the softmax, without a libm call per logit (an expert has up to 48): Cody-Waite range reduction
// x = k ln2 + r, |r| <= ln2/2, then a degree-6 polynomial for e^r (relative error < 2e-7 over the range a
// softmax uses), scaled by 2^k through the exponent bits. x <= 0 here (the maximum is subtracted first); below
// -87 it is clamped (e^-87 ~ 1.6e-38, nothing next to the maximum's 1). k is rounded to nearest-even by the
// 1.5 * 2^23 trick (exact for |k| < 2^22; nearbyint would be a libm call on baseline x86-64). Written once for
// a scalar and for four lanes (GCC/clang vector extensions: SSE2 here, SIMD128 under emcc), same operations.
template <class F, class I>
inline F fast_exp(F x) {
  const F lo = F{} - 87.0f;  // -87 in every lane
  x = x > lo ? x : lo;
  const F k = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
  const F r = (x - k * 0.693145751953125f) - k * 1.42860682030941723212e-6f;
  F p = F{} + 1.0f / 720.0f;
  p = p * r + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  I bits;
  if constexpr (sizeof(F) == sizeof(float)) bits = static_cast<I>(k);
  else bits = __builtin_convertvector(k, I);
  bits = (bits + 127) << 23;
  F scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

#if defined(__GNUC__)
typedef float f32x4 __attribute__((vector_size(16)));
typedef int32_t i32x4 __attribute__((vector_size(16)));
#endif

}  // namespace

void f32_softmax(float* x, std::size_t n, float temperature) {
  if (n == 0) return;
  const float inv_t = 1.0f / temperature;
  float mx = x[0] * inv_t;
  for (std::size_t i = 1; i < n; ++i) mx = x[i] * inv_t > mx ? x[i] * inv_t : mx;  // logits are finite
  std::size_t i = 0;
#if defined(__GNUC__)
  for (; i + 4 <= n; i += 4) {
    f32x4 v;
    std::memcpy(&v, x + i, sizeof v);
    v = fast_exp<f32x4, i32x4>(v * inv_t - mx);
    std::memcpy(x + i, &v, sizeof v);
  }
#endif
  for (; i < n; ++i) x[i] = fast_exp<float, int32_t>(x[i] * inv_t - mx);
  float sum = 0.0f;
  for (i = 0; i < n; ++i) sum += x[i];
  for (i = 0; i < n; ++i) x[i] /= sum;
}

}  // namespace kimi
