// kernels: vector variants agree with the scalar reference at sizes around the lane width.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "nn/kernels.h"

namespace {
std::vector<float> random_vec(std::size_t n, uint64_t seed) {
  std::vector<float> v(n);
  for (auto& x : v) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    x = static_cast<float>((seed >> 40) & 0xFFFF) / 65536.0f - 0.5f;
  }
  return v;
}
}  // namespace

TEST_CASE("f32_matvec vector == scalar (tolerance 1e-5 relative)") {
  for (std::size_t rows : {1, 3, 4, 5, 11, 64}) {
    for (std::size_t cols : {1, 3, 4, 5, 11, 40, 72, 264}) {
      auto W = random_vec(rows * cols, rows * 100 + cols), x = random_vec(cols, 7), b = random_vec(rows, 9);
      std::vector<float> ys(rows), yv(rows);
      kimi::f32_matvec__scalar(W.data(), b.data(), x.data(), rows, cols, ys.data());
      kimi::f32_matvec__vector(W.data(), b.data(), x.data(), rows, cols, yv.data());
      for (std::size_t r = 0; r < rows; ++r) REQUIRE(yv[r] == Approx(ys[r]).epsilon(1e-5).margin(1e-6));
    }
  }
}

TEST_CASE("f32_matvec computes W x + b") {
  const float W[] = {1, 2, 3, 4, 5, 6};  // 2 x 3
  const float x[] = {1, 0, -1}, b[] = {10, 20};
  float y[2];
  kimi::f32_matvec(W, b, x, 2, 3, y);
  CHECK(y[0] == 10 + 1 - 3);
  CHECK(y[1] == 20 + 4 - 6);
}

TEST_CASE("f32_embedding_bag vector == scalar and masks ids") {
  for (std::size_t dim : {1, 3, 4, 5, 8, 11, 16, 32, 96}) {
    auto E = random_vec(16 * dim, dim);
    const uint32_t ids[] = {3, 19, 0, 15, 3, 4000000000u};
    std::vector<float> ys(dim), yv(dim);
    kimi::f32_embedding_bag__scalar(E.data(), dim, 15, ids, 6, 1.0f / 6, ys.data());
    kimi::f32_embedding_bag__vector(E.data(), dim, 15, ids, 6, 1.0f / 6, yv.data());
    for (std::size_t d = 0; d < dim; ++d) REQUIRE(yv[d] == ys[d]);  // same additions, same order: exact
    // id 19 & 15 == 3: the bag is the mean of rows 3,3,0,15,3,(4e9 & 15 = 0)
    float expect = (3 * E[3 * dim] + 2 * E[0] + E[15 * dim]) / 6;
    CHECK(ys[0] == Approx(expect).epsilon(1e-6));
  }
}

TEST_CASE("softmax sums to one, is stable for large logits and sharpens with low temperature") {
  float x[] = {1000.0f, 999.0f, -1000.0f};
  kimi::f32_softmax(x, 3, 1.0f);
  CHECK(x[0] + x[1] + x[2] == Approx(1.0f));
  CHECK(x[0] == Approx(1 / (1 + std::exp(-1.0f))));
  float a[] = {1.0f, 0.0f}, b[] = {1.0f, 0.0f};
  kimi::f32_softmax(a, 2, 1.0f);
  kimi::f32_softmax(b, 2, 0.5f);
  CHECK(b[0] > a[0]);
}

TEST_CASE("relu clamps negatives only") {
  float x[] = {-1.0f, 0.0f, 2.5f};
  kimi::f32_relu(x, 3);
  CHECK(x[0] == 0.0f);
  CHECK(x[1] == 0.0f);
  CHECK(x[2] == 2.5f);
}

