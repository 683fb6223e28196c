// kimi-train: trains the router and the six experts from labelled JSONL and writes models/kimi.safetensors.
// Deterministic (fixed seed, single thread): the same data gives the same bytes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/model.h"
#include "train/dataset.h"
#include "train/mlp_trainer.h"

namespace {

using namespace kimi;

const char* kUsage =
    "usage: kimi-train [options]\n"
    "  --data DIR        labelled queries: DIR/train.jsonl and DIR/dev.jsonl (default models/data)\n"
    "  --knowledge DIR   knowledge files giving each domain's intents (default models/knowledge)\n"
    "  --out PATH        model to write (default models/kimi.safetensors)\n"
    "  --assembled DIR   also write the exact train/dev sets used, as DIR/train.jsonl and DIR/dev.jsonl\n"
    "  --epochs N        training epochs per network (default 20)\n"
    "  --seed N          random seed (default 1)\n"
    "  --router-buckets B, --expert-buckets B   log2 of the hash buckets (default 14, 12)\n"
    "  --router-dim D, --expert-dim D           embedding widths (default 32, 32)\n"
    "  --router-hidden H, --expert-hidden H     hidden layer widths (default 64, 64)\n"
    "  --expert-inputs all|words                the experts' bags read every id or the word-level ones (default all)\n"
    "  --dropout P       share of feature ids dropped per training step (default 0.3)\n"
    "  --router-smoothing E, --expert-smoothing E   label smoothing: train towards 1 - E on the label and E spread\n"
    "                    over all classes (default 0, 0.3)\n"
    "  --abstain-precision A   experts abstain below the confidence where dev answers are right >= A (default 0.8)\n"
    "  --f32             keep f32 embeddings (default: int8 with per-column scales, a quarter of the size)\n";

struct Args {
  std::string data = "models/data", knowledge = "models/knowledge", out = "models/kimi.safetensors", assembled;
  int epochs = 20;
  uint64_t seed = 1;
  int router_buckets_log2 = 14, expert_buckets_log2 = 12;
  std::size_t router_dim = 32, expert_dim = 32;
  std::size_t router_hidden = 64, expert_hidden = 64;
  bool expert_words_only = false;
  float dropout = 0.3f;
  // Experts 0.3: intent accuracy on dev +0.6 to +6.8 points per expert, mean of 3 seeds (0.4 and 0.5 the same
  // within noise). The router gains +0.22 points at 0.1 but its calibration error on dev doubles (0.010 -> 0.023,
  // temperature scaling cannot undo it), so it trains without.
  float router_smoothing = 0.0f, expert_smoothing = 0.3f;
  double abstain_precision = 0.8;
  bool int8 = true;
};

// Hidden layer widths: the router and every expert have one ReLU layer (64 by default: the experts learn from
// ~1-2k queries each; deeper or wider layers overfit them, measured on dev).

void log(const char* s) {
  std::printf("%s\n", s);
  std::fflush(stdout);
}

// All examples, or those of one domain that have an intent (what that domain's expert learns from).
std::vector<const Example*> ptrs(const std::vector<Example>& v, int domain = -1) {
  std::vector<const Example*> out;
  for (const auto& e : v)
    if (domain < 0 || (e.domain == domain && e.intent >= 0)) out.push_back(&e);
  return out;
}

std::size_t count_domain(const std::vector<Example>& v, int domain) {
  return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [&](const Example& e) { return e.domain == domain; }));
}

// Accuracy of `net` on examples, through the engine's own forward pass; fills confusion[label][pred].
double evaluate(const Network& net, const std::vector<const Example*>& xs, const std::function<int(const Example&)>& label_of,
                std::vector<std::vector<int>>* confusion, double* top2) {
  auto f = std::make_unique<Features>();
  std::vector<float> scratch(2 * net.max_width()), p(net.output_dim());
  std::size_t ok = 0, ok2 = 0;
  for (const Example* e : xs) {
    to_features(*e, f.get());
    net.forward(*f, scratch.data(), p.data());
    std::size_t best = 0, second = p.size() > 1 ? 1 : 0;
    if (p.size() > 1 && p[1] > p[0]) std::swap(best, second);
    for (std::size_t c = 2; c < p.size(); ++c) {
      if (p[c] > p[best]) { second = best; best = c; }
      else if (p[c] > p[second]) second = c;
    }
    const int y = label_of(*e);
    ok += static_cast<int>(best) == y;
    ok2 += static_cast<int>(best) == y || static_cast<int>(second) == y;
    if (confusion) (*confusion)[y][best]++;
  }
  if (top2) *top2 = xs.empty() ? 0 : 100.0 * ok2 / xs.size();
  return xs.empty() ? 0 : 100.0 * ok / xs.size();
}

