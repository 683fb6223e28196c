// model loader: safetensors container checks and model validation; corrupt files give clear errors.
#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>

#include "model/model.h"
#include "model/safetensors.h"
#include "test_support.h"

using kimi::ErrorCode;

namespace {
std::vector<uint8_t> tiny_bytes() { return kimi::serialize_model(kimi_test::tiny_model()); }

kimi::Status load(const std::vector<uint8_t>& b) {
  kimi::Model m;
  return kimi::load_model(b.data(), b.size(), &m);
}

// Rewrites the JSON header of a safetensors file (data section kept as is).
std::vector<uint8_t> with_header(const std::vector<uint8_t>& b, const std::function<void(nlohmann::json&)>& edit) {
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | b[i];
  auto j = nlohmann::json::parse(b.begin() + 8, b.begin() + 8 + static_cast<long>(n));
  edit(j);
  std::string h = j.dump();
  const std::size_t rest = b.size() - 8 - n;
  std::vector<uint8_t> out(8 + h.size() + rest);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(h.size() >> (8 * i));
  std::memcpy(out.data() + 8, h.data(), h.size());
  std::memcpy(out.data() + 8 + h.size(), b.data() + 8 + n, rest);
  return out;
}
}  // namespace

TEST_CASE("a serialized model loads back identically") {
  kimi::Model m = kimi_test::tiny_model(), back;
  auto bytes = kimi::serialize_model(m);
  REQUIRE(kimi::load_model(bytes.data(), bytes.size(), &back).ok());
  CHECK(back.router.embedding == m.router.embedding);
  CHECK(back.experts[3].layers[1].weight == m.experts[3].layers[1].weight);
  CHECK(back.intents[4] == m.intents[4]);
  CHECK(kimi::serialize_model(back) == bytes);
}

TEST_CASE("the container is readable as standard safetensors") {
  auto b = tiny_bytes();
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | b[i];
  auto j = nlohmann::json::parse(b.begin() + 8, b.begin() + 8 + static_cast<long>(n));
  CHECK(j["router.embedding"]["dtype"] == "F32");
  CHECK(j["router.embedding"]["shape"] == nlohmann::json::array({64, 8}));
  CHECK(j["__metadata__"]["kimi.domains"] == "reasoning,coding,language,mathematics,tool_use,context");
  CHECK((8 + n) % 8 == 0);
}

TEST_CASE("truncated files are rejected with a clear error") {
  auto b = tiny_bytes();
  for (std::size_t keep : {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{100}, b.size() / 2, b.size() - 1}) {
    std::vector<uint8_t> t(b.begin(), b.begin() + static_cast<long>(keep));
    kimi::Status s = load(t);
    CHECK(s.code == ErrorCode::kModelCorrupt);
    CHECK(s.message.find("corrupt") != std::string::npos);
  }
}

TEST_CASE("a huge header length is rejected before reading") {
  auto b = tiny_bytes();
  b[7] = 0x7f;
  kimi::Status s = load(b);
  CHECK(s.code == ErrorCode::kModelCorrupt);
  CHECK(s.message.find("header length") != std::string::npos);
}

TEST_CASE("bit flips anywhere never crash and never load silently into a different header") {
  auto b = tiny_bytes();
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | b[i];
  int rejected = 0;
  for (std::size_t pos = 0; pos < 8 + n; pos += 3) {
    for (int bit : {0, 5, 7}) {
      auto c = b;
      c[pos] ^= static_cast<uint8_t>(1u << bit);
      if (!load(c).ok()) ++rejected;
    }
  }
  CHECK(rejected > 0);
  // Flipping the exponent of a weight to all ones makes it infinite or NaN: the loader names the tensor.
  auto c = b;
  std::size_t data = 8 + n;
  c[data + 3] |= 0x7f;
  c[data + 2] |= 0x80;
  kimi::Status s = load(c);
  CHECK(s.code == ErrorCode::kModelCorrupt);
  CHECK(s.message.find("NaN or infinity") != std::string::npos);
}

