// kimi: an offline mixture-of-micro-experts query engine. This is the one public header.
//
// Basic usage:
//
//   #include "kimi/kimi.h"
//
//   kimi::LoadResult loaded = kimi::Engine::load_files("models/kimi.safetensors", "models/knowledge");
//   if (!loaded.engine) { std::fprintf(stderr, "%s\n", loaded.status.message.c_str()); return 1; }
//   kimi::Engine& engine = *loaded.engine;
//   const kimi::QueryResult& r = engine.query("How do I undo my last git commit?");
//   if (r.error != kimi::ErrorCode::kOk) { /* r.error_message says why */ }
//   std::printf("%s (%.2f): %.*s\n", kimi::domain_name(r.domain), r.confidence,
//               int(r.answer.size()), r.answer.data());
//
// Rules of the API: errors are values (a Status from load, an ErrorCode in every QueryResult); nothing throws
// across it. After load, query() allocates nothing and memory stays fixed. A QueryResult and the string_views
// inside it stay valid until the next call on the same engine. One engine is not thread-safe; use one per thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kimi {

inline constexpr int kNumDomains = 6;
inline constexpr int kMaxConsensusExperts = 3;
inline constexpr std::size_t kDefaultCacheCapacity = 1000;

// Domain index <-> label ("reasoning", "coding", "language", "mathematics", "tool_use", "context").
const char* domain_name(int domain);
int domain_from_name(std::string_view name);  // -1 when unknown

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   // bad option (unknown expert, ...)
  kEmptyQuery,        // nothing left after normalization
  kIo,                // file could not be read
  kModelCorrupt,      // model bytes are not a valid safetensors file / contain invalid values
  kModelMismatch,     // valid file, but tensors, shapes or labels are not what the engine needs
  kKnowledgeInvalid,  // a knowledge file is missing, not JSON, or does not match the model's intents
};
// Stable snake_case name used in JSON errors ("empty_query", "model_corrupt", ...).
const char* error_code_name(ErrorCode code);

struct Status {
  ErrorCode code = ErrorCode::kOk;
  std::string message;
  bool ok() const { return code == ErrorCode::kOk; }
};

struct QueryOptions {
  int expert = -1;         // force this domain's expert (skips the router); -1 = route
  bool consensus = false;  // run the top experts and combine them (also automatic below the threshold)
  bool use_cache = true;
};

struct ExpertAnswer {
  int domain = 0;
  float weight = 0.0f;      // share in the combined answer (1 for a single expert)
  float confidence = 0.0f;  // the expert's probability for its top intent
  bool abstained = false;   // confidence below the model's floor: the answer says so and names close topics
  std::string_view intent;  // intent id from the knowledge base
  int intent_index = -1;    // its position in the model's intent list for this domain
  std::string_view answer;
};

struct StageLatency {
  double normalize_us = 0, features_us = 0, router_us = 0, expert_us = 0;
};

struct QueryResult {
  ErrorCode error = ErrorCode::kOk;
  const char* error_message = "";
  std::string_view query;   // the normalized query text the engine worked on
  int domain = 0;           // the chosen (top) domain
  float confidence = 0.0f;  // router probability of `domain` (1 when forced)
  std::array<float, kNumDomains> scores{};  // router probabilities (one-hot when forced)
  std::string_view intent;  // of the top-weighted expert
  std::string_view answer;  // of the top-weighted expert
  bool consensus = false;
  int num_experts = 0;
  std::array<ExpertAnswer, kMaxConsensusExperts> experts{};
  bool cached = false;
  bool truncated = false;     // input longer than 4096 bytes: the first 4096 were used
  bool invalid_utf8 = false;  // invalid bytes were replaced by U+FFFD
  double latency_us = 0.0;
  StageLatency stages;
};

// One answer of a batch, compact: what a caller needs to route and display without copying strings.
// `intent` points into the knowledge base and stays valid for the engine's lifetime.
struct BatchItem {
  ErrorCode error = ErrorCode::kOk;
  int domain = 0;
  float confidence = 0.0f;
  std::string_view intent;
  int intent_index = -1;  // position of `intent` in the model's list for `domain` (see info_json)
  bool abstained = false;
  bool cached = false;
};

// Receives each full result of a batch while its string_views are valid (until the sink returns).
using BatchSink = void (*)(void* context, std::size_t index, const QueryResult& result);

struct Percentiles {
  double p50_us = 0, p95_us = 0, p99_us = 0;
  uint64_t count = 0;
};

struct MetricsSnapshot {
  uint64_t queries = 0, errors = 0, consensus = 0;
  uint64_t cache_hits = 0, cache_misses = 0, cache_evictions = 0, cache_size = 0, cache_capacity = 0;
  uint64_t cache_bypassed = 0;  // answered without consulting the cache (--no-cache, or a key over 512 bytes)
  std::array<uint64_t, kNumDomains> per_expert{};
  Percentiles normalize, features, router, expert, total;
};

class Engine;
struct LoadResult {
  std::unique_ptr<Engine> engine;  // null on failure
  Status status;
};

struct EngineConfig {
  std::size_t cache_capacity = kDefaultCacheCapacity;
  // The language expert's lookups (models/knowledge/phrasebook.json and dictionary.json): translations,
  // definitions, synonyms. Left empty, the language expert gives its generic knowledge answers.
  std::string_view phrasebook_json, dictionary_json;
};

class Engine {
 public:
  // Loads a model from bytes plus the six knowledge JSON texts (indexed by domain).
  static LoadResult load(const uint8_t* model, std::size_t model_size,
                         const std::array<std::string_view, kNumDomains>& knowledge_json,
                         const EngineConfig& config = {});
  // Convenience: reads `model_path`, `<knowledge_dir>/<domain>.json`, phrasebook.json and dictionary.json.
  static LoadResult load_files(const std::string& model_path, const std::string& knowledge_dir,
                               const EngineConfig& config = {});

  const QueryResult& query(std::string_view text, const QueryOptions& options = {});
  // Many queries in order. The first form routes only: router, experts and intents (with the abstain flag
  // from the intent confidence), as compact BatchItems; no answer text is composed and no conversation turn
  // is recorded, which is what makes bulk routing fast; its latency metrics come from one query in 16 (a clock
  // read costs ~0.75 us in a browser worker; every query is still counted). The second form answers each query exactly as
  // query() would (same cache, metrics and memory) and hands each full result to `sink`.
  void query_batch(const std::string_view* texts, std::size_t count, BatchItem* out, const QueryOptions& options = {});
  void query_batch(const std::string_view* texts, std::size_t count, BatchSink sink, void* context,
                   const QueryOptions& options = {});
  MetricsSnapshot metrics() const;
  void reset_metrics();
  void reset_conversation();  // forget the conversation memory (context expert)
  void clear_cache();

  // Model description, e.g. for `--help` and the web app's `ready{info}`.
  std::string info_json() const;

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

 private:
  Engine();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes `r` as the contract's JSON object into `out`, replacing its contents (no trailing newline).
void write_result_json(const QueryResult& r, std::string* out);
void write_metrics_json(const MetricsSnapshot& m, std::string* out);
void write_error_json(ErrorCode code, std::string_view message, std::string* out);

}  // namespace kimi
