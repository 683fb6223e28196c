// Dense kernels of the inference path. Each has a scalar reference (`__scalar`) and a vectorized variant with
// the same signature; tests check they agree within a stated tolerance. Shapes are row-major.
#pragma once
#include <cstddef>
#include <cstdint>

namespace kimi {

// y[rows] = W[rows x cols] . x[cols] + b[rows]
void f32_matvec__scalar(const float* W, const float* b, const float* x, std::size_t rows, std::size_t cols, float* y);
void f32_matvec__vector(const float* W, const float* b, const float* x, std::size_t rows, std::size_t cols, float* y);

// y[dim] = scale * sum_k E[ids[k] & mask][dim]   (embedding bag: mean when scale = 1/count)
void f32_embedding_bag__scalar(const float* E, std::size_t dim, uint32_t mask, const uint32_t* ids, std::size_t count,
                               float scale, float* y);
void f32_embedding_bag__vector(const float* E, std::size_t dim, uint32_t mask, const uint32_t* ids, std::size_t count,
                               float scale, float* y);

// y[d] = (float(sum_k Q[r][d]) * S[d]) * scale, r = ids[k] & mask   (int8 rows with per-column scales S[dim]:
// the rows are summed as integers, exactly, and scaled once per column)
void i8_embedding_bag__scalar(const int8_t* Q, const float* S, std::size_t dim, uint32_t mask, const uint32_t* ids,
                              std::size_t count, float scale, float* y);
void i8_embedding_bag__vector(const int8_t* Q, const float* S, std::size_t dim, uint32_t mask, const uint32_t* ids,
                              std::size_t count, float scale, float* y);

// The variants the engine uses (vectorized unless KIMI_SCALAR_KERNELS is defined at build time).
#ifdef KIMI_SCALAR_KERNELS
inline constexpr auto f32_matvec = f32_matvec__scalar;
inline constexpr auto f32_embedding_bag = f32_embedding_bag__scalar;
inline constexpr auto i8_embedding_bag = i8_embedding_bag__scalar;
#else
inline constexpr auto f32_matvec = f32_matvec__vector;
inline constexpr auto f32_embedding_bag = f32_embedding_bag__vector;
inline constexpr auto i8_embedding_bag = i8_embedding_bag__vector;
#endif

// In place: x = max(x, 0)
void f32_relu(float* x, std::size_t n);
// In place: softmax of x / temperature (numerically stable)
void f32_softmax(float* x, std::size_t n, float temperature);

}  // namespace kimi
