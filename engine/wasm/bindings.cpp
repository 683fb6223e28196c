// The WebAssembly boundary: a C API over one Engine per module instance. It only marshals values: JS writes
// UTF-8 into the fixed input buffer, calls kimi_query, and reads the JSON result from the output buffer.
// No per-call JS string conversion and no allocation after the first queries (the output string keeps its
// capacity). web/src/engine.js is the only caller.
#include <emscripten/emscripten.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "kimi/kimi.h"
#include "metrics/stopwatch.h"

namespace {

constexpr std::size_t kInputCapacity = 256 * 1024;  // larger inputs are cut by engine.js (flagged truncated)

constexpr std::size_t kBatchCapacity = 4096;  // records per kimi_query_batch call
constexpr std::size_t kRecordBytes = 12;

std::unique_ptr<kimi::Engine> g_engine;
// Allocated once at load (static arrays of these would be initialized by ~4,096 unrolled stores each).
std::vector<std::string_view> g_batch_texts;
std::vector<kimi::BatchItem> g_batch_items;
uint8_t g_records[kBatchCapacity * kRecordBytes];
char g_input[kInputCapacity];
std::string g_output;

const char* set_output_error(kimi::ErrorCode code, const std::string& message) {
  kimi::write_error_json(code, message, &g_output);
  return g_output.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* kimi_alloc(std::size_t n) { return std::malloc(n ? n : 1); }
EMSCRIPTEN_KEEPALIVE void kimi_free(void* p) { std::free(p); }
EMSCRIPTEN_KEEPALIVE char* kimi_input_buffer() { return g_input; }
EMSCRIPTEN_KEEPALIVE std::size_t kimi_input_capacity() { return kInputCapacity; }
EMSCRIPTEN_KEEPALIVE const char* kimi_output() { return g_output.data(); }
EMSCRIPTEN_KEEPALIVE std::size_t kimi_output_length() { return g_output.size(); }

// Loads the model and eight knowledge texts (pointers and lengths): the six domains in order, then the
// phrasebook and the dictionary. Returns 0 on success; otherwise the error JSON is in the output buffer.
EMSCRIPTEN_KEEPALIVE int kimi_load(const uint8_t* model, std::size_t model_len, const char* const* knowledge,
                                   const std::size_t* knowledge_len) {
  std::array<std::string_view, kimi::kNumDomains> views;
  for (int d = 0; d < kimi::kNumDomains; ++d) views[d] = std::string_view(knowledge[d], knowledge_len[d]);
  kimi::Stopwatch::use_host_clock(&emscripten_get_now);  // stage timestamps without clock_gettime's emulation
  kimi::EngineConfig config;
  config.phrasebook_json = std::string_view(knowledge[kimi::kNumDomains], knowledge_len[kimi::kNumDomains]);
  config.dictionary_json = std::string_view(knowledge[kimi::kNumDomains + 1], knowledge_len[kimi::kNumDomains + 1]);
  kimi::LoadResult r = kimi::Engine::load(model, model_len, views, config);
  if (!r.engine) {
    set_output_error(r.status.code, r.status.message);
    return static_cast<int>(r.status.code);
  }
  g_engine = std::move(r.engine);
  g_batch_texts.resize(kBatchCapacity);
  g_batch_items.resize(kBatchCapacity);
  g_output.reserve(64 * 1024);
  g_output = g_engine->info_json();
  return 0;
}

// Queries the text in the input buffer (len bytes). expert: -1 routes; consensus/use_cache: 0 or 1.
// Returns the JSON length; the JSON (a result or an error) is at kimi_output().
EMSCRIPTEN_KEEPALIVE std::size_t kimi_query(std::size_t len, int expert, int consensus, int use_cache) {
  if (!g_engine) return std::strlen(set_output_error(kimi::ErrorCode::kInvalidArgument, "the engine is not loaded"));
  if (len > kInputCapacity) len = kInputCapacity;
  kimi::QueryOptions opt;
  opt.expert = expert;
  opt.consensus = consensus != 0;
  opt.use_cache = use_cache != 0;
  kimi::write_result_json(g_engine->query(std::string_view(g_input, len), opt), &g_output);
  return g_output.size();
}

// Routes many queries per call (Engine::query_batch: routing only, no answer text), results as compact binary
// records instead of JSON (one boundary crossing and no JSON encode/parse per query). The input buffer holds the texts back to back, each a u32
// little-endian byte length and its bytes. Each 12-byte record at kimi_records(): u8 error code, u8 domain,
// u8 flags (1 cached, 2 abstained), u8 0, f32 confidence, u16 intent index (0xffff none), u16 0.
// Returns the number of records written: fewer than `count` if the input ends early or a length overruns it.
EMSCRIPTEN_KEEPALIVE const uint8_t* kimi_records() { return g_records; }
EMSCRIPTEN_KEEPALIVE std::size_t kimi_batch_capacity() { return kBatchCapacity; }
EMSCRIPTEN_KEEPALIVE std::size_t kimi_query_batch(std::size_t count, std::size_t input_len, int expert, int consensus,
                                                  int use_cache) {
  if (!g_engine) return 0;
  if (count > kBatchCapacity) count = kBatchCapacity;
  if (input_len > kInputCapacity) input_len = kInputCapacity;
  std::size_t n = 0, pos = 0;
  while (n < count && pos + 4 <= input_len) {
    uint32_t len;
    std::memcpy(&len, g_input + pos, 4);
    pos += 4;
    if (len > input_len - pos) break;
    g_batch_texts[n++] = std::string_view(g_input + pos, len);
    pos += len;
  }
  kimi::QueryOptions opt;
  opt.expert = expert;
  opt.consensus = consensus != 0;
  opt.use_cache = use_cache != 0;
  g_engine->query_batch(g_batch_texts.data(), n, g_batch_items.data(), opt);
  for (std::size_t i = 0; i < n; ++i) {
    const kimi::BatchItem& b = g_batch_items[i];
    uint8_t* r = g_records + i * kRecordBytes;
    r[0] = static_cast<uint8_t>(b.error);
    r[1] = static_cast<uint8_t>(b.domain);
    r[2] = static_cast<uint8_t>((b.cached ? 1 : 0) | (b.abstained ? 2 : 0));
    r[3] = 0;
    std::memcpy(r + 4, &b.confidence, 4);
    const uint16_t intent = b.intent_index < 0 ? 0xffff : static_cast<uint16_t>(b.intent_index);
    std::memcpy(r + 8, &intent, 2);
    r[10] = r[11] = 0;
  }
  return n;
}

EMSCRIPTEN_KEEPALIVE std::size_t kimi_metrics() {
  if (!g_engine) return std::strlen(set_output_error(kimi::ErrorCode::kInvalidArgument, "the engine is not loaded"));
  kimi::write_metrics_json(g_engine->metrics(), &g_output);
  return g_output.size();
}

// what: 1 metrics, 2 conversation, 4 cache (bit set).
EMSCRIPTEN_KEEPALIVE void kimi_reset(int what) {
  if (!g_engine) return;
  if (what & 1) g_engine->reset_metrics();
  if (what & 2) g_engine->reset_conversation();
  if (what & 4) g_engine->clear_cache();
}

}  // extern "C"
