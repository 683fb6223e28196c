// Soak: N mixed queries (dev queries, 64 KiB inputs, invalid UTF-8, random bytes, empty ones) through one
// engine. Checks that resident memory stays flat after warm-up, that the metrics add up
// (hits + misses + bypassed + errors = queries) and that every error reported to the caller is counted.
//   kimi-soak [QUERIES] [MODELS_DIR]      exit 0 = all checks passed
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kimi/kimi.h"

namespace {

long rss_kib() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

struct Rng {
  uint64_t s = 0x9e3779b97f4a7c15ULL;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const long total = argc > 1 ? std::atol(argv[1]) : 1000000;
  const std::string models = argc > 2 ? argv[2] : KIMI_MODELS_DIR;
  kimi::LoadResult loaded = kimi::Engine::load_files(models + "/kimi.safetensors", models + "/knowledge");
  if (!loaded.engine) {
    std::fprintf(stderr, "kimi-soak: %s\n", loaded.status.message.c_str());
    return 1;
  }
  kimi::Engine& engine = *loaded.engine;
  std::vector<std::string> dev;
  std::ifstream f(models + "/data/dev.jsonl");
  for (std::string line; std::getline(f, line);) dev.push_back(nlohmann::json::parse(line)["q"].get<std::string>());

  // Inputs are prepared per query into reused buffers; the engine must not grow either way.
  Rng rng;
  std::string input;
  input.reserve(1 << 17);
  long errors_seen = 0, warm_rss = 0, max_rss = 0;
  const long warm_up = total / 10;
  for (long i = 0; i < total; ++i) {
    const uint64_t r = rng.next();
    input.clear();
    switch (r % 10) {
      case 0:  // 64 KiB: mostly text, truncated by the engine
        for (int k = 0; k < 64 * 1024; ++k) input.push_back(static_cast<char>('a' + (rng.next() % 27 == 0 ? -65 : rng.next() % 26)));
        break;
      case 1:  // invalid UTF-8 mixed into a real query
        input = dev[r % dev.size()];
        input.insert(input.size() / 2, "\xff\xfe\xc0\xaf\xed\xa0\x80");
        break;
      case 2:  // random bytes, random length up to 600
        for (uint64_t k = 0, n = rng.next() % 600; k < n; ++k) input.push_back(static_cast<char>(rng.next()));
        break;
      case 3:  // empty or whitespace-only
        input.assign(rng.next() % 5, ' ');
        break;
      default:  // ordinary queries, some repeated (cache hits), some made unique
        input = dev[r % dev.size()];
        if (r % 7 == 0) input += " #" + std::to_string(i);
        break;
    }
    kimi::QueryOptions opt;
    opt.consensus = (r >> 20) % 13 == 0;
    opt.use_cache = (r >> 24) % 17 != 0;
    const kimi::QueryResult& res = engine.query(input, opt);
    if (res.error != kimi::ErrorCode::kOk) ++errors_seen;
    if ((i + 1) % (total / 20 > 0 ? total / 20 : 1) == 0) {
      const long rss = rss_kib();
      if (i + 1 >= warm_up && warm_rss == 0) warm_rss = rss;
      if (rss > max_rss) max_rss = rss;
      std::printf("  %8ld queries  rss %ld KiB\n", i + 1, rss);
    }
  }
  const kimi::MetricsSnapshot m = engine.metrics();
  const uint64_t accounted = m.cache_hits + m.cache_misses + m.cache_bypassed + m.errors;
  std::printf("queries %llu, errors %llu (seen %ld), hits %llu, misses %llu, bypassed %llu, evictions %llu\n",
              (unsigned long long)m.queries, (unsigned long long)m.errors, errors_seen, (unsigned long long)m.cache_hits,
              (unsigned long long)m.cache_misses, (unsigned long long)m.cache_bypassed, (unsigned long long)m.cache_evictions);
  std::printf("rss after warm-up %ld KiB, peak %ld KiB, growth %ld KiB; total latency p50 %.2f us p99 %.2f us\n", warm_rss,
              max_rss, max_rss - warm_rss, m.total.p50_us, m.total.p99_us);
  bool ok = true;
  if (m.queries != static_cast<uint64_t>(total)) { std::puts("FAIL: query count"); ok = false; }
  if (accounted != m.queries) { std::puts("FAIL: hits + misses + bypassed + errors != queries"); ok = false; }
  if (m.errors != static_cast<uint64_t>(errors_seen)) { std::puts("FAIL: an error was lost"); ok = false; }
  if (max_rss - warm_rss > 1024) { std::puts("FAIL: resident memory grew by more than 1 MiB after warm-up"); ok = false; }
  std::puts(ok ? "soak: ok" : "soak: FAILED");
  return ok ? 0 : 1;
}
