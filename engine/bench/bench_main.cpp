// kimi-bench: the native benchmark harness behind scripts/bench.sh. One process, one machine, the same queries:
// model load time, end-to-end and per-stage latency (p50/p95/p99), cache hits, batch throughput, scaling with
// query length, SIMD vs scalar kernels, int8 vs f32 embeddings, cache on vs off, and — when built with
// libfasttext-dev and given a model — fastText's predict on the same queries, in-process, as a ratio.
//
//   kimi-bench --queries build/data/dev.jsonl [--model M] [--knowledge DIR] [--fasttext router.bin] [--quick]
//   kimi-bench --queries FILE --batch-passes N    (only the batch API's throughput, N passes; see batch_only)
//
// Prints one JSON object (stdout); progress goes to stderr. Timing: steady_clock around each call; batch
// figures time a whole pass so clock reads do not dominate. The end-to-end and cache-hit latencies pool at
// least 3 s of samples each (see time_each).
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/peer_fasttext.h"
#include "features/features.h"
#include "kimi/kimi.h"
#include "model/model.h"
#include "nn/kernels.h"
#include "text/normalize.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

struct Summary {
  double p50 = 0, p95 = 0, p99 = 0, mean = 0;
  std::size_t n = 0;
};

Summary summarize(std::vector<double> v) {
  Summary s;
  s.n = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]; };
  s.p50 = at(0.50);
  s.p95 = at(0.95);
  s.p99 = at(0.99);
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  return s;
}

json to_json(const Summary& s) { return {{"p50_us", s.p50}, {"p95_us", s.p95}, {"p99_us", s.p99}, {"mean_us", s.mean}, {"n", s.n}}; }

std::vector<std::string> read_queries(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream f(path);
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("q") && j["q"].is_string()) out.push_back(j["q"].get<std::string>());
  }
  return out;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return true;
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Per-query latency of fn(q) over at least `passes` passes of the queries, timed one call at a time, and over
// at least `min_seconds` (more passes if needed): on a shared machine a burst of other load lasting a few ms
// would otherwise decide a figure whose samples were all taken inside it.
template <class Fn>
Summary time_each(const std::vector<std::string>& qs, int passes, Fn fn, double min_seconds = 0.0) {
  std::vector<double> t;
  t.reserve(qs.size() * static_cast<std::size_t>(passes));
  const Clock::time_point start = Clock::now();
  for (int p = 0; p < passes || us_since(start) < min_seconds * 1e6; ++p)
    for (const std::string& q : qs) {
      const Clock::time_point t0 = Clock::now();
      fn(q);
      t.push_back(us_since(t0));
    }
  return summarize(std::move(t));
}

// End-to-end latency of engine.query over `passes` passes, with the engine's own per-stage timings summarized
// into *stages ("answer" is what is left of the engine's total: cache lookup, answer text, computation, memory).
Summary time_stages(kimi::Engine& engine, const std::vector<std::string>& qs, int passes, double min_seconds,
                    const kimi::QueryOptions& options, json* stages) {
  std::vector<double> st_norm, st_feat, st_router, st_expert, st_answer;
  Summary e2e = time_each(qs, passes, [&](const std::string& q) {
    const kimi::QueryResult& r = engine.query(q, options);
    const kimi::StageLatency& sl = r.stages;
    st_norm.push_back(sl.normalize_us);
    st_feat.push_back(sl.features_us);
    st_router.push_back(sl.router_us);
    st_expert.push_back(sl.expert_us);
    st_answer.push_back(r.latency_us - sl.normalize_us - sl.features_us - sl.router_us - sl.expert_us);
  }, min_seconds);
  *stages = {{"normalize", to_json(summarize(st_norm))}, {"features", to_json(summarize(st_feat))},
             {"router", to_json(summarize(st_router))}, {"expert", to_json(summarize(st_expert))},
             {"answer", to_json(summarize(st_answer))}};
  return e2e;
}

