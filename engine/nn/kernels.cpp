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
  constexpr std::size_t kChunk = 64;  // columns summed per pass over the rows (no allocation for any width)
  for (std::size_t d0 = 0; d0 < dim; d0 += kChunk) {
    const std::size_t n = dim - d0 < kChunk ? dim - d0 : kChunk;
    int32_t sums[kChunk] = {};
    for (std::size_t k = 0; k < count; ++k) {
      const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
      for (std::size_t d = 0; d < n; ++d) sums[d] += row[d];
    }
    for (std::size_t d = 0; d < n; ++d) y[d0 + d] = (static_cast<float>(sums[d]) * S[d0 + d]) * scale;
  }
}

namespace {

// Integer sums of 16-column blocks of the rows, in 16-bit lanes: 256 rows of int8 fit (-128 * 256 = -32768,
// 127 * 256 = 32512) before the lanes are widened into the 32-bit totals. Integer additions are exact in any
// order, so every variant gives the scalar reference's sums bit for bit.
constexpr std::size_t kRowsPer16BitRun = 256;

#if defined(KIMI_SIMD_SSE)
constexpr std::size_t kPrefetchAhead = 16;  // rows in flight: the table is often cold (other networks ran in between)

inline void prefetch_row(const int8_t* row) { _mm_prefetch(reinterpret_cast<const char*>(row), _MM_HINT_T0); }

inline __m128i widen_lo_i8(__m128i q) { return _mm_srai_epi16(_mm_unpacklo_epi8(q, q), 8); }
inline __m128i widen_hi_i8(__m128i q) { return _mm_srai_epi16(_mm_unpackhi_epi8(q, q), 8); }
inline __m128i widen_lo_i16(__m128i v) { return _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16); }
inline __m128i widen_hi_i16(__m128i v) { return _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16); }
#endif

// Sums columns [d0, d0 + 16 * B) of the selected rows into sums[16 * B] (SSE2 or SIMD128; false elsewhere).
template <int B>
bool i8_column_sums(const int8_t* Q, std::size_t dim, std::size_t d0, uint32_t mask, const uint32_t* ids,
                    std::size_t count, int32_t* sums) {
#if defined(KIMI_SIMD_SSE)
  __m128i total[4 * B];
  for (auto& t : total) t = _mm_setzero_si128();
  for (std::size_t k0 = 0; k0 < count; k0 += kRowsPer16BitRun) {
    const std::size_t k1 = count - k0 < kRowsPer16BitRun ? count : k0 + kRowsPer16BitRun;
    __m128i run[2 * B];
    for (auto& r : run) r = _mm_setzero_si128();
    for (std::size_t k = k0; k < k1; ++k) {
      if (k + kPrefetchAhead < count) prefetch_row(Q + static_cast<std::size_t>(ids[k + kPrefetchAhead] & mask) * dim + d0);
      const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
      for (int b = 0; b < B; ++b) {
        const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 16 * b));
        run[2 * b] = _mm_add_epi16(run[2 * b], widen_lo_i8(q));
        run[2 * b + 1] = _mm_add_epi16(run[2 * b + 1], widen_hi_i8(q));
      }
    }
    for (int h = 0; h < 2 * B; ++h) {
      total[2 * h] = _mm_add_epi32(total[2 * h], widen_lo_i16(run[h]));
      total[2 * h + 1] = _mm_add_epi32(total[2 * h + 1], widen_hi_i16(run[h]));
    }
  }
  for (int j = 0; j < 4 * B; ++j) _mm_storeu_si128(reinterpret_cast<__m128i*>(sums + 4 * j), total[j]);
  return true;
#elif defined(KIMI_SIMD_WASM)
  v128_t total[4 * B];
  for (auto& t : total) t = wasm_i32x4_splat(0);
  for (std::size_t k0 = 0; k0 < count; k0 += kRowsPer16BitRun) {
    const std::size_t k1 = count - k0 < kRowsPer16BitRun ? count : k0 + kRowsPer16BitRun;
    v128_t run[2 * B];
    for (auto& r : run) r = wasm_i16x8_splat(0);
    for (std::size_t k = k0; k < k1; ++k) {
      const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
      for (int b = 0; b < B; ++b) {
        const v128_t q = wasm_v128_load(row + 16 * b);
        run[2 * b] = wasm_i16x8_add(run[2 * b], wasm_i16x8_extend_low_i8x16(q));
        run[2 * b + 1] = wasm_i16x8_add(run[2 * b + 1], wasm_i16x8_extend_high_i8x16(q));
      }
    }
    for (int h = 0; h < 2 * B; ++h) {
      total[2 * h] = wasm_i32x4_add(total[2 * h], wasm_i32x4_extend_low_i16x8(run[h]));
      total[2 * h + 1] = wasm_i32x4_add(total[2 * h + 1], wasm_i32x4_extend_high_i16x8(run[h]));
    }
  }
  for (int j = 0; j < 4 * B; ++j) wasm_v128_store(sums + 4 * j, total[j]);
  return true;