TEST_CASE("header problems are named") {
  auto b = tiny_bytes();
  SECTION("not JSON") {
    auto c = b;
    c[8] = 'x';
    CHECK(load(c).message.find("not a JSON object") != std::string::npos);
  }
  SECTION("unknown dtype") {
    auto s = load(with_header(b, [](auto& j) { j["router.embedding"]["dtype"] = "Q4"; }));
    CHECK(s.message.find("unknown dtype 'Q4'") != std::string::npos);
  }
  SECTION("shape and byte count disagree") {
    auto s = load(with_header(b, [](auto& j) { j["router.embedding"]["shape"] = {64, 9}; }));
    CHECK(s.code == ErrorCode::kModelCorrupt);
    CHECK(s.message.find("router.embedding") != std::string::npos);
  }
  SECTION("offsets outside the data") {
    auto s = load(with_header(b, [](auto& j) { j["router.embedding"]["data_offsets"] = {0, 1u << 30}; }));
    CHECK(s.message.find("outside") != std::string::npos);
  }
  SECTION("overlapping tensors") {
    auto s = load(with_header(b, [](auto& j) {
      const int begin = j["expert.coding.layer1.bias"]["data_offsets"][0];
      const int end = j["expert.coding.layer1.bias"]["data_offsets"][1];
      j["expert.coding.layer1.bias"]["data_offsets"] = {begin - 4, end - 4};
    }));
    CHECK_FALSE(s.ok());
  }
  SECTION("negative dimension") {
    auto s = load(with_header(b, [](auto& j) { j["router.layer0.bias"]["shape"] = {-12}; }));
    CHECK(s.code == ErrorCode::kModelCorrupt);
  }
}

TEST_CASE("a valid file with the wrong model inside is a mismatch, named") {
  SECTION("wrong layer width") {
    kimi::Model m = kimi_test::tiny_model();
    m.router.layers[1] = {11, kimi::kNumDomains, std::vector<float>(11 * kimi::kNumDomains), std::vector<float>(kimi::kNumDomains)};
    auto b = kimi::serialize_model(m);
    kimi::Status s = load(b);
    CHECK(s.code == ErrorCode::kModelMismatch);
    CHECK(s.message.find("router.layer1.weight") != std::string::npos);
  }
  SECTION("intent count differs from outputs") {
    kimi::Model m = kimi_test::tiny_model();
    m.intents[2].push_back("extra");
    kimi::Status s = load(kimi::serialize_model(m));
    CHECK(s.code == ErrorCode::kModelMismatch);
    CHECK(s.message.find("expert.language") != std::string::npos);
  }
  SECTION("missing tensor") {
    auto b = with_header(tiny_bytes(), [](auto& j) { j.erase("expert.context.layer1.bias"); });
    CHECK_FALSE(load(b).ok());
  }
  SECTION("different domain labels") {
    auto b = with_header(tiny_bytes(), [](auto& j) { j["__metadata__"]["kimi.domains"] = "a,b,c,d,e,f"; });
    kimi::Status s = load(b);
    CHECK(s.code == ErrorCode::kModelMismatch);
    CHECK(s.message.find("domain labels") != std::string::npos);
  }
  SECTION("different feature extractor") {
    auto b = with_header(tiny_bytes(), [](auto& j) { j["__metadata__"]["kimi.features"] = "other"; });
    CHECK(load(b).message.find("features") != std::string::npos);
  }
  SECTION("temperature out of range") {
    auto b = with_header(tiny_bytes(), [](auto& j) { j["__metadata__"]["router.temperature"] = "-1"; });
    CHECK(load(b).message.find("router.temperature") != std::string::npos);
  }
}

TEST_CASE("the committed model loads and its knowledge matches") {
  kimi::LoadResult r = kimi_test::load_committed();
  INFO(r.status.message);
  REQUIRE(r.engine);
}

