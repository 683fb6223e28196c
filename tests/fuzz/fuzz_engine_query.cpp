// libFuzzer target: whole-engine queries on the committed model. The first byte picks the options (forced
// expert, consensus, cache), the rest is the query. Results must be well-formed and the metrics consistent.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kimi/kimi.h"

namespace {
kimi::Engine& engine() {
  static kimi::LoadResult r = kimi::Engine::load_files(KIMI_MODELS_DIR "/kimi.safetensors", KIMI_MODELS_DIR "/knowledge");
  if (!r.engine) std::abort();
  return *r.engine;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  kimi::QueryOptions opt;
  opt.expert = static_cast<int>(data[0] % 8) - 1;  // -1 .. 6: 6 is invalid on purpose
  opt.consensus = data[0] & 0x10;
  opt.use_cache = !(data[0] & 0x20);
  const kimi::QueryResult& r = engine().query(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), opt);
  if (r.error == kimi::ErrorCode::kOk) {
    if (r.num_experts < 1 || r.num_experts > 3 || r.domain < 0 || r.domain >= kimi::kNumDomains) std::abort();
    if (r.answer.empty() || r.query.size() > 4096) std::abort();
  }
  static std::string json;
  kimi::write_result_json(r, &json);
  const kimi::MetricsSnapshot m = engine().metrics();
  if (m.cache_hits + m.cache_misses > m.queries) std::abort();
  return 0;
}