// Queries per second of fn over whole passes (the median pass of `passes`).
template <class Fn>
double throughput(const std::vector<std::string>& qs, int passes, Fn fn) {
  std::vector<double> rates;
  for (int p = 0; p < passes; ++p) {
    const Clock::time_point t0 = Clock::now();
    for (const std::string& q : qs) fn(q);
    rates.push_back(static_cast<double>(qs.size()) / (us_since(t0) * 1e-6));
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

// Router only (normalize -> features -> router), as a classifier: the like-for-like peer of fastText's predict.
struct RouterOnly {
  const kimi::Network* router;
  std::vector<float> scratch;
  std::vector<char> normalized = std::vector<char>(kimi::kMaxNormalizedBytes);
  std::unique_ptr<kimi::Features> features_ptr = std::make_unique<kimi::Features>();
  kimi::Features& features = *features_ptr;
  float probs[kimi::kNumDomains] = {};
  bool scalar = false;

  RouterOnly(const kimi::Network* r, bool use_scalar) : router(r), scratch(2 * r->max_width()), scalar(use_scalar) {}

  int operator()(const std::string& q) {
    kimi::NormalizeStats ns;
    std::size_t n = kimi::normalize(q, normalized.data(), &ns);
    kimi::extract_features(std::string_view(normalized.data(), n), ns, &features);
    if (scalar) router->forward_scalar(features, scratch.data(), probs);
    else router->forward(features, scratch.data(), probs);
    return static_cast<int>(std::max_element(probs, probs + kimi::kNumDomains) - probs);
  }
};

// A query of exactly `bytes` bytes, cut from the dev queries joined by spaces (so it reads like text).
std::string query_of_length(const std::vector<std::string>& qs, std::size_t bytes) {
  std::string s;
  for (std::size_t i = 0; s.size() < bytes; i = (i + 1) % qs.size()) s += qs[i] + " ";
  s.resize(bytes);
  return s;
}

// --batch-passes N: load, one warm-up pass, then N timed passes of the batch API (cache off); prints
// {"batch_qps": [...]} . bench_web.mjs runs this between its WebAssembly passes so both are measured in the
// same minutes of a shared machine.
int batch_only(const std::string& model_path, const std::string& knowledge_dir, const std::vector<std::string>& qs,
               int passes) {
  kimi::LoadResult loaded = kimi::Engine::load_files(model_path, knowledge_dir);
  if (!loaded.engine) {
    std::fprintf(stderr, "kimi-bench: %s\n", loaded.status.message.c_str());
    return 1;
  }
  std::vector<std::string_view> views(qs.begin(), qs.end());
  std::vector<kimi::BatchItem> items(qs.size());
  kimi::QueryOptions no_cache;
  no_cache.use_cache = false;
  loaded.engine->query_batch(views.data(), views.size(), items.data(), no_cache);  // warm-up
  json rates = json::array();
  for (int p = 0; p < passes; ++p) {
    const Clock::time_point t0 = Clock::now();
    loaded.engine->query_batch(views.data(), views.size(), items.data(), no_cache);
    rates.push_back(static_cast<double>(qs.size()) / (us_since(t0) * 1e-6));
  }
  std::printf("%s\n", json{{"batch_qps", rates}}.dump().c_str());
  return 0;
}

int usage(const char* msg) {
  std::fprintf(stderr, "kimi-bench: %s\nusage: kimi-bench --queries FILE.jsonl [--model M] [--knowledge DIR] "
                       "[--fasttext MODEL.bin] [--quick] [--batch-passes N]\n", msg);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = KIMI_DEFAULT_MODEL, knowledge_dir = KIMI_DEFAULT_KNOWLEDGE, queries_path, fasttext_path;
  bool quick = false;
  int batch_passes = 0;  // > 0: only the batch API's throughput, this many passes (bench_web.mjs interleaves it)
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--model") model_path = value();
    else if (a == "--knowledge") knowledge_dir = value();
    else if (a == "--queries") queries_path = value();
    else if (a == "--fasttext") fasttext_path = value();
    else if (a == "--quick") quick = true;
    else if (a == "--batch-passes") batch_passes = std::atoi(value().c_str());
    else return usage(("unknown option " + a).c_str());
  }
  if (queries_path.empty()) return usage("--queries is required");
  std::vector<std::string> qs = read_queries(queries_path);
  if (qs.empty()) return usage(("no {\"q\": ...} lines in " + queries_path).c_str());
  if (batch_passes > 0) return batch_only(model_path, knowledge_dir, qs, batch_passes);
  const int passes = quick ? 2 : 15;
  const double latency_seconds = quick ? 0.0 : 3.0;  // the target latencies pool at least this much time
  json out;
  out["queries"] = {{"file", queries_path}, {"count", qs.size()}};
  double mean_bytes = 0;
  for (const auto& q : qs) mean_bytes += static_cast<double>(q.size());
  out["queries"]["mean_bytes"] = mean_bytes / static_cast<double>(qs.size());

  // Load time: whole load_files (read + validate + parse knowledge + preallocate), median of several.
  std::fprintf(stderr, "kimi-bench: load time\n");
  std::vector<double> loads;
  kimi::LoadResult loaded;
  for (int i = 0; i < (quick ? 1 : 5); ++i) {
    const Clock::time_point t0 = Clock::now();
    loaded = kimi::Engine::load_files(model_path, knowledge_dir);
    loads.push_back(us_since(t0) / 1000.0);
    if (!loaded.engine) {
      std::fprintf(stderr, "kimi-bench: %s\n", loaded.status.message.c_str());
      return 1;
    }
  }
  std::sort(loads.begin(), loads.end());
  out["load_ms"] = loads[loads.size() / 2];
  kimi::Engine& engine = *loaded.engine;
  {
    // Peak RSS of the loaded engine after one pass over the queries: taken here, before the sample buffers
    // of the latency figures (millions of doubles) and fastText's model count too.
    kimi::QueryOptions warm_up;
    warm_up.use_cache = false;
    for (const auto& q : qs) engine.query(q, warm_up);
    engine.reset_metrics();
    engine.reset_conversation();
    out["peak_rss_kib"] = peak_rss_kib();
  }

  // End to end, cache off: every query is computed (normalize -> features -> router -> experts -> answer).
  std::fprintf(stderr, "kimi-bench: end to end (%d passes of %zu queries)\n", passes, qs.size());
  kimi::QueryOptions no_cache;
  no_cache.use_cache = false;
  json stages;
  Summary e2e = time_stages(engine, qs, passes, latency_seconds, no_cache, &stages);
  out["end_to_end"] = to_json(e2e);
  out["stages"] = stages;
  std::vector<std::string> hundred;  // ~100-byte queries (80-120 bytes), the target's reference length
  for (const auto& q : qs)
    if (q.size() >= 80 && q.size() <= 120) hundred.push_back(q);
  if (!hundred.empty()) {
    json stages_100;
    out["end_to_end_100_bytes"] = to_json(time_stages(engine, hundred, passes, latency_seconds, no_cache, &stages_100));
    out["stages_100_bytes"] = stages_100;
  }

  // Cache hits: a working set that fits the cache (the first 800 queries whose answers are cacheable, i.e.
  // not about the conversation) was answered once; now each is served from the LRU.
  std::fprintf(stderr, "kimi-bench: cache hits\n");
  engine.clear_cache();
  engine.reset_conversation();
  std::vector<std::string> warm;
  for (const auto& q : qs) {
    if (warm.size() == 800) break;
    engine.query(q);
    if (engine.query(q).cached) warm.push_back(q);
  }
  std::size_t hits_before = engine.metrics().cache_hits;
  Summary hit = time_each(warm, passes, [&](const std::string& q) { engine.query(q); }, latency_seconds);
  out["cache_hit"] = to_json(hit);
  out["cache_hit"]["hit_ratio"] = static_cast<double>(engine.metrics().cache_hits - hits_before) / static_cast<double>(hit.n);

  // Batch throughput, one core: the batch API over whole passes.
  std::fprintf(stderr, "kimi-bench: throughput\n");
  std::vector<std::string_view> views(qs.begin(), qs.end());
  std::vector<kimi::BatchItem> items(qs.size());
  auto batch_rate = [&](const kimi::QueryOptions& o) {
    std::vector<double> rates;
    for (int p = 0; p < passes; ++p) {
      const Clock::time_point t0 = Clock::now();
      engine.query_batch(views.data(), views.size(), items.data(), o);
      rates.push_back(static_cast<double>(qs.size()) / (us_since(t0) * 1e-6));
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
  };
  const double batch_no_cache = batch_rate(no_cache);
  std::vector<std::string_view> warm_views(warm.begin(), warm.end());
  auto warm_rate = [&]() {  // all hits: the warm set again
    std::vector<double> rates;
    for (int p = 0; p < passes; ++p) {
      const Clock::time_point t0 = Clock::now();
      engine.query_batch(warm_views.data(), warm_views.size(), items.data());
      rates.push_back(static_cast<double>(warm.size()) / (us_since(t0) * 1e-6));
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
  };
  const double batch_cache = warm_rate();
  out["throughput_qps"] = {{"batch_cache_off", batch_no_cache}, {"batch_all_cache_hits", batch_cache},
                           {"single_calls_cache_off", throughput(qs, passes, [&](const std::string& q) { engine.query(q, no_cache); })}};

  // Scaling with query length: cost per query and per byte at 10, 100, 1000 and 4096 bytes.
  std::fprintf(stderr, "kimi-bench: length scaling\n");
  // (Long text often routes with low confidence, which switches consensus on: up to three experts answer.
  // The router-only figures below show the per-byte cost of the routing path itself.)
  std::vector<std::vector<std::string>> by_length;
  const std::size_t lengths[] = {10, 100, 1000, 4096};
  json scaling = json::array();
  for (std::size_t bytes : lengths) {
    std::vector<std::string> same;
    for (std::size_t k = 0; k < 50; ++k) {
      std::vector<std::string> rotated(qs.begin() + static_cast<long>((k * 37) % qs.size()), qs.end());
      rotated.insert(rotated.end(), qs.begin(), qs.end());
      same.push_back(query_of_length(rotated, bytes));
    }
    Summary s = time_each(same, passes, [&](const std::string& q) { engine.query(q, no_cache); });
    scaling.push_back({{"bytes", bytes}, {"p50_us", s.p50}, {"ns_per_byte", s.p50 * 1000.0 / static_cast<double>(bytes)}});
    by_length.push_back(std::move(same));
  }
  out["length_scaling"] = scaling;

  // Router only, SIMD vs scalar kernels and int8 vs f32 embeddings, same queries, same process.
  std::fprintf(stderr, "kimi-bench: kernels and weights\n");
  std::string model_bytes;
  read_file(model_path, &model_bytes);
  kimi::Model model;
  kimi::Status st = kimi::load_model(reinterpret_cast<const uint8_t*>(model_bytes.data()), model_bytes.size(), &model);
  if (!st.ok()) {
    std::fprintf(stderr, "kimi-bench: %s\n", st.message.c_str());
    return 1;
  }
  kimi::Network f32_router = model.router;
  f32_router.dequantize();
  RouterOnly router(&model.router, false), router_scalar(&model.router, true), router_f32(&f32_router, false);
  auto call = [](RouterOnly& r) { return [&r](const std::string& q) { r(q); }; };
  const double r_vec = throughput(qs, passes, call(router));
  const double r_scalar = throughput(qs, passes, call(router_scalar));
  const double r_f32 = throughput(qs, passes, call(router_f32));
  json router_scaling = json::array();
  for (std::size_t i = 0; i < by_length.size(); ++i) {
    Summary s = time_each(by_length[i], passes, call(router));
    router_scaling.push_back({{"bytes", lengths[i]}, {"p50_us", s.p50}, {"ns_per_byte", s.p50 * 1000.0 / static_cast<double>(lengths[i])}});
  }
  out["router_length_scaling"] = router_scaling;
  out["router_only"] = {{"qps", r_vec}, {"latency", to_json(time_each(qs, passes, call(router)))},
                        {"weights", model.router.quantized() ? "int8" : "f32"}};
  out["ratios"] = {{"simd_over_scalar_router", r_vec / r_scalar},
                   {"int8_over_f32_router", model.router.quantized() ? r_vec / r_f32 : 1.0},
                   {"cache_on_over_off_end_to_end", e2e.p50 / hit.p50}};


  // fastText, in-process on the same queries (its own tokenizer and hashing included, as in its predict).
  if (!fasttext_path.empty()) {
    std::fprintf(stderr, "kimi-bench: fastText\n");
    std::string error;
    auto ft = kimi_bench::FastTextPeer::load(fasttext_path, &error);
    if (!ft) {
      std::fprintf(stderr, "kimi-bench: %s\n", error.c_str());
      return 1;
    }
    Summary ft_lat = time_each(qs, passes, [&](const std::string& q) { ft->predict(q); });
    const double ft_qps = throughput(qs, passes, [&](const std::string& q) { ft->predict(q); });
    out["fasttext"] = {{"model", fasttext_path}, {"latency", to_json(ft_lat)}, {"qps", ft_qps}};
    out["ratios"]["router_over_fasttext_qps"] = r_vec / ft_qps;
    out["ratios"]["end_to_end_batch_over_fasttext_qps"] = batch_no_cache / ft_qps;
  }
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}