TEST_CASE("a missing model file is an io error naming the path") {
  kimi::LoadResult r = kimi::Engine::load_files("/nonexistent/kimi.safetensors", KIMI_MODELS_DIR "/knowledge");
  CHECK_FALSE(r.engine);
  CHECK(r.status.code == ErrorCode::kIo);
  CHECK(r.status.message.find("/nonexistent/kimi.safetensors") != std::string::npos);
}

TEST_CASE("int8 embeddings: quantize keeps every element within half its column's step, and the file round-trips") {
  kimi::Model m = kimi_test::tiny_model();
  const std::vector<float> f32 = m.router.embedding;
  for (int d = -1; d < kimi::kNumDomains; ++d) (d < 0 ? m.router : m.experts[d]).quantize();
  REQUIRE(m.router.quantized());
  CHECK(m.router.embedding.empty());
  const std::size_t dim = m.router.embedding_dim;
  for (std::size_t r = 0; r < m.router.buckets; ++r)
    for (std::size_t c = 0; c < dim; ++c)
      REQUIRE(std::fabs(m.router.embedding_scale[c] * m.router.embedding_q[r * dim + c] - f32[r * dim + c]) <=
              0.5f * m.router.embedding_scale[c] + 1e-7f);
  REQUIRE(m.router.embedding_scale.size() == dim);
  for (std::size_t c = 0; c < dim; ++c) {  // the largest |x| of each column maps to 127
    int mx = 0;
    for (std::size_t r = 0; r < m.router.buckets; ++r) mx = std::max(mx, std::abs(int{m.router.embedding_q[r * dim + c]}));
    CHECK((mx == 127 || m.router.embedding_scale[c] == 0.0f));
  }
  auto bytes = kimi::serialize_model(m);
  kimi::Model back;
  REQUIRE(kimi::load_model(bytes.data(), bytes.size(), &back).ok());
  CHECK(back.router.embedding_q == m.router.embedding_q);
  CHECK(back.router.embedding_scale == m.router.embedding_scale);
  CHECK(kimi::serialize_model(back) == bytes);

  SECTION("a scale tensor with one scale per row (format 1's shape) is a clear error") {
    auto s = load(with_header(bytes, [](auto& j) { j["router.embedding_scale"]["shape"] = {64}; }));
    CHECK_FALSE(s.ok());
    CHECK(s.message.find("router.embedding_scale") != std::string::npos);
  }

  SECTION("a missing or negative scale tensor is a clear error") {
    auto s = load(with_header(bytes, [](auto& j) {  // renamed: offsets stay valid, the scale is missing
      j["router.embedding_scales"] = j["router.embedding_scale"];
      j.erase("router.embedding_scale");
    }));
    CHECK_FALSE(s.ok());
    CHECK(s.message.find("router.embedding_scale") != std::string::npos);
    auto neg = bytes;  // flip the sign bit of the first router scale
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | neg[i];
    auto j = nlohmann::json::parse(neg.begin() + 8, neg.begin() + 8 + static_cast<long>(n));
    const std::size_t at = 8 + n + j["router.embedding_scale"]["data_offsets"][0].get<std::size_t>();
    neg[at + 3] |= 0x80;
    neg[at] |= 1;  // and make it non-zero, so -0 cannot pass
    auto sn = load(neg);
    CHECK(sn.code == ErrorCode::kModelCorrupt);
    CHECK(sn.message.find("negative") != std::string::npos);
  }

  SECTION("forward passes agree between int8 and its dequantized twin") {
    kimi::Network twin = m.router;
    twin.dequantize();
    auto f = std::make_unique<kimi::Features>();
    f->count = 3;
    f->ids[0] = 1, f->ids[1] = 77, f->ids[2] = 5;
    for (float& x : f->dense) x = 0.25f;
    std::vector<float> s1(2 * twin.max_width()), s2(s1), p1(6), p2(6);
    m.router.forward(*f, s1.data(), p1.data());
    twin.forward(*f, s2.data(), p2.data());
    for (int k = 0; k < 6; ++k) CHECK(p1[k] == Approx(p2[k]).epsilon(1e-5));
  }
}