#else
  (void)Q, (void)dim, (void)d0, (void)mask, (void)ids, (void)count, (void)sums;
  return false;
#endif
}

#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
// x86-64 with AVX2 (checked at run time): one sign-extending widen of 16 int8 into 16 int16 lanes per block.
template <int B>
__attribute__((target("avx2"))) void i8_column_sums_avx2(const int8_t* Q, std::size_t dim, std::size_t d0, uint32_t mask,
                                                         const uint32_t* ids, std::size_t count, int32_t* sums) {
  __m256i total[2 * B];
  for (auto& t : total) t = _mm256_setzero_si256();
  for (std::size_t k = 0; k < count && k < kPrefetchAhead; ++k) prefetch_row(Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0);
  for (std::size_t k0 = 0; k0 < count; k0 += kRowsPer16BitRun) {
    const std::size_t k1 = count - k0 < kRowsPer16BitRun ? count : k0 + kRowsPer16BitRun;
    __m256i run[B];
    for (auto& r : run) r = _mm256_setzero_si256();
    for (std::size_t k = k0; k < k1; ++k) {
      if (k + kPrefetchAhead < count) prefetch_row(Q + static_cast<std::size_t>(ids[k + kPrefetchAhead] & mask) * dim + d0);
      const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
      for (int b = 0; b < B; ++b)
        run[b] = _mm256_add_epi16(run[b], _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 16 * b))));
    }
    for (int b = 0; b < B; ++b) {
      total[2 * b] = _mm256_add_epi32(total[2 * b], _mm256_cvtepi16_epi32(_mm256_castsi256_si128(run[b])));
      total[2 * b + 1] = _mm256_add_epi32(total[2 * b + 1], _mm256_cvtepi16_epi32(_mm256_extracti128_si256(run[b], 1)));
    }
  }
  for (int j = 0; j < 2 * B; ++j) _mm256_storeu_si256(reinterpret_cast<__m256i*>(sums + 8 * j), total[j]);
}
#endif

// Columns [d0, d0 + 16 * B) through the best available path.
template <int B>
void i8_column_block(const int8_t* Q, std::size_t dim, std::size_t d0, uint32_t mask, const uint32_t* ids,
                     std::size_t count, int32_t* sums) {
#if defined(KIMI_SIMD_SSE) && defined(__GNUC__)
  if (cpu_has_avx2()) return i8_column_sums_avx2<B>(Q, dim, d0, mask, ids, count, sums);
#endif
  if (i8_column_sums<B>(Q, dim, d0, mask, ids, count, sums)) return;
  for (int d = 0; d < 16 * B; ++d) sums[d] = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
    for (int d = 0; d < 16 * B; ++d) sums[d] += row[d];
  }
}

}  // namespace

void i8_embedding_bag__vector(const int8_t* Q, const float* S, std::size_t dim, uint32_t mask, const uint32_t* ids,
                              std::size_t count, float scale, float* y) {
  // Up to 32 columns per pass over the rows (the networks use 16 or 32), the rest of the width 16 at a time,
  // a scalar tail; then the same (sum * column scale) * scale as the scalar reference.
  int32_t sums[32];
  std::size_t d0 = 0;
  while (d0 < dim) {
    std::size_t n = dim - d0;
    if (n >= 32) {
      i8_column_block<2>(Q, dim, d0, mask, ids, count, sums);
      n = 32;
    } else if (n >= 16) {
      i8_column_block<1>(Q, dim, d0, mask, ids, count, sums);
      n = 16;
    } else {
      for (std::size_t d = 0; d < n; ++d) sums[d] = 0;
      for (std::size_t k = 0; k < count; ++k) {
        const int8_t* row = Q + static_cast<std::size_t>(ids[k] & mask) * dim + d0;
        for (std::size_t d = 0; d < n; ++d) sums[d] += row[d];
      }
    }
    for (std::size_t d = 0; d < n; ++d) y[d0 + d] = (static_cast<float>(sums[d]) * S[d0 + d]) * scale;
    d0 += n;
  }
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