TEST_CASE("i8_embedding_bag vector == scalar, applies per-column scales and masks ids") {
  for (std::size_t dim : {1, 5, 16, 17, 32, 48, 64, 80, 100}) {
    std::vector<int8_t> Q(16 * dim);
    for (std::size_t i = 0; i < Q.size(); ++i) Q[i] = static_cast<int8_t>(static_cast<int>((i * 37 + dim) % 256) - 128);
    auto S = random_vec(dim, dim + 1);
    for (auto& s : S) s = std::fabs(s) / 64.0f;
    const uint32_t ids[] = {3, 19, 0, 15, 3, 4000000000u};
    std::vector<float> ys(dim), yv(dim);
    kimi::i8_embedding_bag__scalar(Q.data(), S.data(), dim, 15, ids, 6, 1.0f / 6, ys.data());
    kimi::i8_embedding_bag__vector(Q.data(), S.data(), dim, 15, ids, 6, 1.0f / 6, yv.data());
    for (std::size_t d = 0; d < dim; ++d) REQUIRE(yv[d] == ys[d]);  // integer sums, then the same scaling: exact
    // rows 3,3,0,15,3,0 (19 & 15 = 3, 4e9 & 15 = 0), summed, times the column's scale
    for (std::size_t d : {std::size_t{0}, dim - 1}) {
      const int sum = 3 * Q[3 * dim + d] + 2 * Q[d] + Q[15 * dim + d];
      CHECK(ys[d] == Approx(sum * S[d] / 6).epsilon(1e-6).margin(1e-7));
    }
  }
}

TEST_CASE("i8_embedding_bag sums thousands of extreme rows without overflow") {
  // The vector path adds rows in 16-bit lanes for runs of 256; -128 and 127 rows in long runs check the
  // widening into 32-bit totals (a wrong run length overflows and the sums differ).
  for (std::size_t dim : {16, 32, 48}) {
    std::vector<int8_t> Q(4 * dim);
    for (std::size_t d = 0; d < dim; ++d) {
      Q[d] = -128;
      Q[dim + d] = 127;
      Q[2 * dim + d] = static_cast<int8_t>(d % 2 ? -128 : 127);
      Q[3 * dim + d] = static_cast<int8_t>(d);
    }
    const std::vector<float> S(dim, 1.0f);
    for (std::size_t count : {255, 256, 257, 1000, 5000}) {
      std::vector<uint32_t> ids(count);
      for (std::size_t k = 0; k < count; ++k) ids[k] = k < count / 2 ? 0u : (k % 5 == 0 ? 3u : 1u + (k % 2));
      std::vector<int64_t> expect(dim, 0);
      for (uint32_t id : ids)
        for (std::size_t d = 0; d < dim; ++d) expect[d] += Q[id * dim + d];
      std::vector<float> ys(dim), yv(dim);
      kimi::i8_embedding_bag__scalar(Q.data(), S.data(), dim, 3, ids.data(), count, 1.0f, ys.data());
      kimi::i8_embedding_bag__vector(Q.data(), S.data(), dim, 3, ids.data(), count, 1.0f, yv.data());
      for (std::size_t d = 0; d < dim; ++d) {
        REQUIRE(ys[d] == static_cast<float>(expect[d]));
        REQUIRE(yv[d] == static_cast<float>(expect[d]));
      }
    }
  }
}

TEST_CASE("softmax matches the exact formula within 1e-5 relative over a wide range of logits") {
  // The softmax uses its own exp (no libm call per logit): compare with std::exp over spreads up to 80.
  for (float spread : {0.01f, 1.0f, 10.0f, 40.0f, 80.0f}) {
    auto v = random_vec(48, static_cast<uint64_t>(spread * 100));
    std::vector<float> x(48);
    for (std::size_t i = 0; i < 48; ++i) x[i] = v[i] * spread;
    std::vector<double> ref(48);
    double mx = x[0], sum = 0;
    for (float f : x) mx = std::max(mx, static_cast<double>(f) / 1.3);
    for (std::size_t i = 0; i < 48; ++i) sum += (ref[i] = std::exp(x[i] / 1.3 - mx));
    kimi::f32_softmax(x.data(), 48, 1.3f);
    for (std::size_t i = 0; i < 48; ++i) REQUIRE(x[i] == Approx(ref[i] / sum).epsilon(1e-5).margin(1e-12));
  }
}
