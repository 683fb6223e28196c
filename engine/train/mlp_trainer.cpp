// Trainer for one micro network (see mlp_trainer.h). Shapes: E [buckets x D] row-major, W_l [out x in],
// a_0 = [mean_k E[id_k], dense] of size D + kDenseFeatures, a_l = relu(W_l a_{l-1} + b_l), logits = a_L.
#include "train/mlp_trainer.h"

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <memory>

namespace kimi {
namespace {

using Mat = Eigen::MatrixXf;
using Vec = Eigen::VectorXf;
using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// splitmix64: tiny, fast and identical on every platform (std distributions are not).
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  float uniform() { return static_cast<float>(next() >> 40) / static_cast<float>(1ull << 24); }  // [0, 1)
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

struct Adam {
  Mat m, v;
  void init(Eigen::Index r, Eigen::Index c) {
    m = Mat::Zero(r, c);
    v = Mat::Zero(r, c);
  }
};

struct Layer {
  Mat W;
  Vec b;
  Mat gW;
  Vec gb;
  Adam aW, ab;
};

constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEps = 1e-8f;

void adam_step(float* p, float* m, float* v, const float* g, std::size_t n, float lr, float c1, float c2, float decay) {
  for (std::size_t i = 0; i < n; ++i) {
    m[i] = kBeta1 * m[i] + (1 - kBeta1) * g[i];
    v[i] = kBeta2 * v[i] + (1 - kBeta2) * g[i] * g[i];
    p[i] -= lr * ((m[i] / c1) / (std::sqrt(v[i] / c2) + kEps) + decay * p[i]);
  }
}

}  // namespace

void to_features(const Example& e, Features* f) {
  f->count = e.ids.size();
  f->word_count = e.word_count;
  std::copy(e.ids.begin(), e.ids.end(), f->ids);
  std::copy(e.dense.begin(), e.dense.end(), f->dense);
}

Network train_network(const std::vector<const Example*>& train, const std::function<int(const Example&)>& label_of,
                      const NetworkSpec& spec, const TrainOptions& opt, const std::function<void(const char*)>& progress) {
  Rng rng{opt.seed};
  const std::size_t D = spec.embedding_dim, in0 = D + kDenseFeatures;
  const uint32_t mask = spec.buckets - 1;
  RowMat E = RowMat::Zero(spec.buckets, D);  // zero init: rows of unseen n-grams stay exactly zero
  RowMat gE = RowMat::Zero(spec.buckets, D);
  RowMat mE = RowMat::Zero(spec.buckets, D), vE = RowMat::Zero(spec.buckets, D);
  std::vector<char> touched(spec.buckets, 0);
  std::vector<uint32_t> touched_rows;

  std::vector<std::size_t> widths{in0};
  for (std::size_t h : spec.hidden) widths.push_back(h);
  widths.push_back(spec.outputs);
  std::vector<Layer> layers(widths.size() - 1);
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const auto out = static_cast<Eigen::Index>(widths[l + 1]), in = static_cast<Eigen::Index>(widths[l]);
    const float limit = std::sqrt(6.0f / static_cast<float>(in + out));  // Glorot uniform
    layers[l].W.resize(out, in);
    for (Eigen::Index i = 0; i < out; ++i)
      for (Eigen::Index j = 0; j < in; ++j) layers[l].W(i, j) = (2 * rng.uniform() - 1) * limit;
    layers[l].b = Vec::Zero(out);
    layers[l].gW = Mat::Zero(out, in);
    layers[l].gb = Vec::Zero(out);
    layers[l].aW.init(out, in);
    layers[l].ab.init(out, 1);
  }

  std::vector<double> class_weight(spec.outputs, 1.0);
  if (opt.balance_classes) {
    std::vector<double> count(spec.outputs, 0.0);
    for (const Example* e : train) count[label_of(*e)] += 1;
    for (std::size_t c = 0; c < spec.outputs; ++c)
      class_weight[c] = count[c] > 0 ? static_cast<double>(train.size()) / (spec.outputs * count[c]) : 0.0;
  }

