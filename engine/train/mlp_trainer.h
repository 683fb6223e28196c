// Trains one micro network (embedding bag + MLP, see nn/network.h) with softmax cross-entropy and Adam.
// Deterministic: the same examples, spec and seed give bit-identical weights.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "nn/network.h"
#include "train/dataset.h"

namespace kimi {

struct NetworkSpec {
  uint32_t buckets = 1u << 12;
  std::size_t embedding_dim = 64;
  std::vector<std::size_t> hidden;  // widths of the hidden ReLU layers
  std::size_t outputs = 0;
  bool words_only = false;  // embedding bag over the word-level ids only
};

struct TrainOptions {
  int epochs = 20;
  std::size_t batch = 32;
  float learning_rate = 3e-3f;  // Adam, decayed linearly to 10% over the run
  float weight_decay = 1e-5f;   // L2 on dense weights (decoupled, AdamW style)
  float token_dropout = 0.1f;   // share of feature ids dropped per example per step (robustness to typos)
  bool balance_classes = true;  // weight each example by 1/frequency of its label
  // Target 1 - eps on the label and eps spread evenly over all classes, so the logits stop growing once the
  // training queries are memorized (kimi-train: 0.3 for the experts; calibrate_temperature rescales the outputs).
  float label_smoothing = 0.0f;
  uint64_t seed = 1;
};

// label_of(example) -> class index in [0, spec.outputs). `progress` gets one line per epoch.
Network train_network(const std::vector<const Example*>& train, const std::function<int(const Example&)>& label_of,
                      const NetworkSpec& spec, const TrainOptions& opt, const std::function<void(const char*)>& progress);

// Temperature in [0.25, 4] minimizing the negative log-likelihood of `labels` on held-out examples.
float calibrate_temperature(const Network& net, const std::vector<const Example*>& dev,
                            const std::function<int(const Example&)>& label_of);

// Features -> engine Features (to evaluate with the engine's own forward pass).
void to_features(const Example& e, Features* f);

}  // namespace kimi
