// Helpers shared by the unit tests: a tiny random model with matching knowledge files, and file reading.
#pragma once
#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kimi/kimi.h"
#include "model/model.h"

namespace kimi_test {

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
}

// Deterministic pseudo-random floats in [-0.5, 0.5).
inline float rnd(uint64_t& s) {
  s = s * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<float>((s >> 40) & 0xFFFFFF) / 16777216.0f - 0.5f;
}

inline kimi::Network tiny_network(std::size_t outputs, uint64_t seed) {
  kimi::Network n;
  n.buckets = 64;
  n.embedding_dim = 8;
  n.embedding.resize(64 * 8);
  for (auto& v : n.embedding) v = rnd(seed);
  kimi::DenseLayer l0{n.input_dim(), 12, {}, {}}, l1{12, outputs, {}, {}};
  for (auto* l : {&l0, &l1}) {
    l->weight.resize(l->in * l->out);
    l->bias.resize(l->out);
    for (auto& v : l->weight) v = rnd(seed);
    for (auto& v : l->bias) v = rnd(seed);
  }
  n.layers = {l0, l1};
  return n;
}

// A model with random weights and two intents per domain ("<domain>_a", "<domain>_b").
inline kimi::Model tiny_model() {
  kimi::Model m;
  m.router = tiny_network(kimi::kNumDomains, 1);
  for (int d = 0; d < kimi::kNumDomains; ++d) {
    m.experts[d] = tiny_network(2, 100 + d);
    m.intents[d] = {std::string(kimi::domain_name(d)) + "_a", std::string(kimi::domain_name(d)) + "_b"};
  }
  return m;
}

inline std::string tiny_knowledge(int d) {
  std::string name = kimi::domain_name(d);
  return "{\"domain\":\"" + name + "\",\"intents\":[{\"id\":\"" + name + "_a\",\"title\":\"" + name +
         " topic a\",\"answer\":\"Answer A of " + name + ".\"},{\"id\":\"" + name + "_b\",\"title\":\"" + name +
         " topic b\",\"answer\":\"Answer B of " + name + ".\"}]}";
}

inline std::array<std::string, kimi::kNumDomains> tiny_knowledge_all() {
  std::array<std::string, kimi::kNumDomains> k;
  for (int d = 0; d < kimi::kNumDomains; ++d) k[d] = tiny_knowledge(d);
  return k;
}

inline kimi::LoadResult load_bytes(const std::vector<uint8_t>& model, const std::array<std::string, kimi::kNumDomains>& k) {
  std::array<std::string_view, kimi::kNumDomains> views;
  for (int d = 0; d < kimi::kNumDomains; ++d) views[d] = k[d];
  return kimi::Engine::load(model.data(), model.size(), views);
}

// The committed model and knowledge base.
inline kimi::LoadResult load_committed() {
  return kimi::Engine::load_files(std::string(KIMI_MODELS_DIR) + "/kimi.safetensors", std::string(KIMI_MODELS_DIR) + "/knowledge");
}

}  // namespace kimi_test