// The abstain floor: the lowest expert confidence at which the answers given on dev (all experts pooled)
// are right at least `precision` of the time. Prints the coverage/accuracy trade-off it chose from.
float calibrate_abstain_floor(const Model& model, const std::vector<Example>& dev, double precision) {
  struct Point { float confidence; bool correct; };
  std::vector<Point> points;
  auto f = std::make_unique<Features>();
  for (const Example& e : dev) {
    if (e.intent < 0) continue;
    const Network& net = model.experts[e.domain];
    std::vector<float> scratch(2 * net.max_width()), p(net.output_dim());
    to_features(e, f.get());
    net.forward(*f, scratch.data(), p.data());
    const auto best = std::max_element(p.begin(), p.end()) - p.begin();
    points.push_back({p[best], best == e.intent});
  }
  std::printf("\nabstention calibration on dev (experts pooled): floor -> answered share, accuracy of answered\n");
  float chosen = 1.0f;
  for (int step = 20; step >= 1; --step) {
    const float floor = 0.05f * static_cast<float>(step - 1);
    std::size_t answered = 0, right = 0;
    for (const Point& pt : points)
      if (pt.confidence >= floor) { ++answered; right += pt.correct; }
    const double acc = answered ? static_cast<double>(right) / answered : 1.0;
    if (step % 2 == 1 || step <= 4)
      std::printf("  %.2f -> %5.1f%% answered, %5.1f%% right\n", floor, 100.0 * answered / points.size(), 100.0 * acc);
    if (acc >= precision) chosen = floor;
  }
  std::printf("  chosen floor %.2f (lowest with >= %.0f%% of answers right)\n", chosen, 100.0 * precision);
  return chosen;
}

Status write_assembled(const std::string& path, const std::vector<Example>& xs, const IntentIds& intents) {
  std::ofstream f(path, std::ios::binary);
  if (!f) return {ErrorCode::kIo, "cannot write " + path};
  for (const auto& e : xs) {
    nlohmann::json j{{"q", e.text}, {"domain", domain_name(e.domain)}};
    if (e.intent >= 0) j["intent"] = intents[e.domain][e.intent];
    f << j.dump() << "\n";
  }
  return {};
}