  std::vector<std::size_t> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<Vec> z(layers.size()), a(layers.size() + 1);
  std::vector<uint32_t> kept;
  const std::size_t steps_total = opt.epochs * ((train.size() + opt.batch - 1) / opt.batch);
  std::size_t step = 0;
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);  // Fisher-Yates
    double loss_sum = 0.0;
    std::size_t correct = 0;
    for (std::size_t start = 0; start < order.size(); start += opt.batch) {
      const std::size_t end = std::min(order.size(), start + opt.batch);
      for (auto& L : layers) { L.gW.setZero(); L.gb.setZero(); }
      for (uint32_t r : touched_rows) { gE.row(r).setZero(); touched[r] = 0; }
      touched_rows.clear();
      for (std::size_t k = start; k < end; ++k) {
        const Example& ex = *train[order[k]];
        kept.clear();
        const std::size_t n_ids = spec.words_only ? ex.word_count : ex.ids.size();
        for (std::size_t q = 0; q < n_ids; ++q)
          if (opt.token_dropout <= 0 || rng.uniform() >= opt.token_dropout) kept.push_back(ex.ids[q]);
        if (kept.empty()) kept.push_back(ex.ids[rng.below(n_ids ? n_ids : ex.ids.size())]);
        const float inv = 1.0f / static_cast<float>(kept.size());
        a[0] = Vec::Zero(in0);
        for (uint32_t id : kept) a[0].head(D) += E.row(id & mask).transpose();
        a[0].head(D) *= inv;
        for (int d = 0; d < kDenseFeatures; ++d) a[0](D + d) = ex.dense[d];
        for (std::size_t l = 0; l < layers.size(); ++l) {
          z[l] = layers[l].W * a[l] + layers[l].b;
          a[l + 1] = l + 1 < layers.size() ? Vec(z[l].cwiseMax(0.0f)) : z[l];
        }
        Vec p = (a.back().array() - a.back().maxCoeff()).exp();
        p /= p.sum();
        const int y = label_of(ex);
        Eigen::Index best;
        p.maxCoeff(&best);
        correct += best == y;
        loss_sum += -std::log(std::max(p(y), 1e-12f));
        const float w = static_cast<float>(class_weight[y]);
        Vec delta = p;  // d(cross-entropy)/d(logits) against the smoothed target
        delta.array() -= opt.label_smoothing / static_cast<float>(delta.size());
        delta(y) -= 1.0f - opt.label_smoothing;
        delta *= w;
        for (std::size_t l = layers.size(); l-- > 0;) {
          layers[l].gW.noalias() += delta * a[l].transpose();
          layers[l].gb += delta;
          Vec back = layers[l].W.transpose() * delta;
          if (l > 0) delta = back.cwiseProduct((z[l - 1].array() > 0.0f).cast<float>().matrix());
          else delta = back;
        }
        const Vec ge = delta.head(D) * inv;
        for (uint32_t id : kept) {
          const uint32_t r = id & mask;
          if (!touched[r]) { touched[r] = 1; touched_rows.push_back(r); }
          gE.row(r) += ge.transpose();
        }
      }
      ++step;
      const float scale = 1.0f / static_cast<float>(end - start);
      const float lr = opt.learning_rate * (1.0f - 0.9f * static_cast<float>(step) / static_cast<float>(steps_total));
      const float c1 = 1.0f - std::pow(kBeta1, static_cast<float>(step));
      const float c2 = 1.0f - std::pow(kBeta2, static_cast<float>(step));
      for (auto& L : layers) {
        L.gW *= scale;
        L.gb *= scale;
        adam_step(L.W.data(), L.aW.m.data(), L.aW.v.data(), L.gW.data(), L.W.size(), lr, c1, c2, opt.weight_decay);
        adam_step(L.b.data(), L.ab.m.data(), L.ab.v.data(), L.gb.data(), L.b.size(), lr, c1, c2, 0.0f);
      }
      // Lazy Adam for the embedding: only rows seen in this batch move (sparse gradients).
      for (uint32_t r : touched_rows) {
        gE.row(r) *= scale;
        adam_step(E.row(r).data(), mE.row(r).data(), vE.row(r).data(), gE.row(r).data(), D, lr, c1, c2, 0.0f);
      }
    }
    char line[160];
    std::snprintf(line, sizeof line, "  epoch %2d/%d  loss %.4f  train acc %.1f%%", epoch, opt.epochs,
                  loss_sum / static_cast<double>(train.size()), 100.0 * correct / static_cast<double>(train.size()));
    progress(line);
  }

  Network net;
  net.buckets = spec.buckets;
  net.words_only = spec.words_only;
  net.embedding_dim = D;
  net.embedding.assign(E.data(), E.data() + E.size());
  for (const auto& L : layers) {
    DenseLayer dl;
    dl.in = static_cast<std::size_t>(L.W.cols());
    dl.out = static_cast<std::size_t>(L.W.rows());
    const RowMat W = L.W;  // row-major for the engine
    dl.weight.assign(W.data(), W.data() + W.size());
    dl.bias.assign(L.b.data(), L.b.data() + L.b.size());
    net.layers.push_back(std::move(dl));
  }
  return net;
}

float calibrate_temperature(const Network& net, const std::vector<const Example*>& dev,
                            const std::function<int(const Example&)>& label_of) {
  if (dev.empty()) return 1.0f;
  auto f = std::make_unique<Features>();
  std::vector<float> scratch(2 * net.max_width()), logits_all;
  std::vector<int> labels;
  Network raw = net;
  raw.temperature = 1.0f;
  // Collect log-probabilities at T = 1 (= logits up to a constant), then search T on them.
  for (const Example* e : dev) {
    to_features(*e, f.get());
    std::vector<float> p(net.output_dim());
    raw.forward(*f, scratch.data(), p.data());
    for (float v : p) logits_all.push_back(std::log(std::max(v, 1e-30f)));
    labels.push_back(label_of(*e));
  }
  const std::size_t C = net.output_dim();
  float best_t = 1.0f;
  double best_nll = 1e300;
  for (float t = 0.25f; t <= 4.0001f; t += 0.05f) {
    double nll = 0.0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const float* l = &logits_all[i * C];
      float mx = l[0];
      for (std::size_t c = 1; c < C; ++c) mx = std::max(mx, l[c]);
      double sum = 0.0;
      for (std::size_t c = 0; c < C; ++c) sum += std::exp((l[c] - mx) / t);
      nll += -((l[labels[i]] - mx) / t - std::log(sum));
    }
    if (nll < best_nll) { best_nll = nll; best_t = t; }
  }
  return best_t;
}

}  // namespace kimi
