// trainer: learns a separable task, is bit-for-bit deterministic, calibrates, smooths labels, and rejects bad data
// with the line number.
#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>

#include "test_support.h"
#include "train/dataset.h"
#include "train/mlp_trainer.h"

namespace {
// Three classes told apart by their vocabulary, with shared filler words.
std::vector<kimi::Example> toy_set(int per_class, uint64_t seed) {
  const char* vocab[3][4] = {{"apple", "banana", "cherry", "grape"},
                             {"hammer", "wrench", "pliers", "screw"},
                             {"violin", "trumpet", "cello", "flute"}};
  const char* filler[] = {"the", "a", "my", "please", "about", "with"};
  std::vector<kimi::Example> xs;
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < per_class; ++i) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      kimi::Example e;
      e.text = std::string(filler[(seed >> 33) % 6]) + " " + vocab[c][(seed >> 40) % 4] + " " + filler[(seed >> 50) % 6] +
               " " + vocab[c][(seed >> 20) % 4];
      e.domain = c;
      e.intent = c;
      kimi::featurize(&e);
      xs.push_back(std::move(e));
    }
  }
  return xs;
}

std::vector<const kimi::Example*> ptrs(const std::vector<kimi::Example>& v) {
  std::vector<const kimi::Example*> p;
  for (const auto& e : v) p.push_back(&e);
  return p;
}

kimi::NetworkSpec spec() { return {256, 8, {8}, 3}; }

kimi::TrainOptions opts() {
  kimi::TrainOptions o;
  o.epochs = 15;
  o.seed = 7;
  return o;
}

auto quiet = [](const char*) {};
auto label = [](const kimi::Example& e) { return e.intent; };

// The network's output probabilities for each example, through the engine's own forward pass.
std::vector<std::vector<float>> probabilities(const kimi::Network& net, const std::vector<kimi::Example>& xs) {
  auto f = std::make_unique<kimi::Features>();
  std::vector<float> scratch(2 * net.max_width());
  std::vector<std::vector<float>> out;
  for (const auto& e : xs) {
    kimi::to_features(e, f.get());
    out.emplace_back(net.output_dim());
    net.forward(*f, scratch.data(), out.back().data());
  }
  return out;
}
}  // namespace

TEST_CASE("a network learns a separable task") {
  auto train = toy_set(60, 1), dev = toy_set(30, 2);
  kimi::Network net = kimi::train_network(ptrs(train), label, spec(), opts(), quiet);
  const auto probs = probabilities(net, dev);
  int ok = 0;
  for (std::size_t i = 0; i < dev.size(); ++i) {
    const auto& p = probs[i];
    int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    ok += best == dev[i].intent;
  }
  CHECK(ok >= 85);  // of 90
}

TEST_CASE("training is deterministic: same data and seed give identical bytes") {
  auto train = toy_set(40, 3);
  kimi::Network a = kimi::train_network(ptrs(train), label, spec(), opts(), quiet);
  kimi::Network b = kimi::train_network(ptrs(train), label, spec(), opts(), quiet);
  CHECK(a.embedding == b.embedding);
  CHECK(a.layers[0].weight == b.layers[0].weight);
  CHECK(a.layers[1].bias == b.layers[1].bias);
  kimi::TrainOptions other = opts();
  other.seed = 8;
  kimi::Network c = kimi::train_network(ptrs(train), label, spec(), other, quiet);
  CHECK(a.layers[0].weight != c.layers[0].weight);
}

TEST_CASE("temperature calibration softens confidence when held-out labels disagree more") {
  auto train = toy_set(40, 4), clean = toy_set(40, 5), noisy = clean;
  for (std::size_t i = 0; i < noisy.size(); i += 3) noisy[i].intent = (noisy[i].intent + 1) % 3;  // a third wrong
  kimi::TrainOptions sharp = opts();  // train to high confidence, so the noisy set has something to soften
  sharp.learning_rate = 0.05f;
  sharp.epochs = 60;
  kimi::Network net = kimi::train_network(ptrs(train), label, spec(), sharp, quiet);
  float t_clean = kimi::calibrate_temperature(net, ptrs(clean), label);
  float t_noisy = kimi::calibrate_temperature(net, ptrs(noisy), label);
  INFO("clean " << t_clean << " noisy " << t_noisy);
  CHECK(t_noisy > t_clean);
  CHECK(t_clean >= 0.25f);
  CHECK(t_noisy <= 4.0f);
}

TEST_CASE("label smoothing holds training confidence near its target instead of 1") {
  // With eps = 0.3 over 3 classes the best the network can do is 1 - 0.3 + 0.1 = 0.8 on its own training set.
  auto train = toy_set(40, 6);
  auto mean_top_probability = [&](float eps) {
    kimi::TrainOptions o = opts();
    o.learning_rate = 0.05f;
    o.epochs = 60;
    o.token_dropout = 0.0f;
    o.label_smoothing = eps;
    kimi::Network net = kimi::train_network(ptrs(train), label, spec(), o, quiet);
    double sum = 0;
    for (const auto& p : probabilities(net, train)) sum += *std::max_element(p.begin(), p.end());
    return sum / static_cast<double>(train.size());
  };
  const double plain = mean_top_probability(0.0f), smoothed = mean_top_probability(0.3f);
  INFO("plain " << plain << " smoothed " << smoothed);
  CHECK(plain > 0.97);
  CHECK(smoothed > 0.75);
  CHECK(smoothed < 0.85);
}

TEST_CASE("dataset errors name the file and line") {
  kimi::IntentIds ids;
  ids[0] = {"a"};
  for (int d = 1; d < kimi::kNumDomains; ++d) ids[d] = {"x"};
  std::string path = std::string(KIMI_TEST_TMP) + "/bad.jsonl";
  std::vector<kimi::Example> out;
  kimi_test::write_file(path, "{\"q\":\"fine\",\"domain\":\"reasoning\",\"intent\":\"a\"}\n\n{\"q\":\"x\",\"domain\":\"reasoning\",\"intent\":\"zzz\"}\n");
  kimi::Status s = kimi::read_examples(path, ids, &out);
  CHECK_FALSE(s.ok());
  CHECK(s.message.find("bad.jsonl:3") != std::string::npos);
  CHECK(s.message.find("zzz") != std::string::npos);
  kimi_test::write_file(path, "{\"q\":\"fine\",\"domain\":\"cooking\",\"intent\":\"a\"}\n");
  CHECK(kimi::read_examples(path, ids, &out).message.find("unknown domain 'cooking'") != std::string::npos);
  kimi_test::write_file(path, "not json\n");
  CHECK(kimi::read_examples(path, ids, &out).message.find("not a JSON object") != std::string::npos);
}