int run(const Args& args) {
  const auto t0 = std::chrono::steady_clock::now();
  IntentIds intents;
  std::vector<Example> train, dev;
  Status s = read_intent_ids(args.knowledge, &intents);
  if (s.ok()) s = read_examples(args.data + "/train.jsonl", intents, &train);
  if (s.ok()) s = read_examples(args.data + "/dev.jsonl", intents, &dev);
  if (!s.ok()) {
    std::fprintf(stderr, "kimi-train: %s\n", s.message.c_str());
    return 1;
  }
  std::printf("data: %zu train, %zu dev queries\n", train.size(), dev.size());
  for (int d = 0; d < kNumDomains; ++d)
    std::printf("  %-12s %5zu train %4zu dev (%zu and %zu with an intent), %zu intents\n", domain_name(d),
                count_domain(train, d), count_domain(dev, d), ptrs(train, d).size(), ptrs(dev, d).size(), intents[d].size());
  if (!args.assembled.empty()) {
    if (!(s = write_assembled(args.assembled + "/train.jsonl", train, intents)).ok() ||
        !(s = write_assembled(args.assembled + "/dev.jsonl", dev, intents)).ok()) {
      std::fprintf(stderr, "kimi-train: %s\n", s.message.c_str());
      return 1;
    }
  }

  Model model;
  TrainOptions opt;
  opt.epochs = args.epochs;
  opt.seed = args.seed;
  opt.token_dropout = args.dropout;
  opt.label_smoothing = args.router_smoothing;
  const uint32_t router_buckets = 1u << args.router_buckets_log2, expert_buckets = 1u << args.expert_buckets_log2;
  auto by_domain = [](const Example& e) { return e.domain; };
  auto by_intent = [](const Example& e) { return e.intent; };

  std::printf("router: %u buckets x %zu, hidden %zu -> %d domains\n", router_buckets, args.router_dim, args.router_hidden, kNumDomains);
  // Quantizes a trained network (unless --f32) and reports what int8 costs on dev, before calibrating the
  // temperature of the network that is actually saved.
  auto finish = [&](Network* net, const std::vector<const Example*>& dev_xs, const std::function<int(const Example&)>& label) {
    if (!args.int8) return;
    const double before = evaluate(*net, dev_xs, label, nullptr, nullptr);
    net->quantize();
    const double after = evaluate(*net, dev_xs, label, nullptr, nullptr);
    std::printf("  int8 embeddings: dev top-1 %.2f%% (f32 %.2f%%, change %+.2f points)\n", after, before, after - before);
  };
  model.router = train_network(ptrs(train), by_domain, {router_buckets, args.router_dim, {args.router_hidden}, kNumDomains}, opt, log);
  finish(&model.router, ptrs(dev), by_domain);
  model.router.temperature = calibrate_temperature(model.router, ptrs(dev), by_domain);
  for (int d = 0; d < kNumDomains; ++d) {
    model.intents[d] = intents[d];
    std::printf("expert %s: %u buckets x %zu, hidden %zu -> %zu intents\n", domain_name(d), expert_buckets,
                args.expert_dim, args.expert_hidden, intents[d].size());
    TrainOptions eopt = opt;
    eopt.seed = opt.seed * 1000 + static_cast<uint64_t>(d);
    eopt.epochs = opt.epochs * 2;  // small sets: more passes
    eopt.label_smoothing = args.expert_smoothing;
    model.experts[d] = train_network(ptrs(train, d), by_intent,
                                     {expert_buckets, args.expert_dim, {args.expert_hidden}, intents[d].size(), args.expert_words_only}, eopt, log);
    finish(&model.experts[d], ptrs(dev, d), by_intent);
    model.experts[d].temperature = calibrate_temperature(model.experts[d], ptrs(dev, d), by_intent);
  }

  model.abstain_floor = calibrate_abstain_floor(model, dev, args.abstain_precision);

  // Write, then reload through the engine's validating loader and evaluate exactly what was saved.
  const std::vector<uint8_t> bytes = serialize_model(model);
  {
    std::ofstream f(args.out, std::ios::binary);
    if (!f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()))) {
      std::fprintf(stderr, "kimi-train: cannot write %s\n", args.out.c_str());
      return 1;
    }
  }
  Model saved;
  if (!(s = load_model(bytes.data(), bytes.size(), &saved)).ok()) {
    std::fprintf(stderr, "kimi-train: the written model does not load: %s\n", s.message.c_str());
    return 1;
  }

  std::vector<std::vector<int>> confusion(kNumDomains, std::vector<int>(kNumDomains, 0));
  double top2 = 0;
  const double acc = evaluate(saved.router, ptrs(dev), by_domain, &confusion, &top2);
  std::printf("\nrouter on dev: top-1 %.2f%%  top-2 %.2f%%  (temperature %.2f)\n", acc, top2, saved.router.temperature);
  std::printf("confusion (rows = true, columns = predicted):\n%-12s", "");
  for (int d = 0; d < kNumDomains; ++d) std::printf(" %7.7s", domain_name(d));
  std::printf("   accuracy\n");
  for (int d = 0; d < kNumDomains; ++d) {
    std::printf("%-12s", domain_name(d));
    int row = 0;
    for (int p = 0; p < kNumDomains; ++p) { std::printf(" %7d", confusion[d][p]); row += confusion[d][p]; }
    std::printf("   %6.2f%%\n", row ? 100.0 * confusion[d][d] / row : 0.0);
  }
  std::printf("\nexperts on dev (intent accuracy):\n");
  std::printf("  (abstain floor %.2f: below it an expert says it is not sure; see the calibration table above)\n",
              saved.abstain_floor);
  for (int d = 0; d < kNumDomains; ++d) {
    double t2 = 0;
    double a = evaluate(saved.experts[d], ptrs(dev, d), by_intent, nullptr, &t2);
    std::printf("  %-12s top-1 %6.2f%%  top-2 %6.2f%%  (temperature %.2f)\n", domain_name(d), a, t2,
                saved.experts[d].temperature);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("\nwrote %s (%zu bytes) in %.1f s\n", args.out.c_str(), bytes.size(), secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto need = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "kimi-train: %s needs a value\n%s", arg.c_str(), kUsage);
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "-h" || arg == "--help") { std::fputs(kUsage, stdout); return 0; }
    else if (arg == "--data") a.data = need();
    else if (arg == "--knowledge") a.knowledge = need();
    else if (arg == "--out") a.out = need();
    else if (arg == "--assembled") a.assembled = need();
    else if (arg == "--epochs") a.epochs = std::atoi(need());
    else if (arg == "--seed") a.seed = std::strtoull(need(), nullptr, 10);
    else if (arg == "--router-buckets") a.router_buckets_log2 = std::atoi(need());
    else if (arg == "--expert-buckets") a.expert_buckets_log2 = std::atoi(need());
    else if (arg == "--router-dim") a.router_dim = std::strtoul(need(), nullptr, 10);
    else if (arg == "--expert-dim") a.expert_dim = std::strtoul(need(), nullptr, 10);
    else if (arg == "--router-hidden") a.router_hidden = std::strtoul(need(), nullptr, 10);
    else if (arg == "--expert-hidden") a.expert_hidden = std::strtoul(need(), nullptr, 10);
    else if (arg == "--expert-inputs") {
      const std::string v = need();
      if (v != "all" && v != "words") { std::fprintf(stderr, "kimi-train: --expert-inputs is all or words\n"); return 2; }
      a.expert_words_only = v == "words";
    }
    else if (arg == "--dropout") a.dropout = std::strtof(need(), nullptr);
    else if (arg == "--router-smoothing") a.router_smoothing = std::strtof(need(), nullptr);
    else if (arg == "--expert-smoothing") a.expert_smoothing = std::strtof(need(), nullptr);
    else if (arg == "--abstain-precision") a.abstain_precision = std::strtod(need(), nullptr);
    else if (arg == "--f32") a.int8 = false;
    else { std::fprintf(stderr, "kimi-train: unknown option '%s'\n%s", arg.c_str(), kUsage); return 2; }
  }
  if (a.epochs < 1 || a.epochs > 1000) { std::fprintf(stderr, "kimi-train: --epochs must be 1..1000\n"); return 2; }
  if (a.router_buckets_log2 < 4 || a.router_buckets_log2 > 22 || a.expert_buckets_log2 < 4 || a.expert_buckets_log2 > 22) {
    std::fprintf(stderr, "kimi-train: bucket counts are log2 values in 4..22\n");
    return 2;
  }
  if (a.router_dim < 1 || a.router_dim > 512 || a.expert_dim < 1 || a.expert_dim > 512) {
    std::fprintf(stderr, "kimi-train: embedding widths must be 1..512\n");
    return 2;
  }
  if (a.router_hidden < 1 || a.router_hidden > 1024 || a.expert_hidden < 1 || a.expert_hidden > 1024) {
    std::fprintf(stderr, "kimi-train: hidden widths must be 1..1024\n");
    return 2;
  }
  if (!(a.dropout >= 0.0f && a.dropout < 0.9f)) { std::fprintf(stderr, "kimi-train: --dropout must be in [0, 0.9)\n"); return 2; }
  if (!(a.router_smoothing >= 0.0f && a.router_smoothing < 0.9f && a.expert_smoothing >= 0.0f && a.expert_smoothing < 0.9f)) {
    std::fprintf(stderr, "kimi-train: --router-smoothing and --expert-smoothing must be in [0, 0.9)\n");
    return 2;
  }
  return run(a);
}
