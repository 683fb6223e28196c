// The engine facade: load validates everything and preallocates; query runs normalize -> features -> router ->
// experts -> answer with no allocation, consulting the LRU cache and recording metrics at every stage.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cache/lru_cache.h"
#include "experts/coding_expert.h"
#include "experts/context_expert.h"
#include "experts/language/language_resources.h"
#include "experts/math/math_solver.h"
#include "features/features.h"
#include "features/hashing.h"
#include "kimi/kimi.h"
#include "knowledge/knowledge_base.h"
#include "metrics/metrics.h"
#include "metrics/stopwatch.h"
#include "model/model.h"
#include "text/normalize.h"

namespace kimi {
namespace {

constexpr int kCodingDomain = 1;
constexpr int kLanguageDomain = 2;
constexpr int kMathDomain = 3;
constexpr int kContextDomain = 5;
using Clock = Stopwatch;
using Ticks = Stopwatch::Ticks;

double us_between(Ticks a, Ticks b) { return Stopwatch::us_between(a, b); }

// The compact batch times one query in this many for the latency metrics (counts cover every query).
constexpr std::size_t kBatchTimingSample = 16;

// Indices of the k largest values of p[0..n), best first (ties: lower index first).
template <std::size_t K>
void top_k(const float* p, int n, std::array<int, K>* idx) {
  for (auto& i : *idx) i = -1;
  for (int j = 0; j < n; ++j) {
    for (std::size_t s = 0; s < K; ++s) {
      if ((*idx)[s] < 0 || p[j] > p[(*idx)[s]]) {
        for (std::size_t t = K - 1; t > s; --t) (*idx)[t] = (*idx)[t - 1];
        (*idx)[s] = j;
        break;
      }
    }
  }
}

}  // namespace

struct Engine::Impl {
  Model model;
  std::array<KnowledgeBase, kNumDomains> knowledge;
  IntentTable intents;  // expert output index -> knowledge entry
  LanguageResources language;  // phrasebook and dictionary (optional)
  LruCache cache;
  Metrics metrics;
  ConversationMemory memory;

  // Preallocated per-query state.
  char normalized[kMaxNormalizedBytes];
  char key[1 + kMaxNormalizedBytes];
  Features features;
  std::vector<float> scratch;
  std::vector<float> probs;
  std::array<AnswerBuffer, kMaxConsensusExperts> answers;
  Decision scratch_decision;
  QueryResult result;

  explicit Impl(std::size_t cache_capacity) : cache(cache_capacity) {}

  Status init() {
    std::size_t width = model.router.max_width(), outputs = kNumDomains;
    for (int d = 0; d < kNumDomains; ++d) {
      width = std::max(width, model.experts[d].max_width());
      outputs = std::max(outputs, model.experts[d].output_dim());
      intents[d].clear();
      for (const std::string& id : model.intents[d]) {
        const Intent* in = knowledge[d].find(id);
        if (!in)
          return {ErrorCode::kKnowledgeInvalid, std::string("knowledge file for '") + domain_name(d) +
                                                    "' has no intent '" + id + "', which the model predicts"};
        intents[d].push_back(in);
      }
    }
    scratch.assign(2 * width, 0.0f);
    probs.assign(outputs, 0.0f);
    return {};
  }

  bool timing = true;  // this query reads the clock (see query())
  Ticks now() const { return timing ? Clock::now() : Ticks{0}; }

  void fail(ErrorCode code, const char* message) {
    result.error = code;
    result.error_message = message;
    ++metrics.errors;
  }

  void run_expert(int domain, ExpertDecision* e) {
    const Network& net = model.experts[domain];
    net.forward(features, scratch.data(), probs.data());
    top_k(probs.data(), static_cast<int>(net.output_dim()), &e->intents);
    for (int k = 0; k < kTopIntents; ++k) e->intent_probs[k] = e->intents[k] >= 0 ? probs[e->intents[k]] : 0.0f;
  }

  // Routing: forced expert, single top expert, or consensus of the top ones above the floor.
  void decide(const QueryOptions& opt, Decision* d) {
    d->consensus = false;
    if (opt.expert >= 0) {
      d->scores.fill(0.0f);
      d->scores[opt.expert] = 1.0f;
      d->num_experts = 1;
      d->experts[0].domain = opt.expert;
      d->experts[0].weight = 1.0f;
      return;
    }
    model.router.forward(features, scratch.data(), d->scores.data());
    std::array<int, kMaxConsensusExperts> top;
    top_k(d->scores.data(), kNumDomains, &top);
    d->consensus = opt.consensus || d->scores[top[0]] < model.consensus_threshold;
    d->num_experts = 1;
    if (d->consensus)
      while (d->num_experts < kMaxConsensusExperts && d->scores[top[d->num_experts]] >= model.consensus_floor)
        ++d->num_experts;
    float total = 0.0f;
    for (int i = 0; i < d->num_experts; ++i) total += d->scores[top[i]];
    for (int i = 0; i < d->num_experts; ++i) {
      d->experts[i].domain = top[i];
      d->experts[i].weight = d->scores[top[i]] / total;
    }
  }

  // The result fields that follow from the decision alone (everything but the answer texts).
  void fill_from_decision(const Decision& d) {
    result.num_experts = d.num_experts;
    for (int i = 0; i < d.num_experts; ++i) {
      const ExpertDecision& e = d.experts[i];
      ExpertAnswer& out = result.experts[i];
      out.domain = e.domain;
      out.weight = e.weight;
      out.confidence = e.intent_probs[0];
      out.intent = intents[e.domain][e.intents[0]]->id;
      out.intent_index = e.intents[0];
      out.abstained = e.intent_probs[0] < model.abstain_floor;
    }
    result.domain = d.experts[0].domain;
    result.confidence = d.scores[result.domain];
    result.scores = d.scores;
    result.consensus = d.consensus;
    result.intent = result.experts[0].intent;
  }

  // A cache hit whose answers were kept: the answer views point into the cache entry or the knowledge.
  void fill_from_rendered(const Decision& d) {
    fill_from_decision(d);
    const RenderedAnswers& r = d.rendered;
    for (int i = 0; i < d.num_experts; ++i) {
      ExpertAnswer& out = result.experts[i];
      out.abstained = r.abstained[i];
      out.answer = r.stable[i] ? std::string_view(r.stable[i], r.length[i]) : std::string_view(r.text + r.offset[i], r.length[i]);
    }
    result.answer = result.experts[0].answer;
  }

  // Keeps the answers just rendered with the decision that goes into the cache (see RenderedAnswers).
  void keep_rendered(Decision* d) const {
    RenderedAnswers& r = d->rendered;
    r.valid = true;
    std::size_t used = 0;
    for (int i = 0; i < d->num_experts; ++i) {
      const std::string_view a = result.experts[i].answer;
      r.abstained[i] = result.experts[i].abstained;
      r.length[i] = static_cast<uint16_t>(a.size());
      if (!inside_buffers(a.data())) {  // knowledge text: stable
        r.stable[i] = a.data();
        continue;
      }
      r.stable[i] = nullptr;
      if (a.size() > kCachedAnswerBytes - used) {
        r.valid = false;
        return;
      }
      std::memcpy(r.text + used, a.data(), a.size());
      r.offset[i] = static_cast<uint16_t>(used);
      used += a.size();
    }
  }

  // True for memory that a later query overwrites: the answer buffers and the query buffers.
  bool inside_buffers(const char* p) const {
    auto in = [p](const void* base, std::size_t n) {
      const char* b = static_cast<const char*>(base);
      return p >= b && p < b + n;
    };
    if (in(normalized, sizeof normalized) || in(key, sizeof key)) return true;
    for (const AnswerBuffer& a : answers)
      if (in(&a, sizeof a)) return true;
    return false;
  }

  // Turns a decision into answers: knowledge text, an honest "not sure", or the context expert's reply.
  bool render(const Decision& d, std::string_view query, bool* record_turn) {
    fill_from_decision(d);
    for (int i = 0; i < d.num_experts; ++i) {
      const ExpertDecision& e = d.experts[i];
      ExpertAnswer& out = result.experts[i];
      const Intent& top = *intents[e.domain][e.intents[0]];
      AnswerBuffer& buf = answers[i];
      // Exact computation answers for itself, whatever the intent network's confidence.
      if (e.domain == kMathDomain && solve_math(query, buf) != MathOutcome::kNotMath) {
        out.answer = buf.view();
        out.abstained = false;
        continue;
      }
      if (out.abstained) {
        buf.clear();
        buf.append("I'm not sure I understood this one. The closest topics I know are \"").append(top.title).append("\"");
        if (e.intents[1] >= 0) buf.append(" and \"").append(intents[e.domain][e.intents[1]]->title).append("\"");
        buf.append(". Could you rephrase or ask about one of those?");
        out.answer = buf.view();
      } else if (e.domain == kCodingDomain) {
        out.answer = coding_answer(top, query, buf);
      } else if (e.domain == kLanguageDomain) {
        buf.clear();
        out.answer = language.loaded() && language.answer(top.id, query, buf) ? buf.view() : std::string_view(top.answer);
      } else if (e.domain == kContextDomain) {
        ContextReply reply = answer_from_memory(top, query, memory, intents, buf);
        out.answer = reply.answer;
        *record_turn = *record_turn && reply.record_turn;
      } else {
        out.answer = top.answer;
      }
    }
    result.answer = result.experts[0].answer;
    return true;
  }

  static bool uses_context(const Decision& d) {
    for (int i = 0; i < d.num_experts; ++i)
      if (d.experts[i].domain == kContextDomain) return true;
    return false;
  }

  // answer = false: routing only (router, experts, intents), no answer text and no conversation turn (the
  // compact batch API, which returns no answers). timed = false: no clock reads, no latency recorded (the
  // compact batch times a sample of its queries: a clock read costs ~0.75 us in a browser worker).
  const QueryResult& query(std::string_view text, const QueryOptions& opt, bool answer = true, bool timed = true) {
    timing = timed;
    const Ticks t0 = now();
    result = QueryResult();
    ++metrics.queries;
    if (opt.expert < -1 || opt.expert >= kNumDomains) {
      fail(ErrorCode::kInvalidArgument, "unknown expert: use one of reasoning, coding, language, mathematics, tool_use, context");
      return result;
    }
    NormalizeStats ns;
    const std::size_t len = normalize(text, normalized, &ns);
    const Ticks t1 = now();
    result.stages.normalize_us = us_between(t0, t1);
    if (timing) metrics.normalize.record(result.stages.normalize_us);
    result.truncated = ns.truncated;
    result.invalid_utf8 = ns.invalid_utf8;
    if (len == 0) {
      fail(ErrorCode::kEmptyQuery, "the query is empty: it has no visible characters after removing whitespace and control characters");
      return result;
    }
    const std::string_view query(normalized, len);
    result.query = query;

    // Cache key: options byte + normalized text, so a forced or consensus answer never serves a routed one.
    // (Built and hashed only when the cache is in use.)
    std::string_view key_view;
    uint64_t hash = 0;
    if (opt.use_cache) {
      key[0] = static_cast<char>((opt.expert + 1) | (opt.consensus ? 0x10 : 0));
      std::memcpy(key + 1, normalized, len);
      key_view = std::string_view(key, len + 1);
      hash = hash_key(key, len + 1, 0x5eed);
    }
    bool cacheable = opt.use_cache && LruCache::fits(key_view);

    if (!cacheable) ++metrics.cache_bypassed;
    const Decision* hit = cacheable ? cache.get(hash, key_view) : nullptr;
    bool record_turn = answer;
    if (hit) {
      result.cached = true;
      bool stable = false;
      if (hit->rendered.valid) {
        fill_from_rendered(*hit);
        stable = hit->rendered.stable[0] != nullptr;  // text copied into the cache entry is not: it can be evicted
      } else if (answer) {
        render(*hit, query, &record_turn);
        stable = !inside_buffers(result.answer.data());
      } else {
        fill_from_decision(*hit);
      }
      finish(*hit, query, record_turn, stable, t0);
      return result;
    }
    Decision& decision = scratch_decision;
    {
      extract_features(query, ns, &features);
      const Ticks t2 = now();
      decide(opt, &decision);
      const Ticks t3 = now();
      // Routing only reports the top expert's intent: the other consensus experts would run for nothing.
      // (Such a decision is not cached: a later query() must see every expert's intents.)
      const int experts_run = answer ? decision.num_experts : 1;
      for (int i = 0; i < experts_run; ++i) run_expert(decision.experts[i].domain, &decision.experts[i]);
      if (!answer && decision.num_experts > 1) {
        decision.num_experts = 1;
        cacheable = false;
      }
      const Ticks t4 = now();
      result.stages.features_us = us_between(t1, t2);
      result.stages.router_us = us_between(t2, t3);
      result.stages.expert_us = us_between(t3, t4);
      if (timing) {
        metrics.features.record(result.stages.features_us);
        if (opt.expert < 0) metrics.router.record(result.stages.router_us);
        metrics.expert.record(result.stages.expert_us);
      }
    }
    if (answer) {
      render(decision, query, &record_turn);
    } else {
      fill_from_decision(decision);
    }
    if (cacheable && !uses_context(decision)) {
      if (answer) keep_rendered(&decision);
      else decision.rendered.valid = false;  // a later query() renders it on its hit
      cache.put(hash, key_view, decision);
    }
    finish(decision, query, record_turn, answer && !inside_buffers(result.answer.data()), t0);
    return result;
  }

  // Conversation memory, per-expert counts and the total latency: the same for hits and misses.
  // `stable_answer`: the answer is knowledge text (lives as long as the engine), so memory keeps a pointer.
  void finish(const Decision& d, std::string_view query, bool record_turn, bool stable_answer, Ticks t0) {
    if (record_turn) {
      const ExpertDecision& e = d.experts[0];
      const int related[2] = {e.intents[1], e.intents[2]};
      memory.add(query, e.domain, e.intents[0], related, result.answer, stable_answer);
    }
    ++metrics.per_expert[result.domain];
    if (d.consensus) ++metrics.consensus;
    result.latency_us = us_between(t0, now());
    if (timing) metrics.total.record(result.latency_us);
  }
};

Engine::Engine() = default;
Engine::~Engine() = default;

LoadResult Engine::load(const uint8_t* model, std::size_t model_size,
                        const std::array<std::string_view, kNumDomains>& knowledge_json, const EngineConfig& config) {
  LoadResult out;
  Stopwatch::calibrate();  // once per process, here rather than in the first query
  auto impl = std::make_unique<Impl>(config.cache_capacity);
  out.status = load_model(model, model_size, &impl->model);
  if (!out.status.ok()) return out;
  for (int d = 0; d < kNumDomains; ++d) {
    out.status = parse_knowledge(knowledge_json[d], d, &impl->knowledge[d]);
    if (!out.status.ok()) return out;
  }
  if (!config.phrasebook_json.empty() || !config.dictionary_json.empty()) {
    out.status = impl->language.load(config.phrasebook_json, config.dictionary_json);
    if (!out.status.ok()) return out;
  }
  out.status = impl->init();
  if (!out.status.ok()) return out;
  out.engine.reset(new Engine());
  out.engine->impl_ = std::move(impl);
  return out;
}

namespace {
bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return !f.bad();
}
}  // namespace

LoadResult Engine::load_files(const std::string& model_path, const std::string& knowledge_dir, const EngineConfig& config) {
  std::string model;
  if (!read_file(model_path, &model))
    return {nullptr, {ErrorCode::kIo, "cannot read model file '" + model_path + "' (does it exist? use --model PATH)"}};
  std::array<std::string, kNumDomains> texts;
  std::array<std::string_view, kNumDomains> views;
  for (int d = 0; d < kNumDomains; ++d) {
    const std::string path = knowledge_dir + "/" + domain_name(d) + ".json";
    if (!read_file(path, &texts[d]))
      return {nullptr, {ErrorCode::kIo, "cannot read knowledge file '" + path + "' (use --knowledge DIR)"}};
    views[d] = texts[d];
  }
  std::string phrasebook, dictionary;
  for (auto [name, text] : {std::pair{"phrasebook.json", &phrasebook}, std::pair{"dictionary.json", &dictionary}}) {
    const std::string path = knowledge_dir + "/" + name;
    if (!read_file(path, text)) return {nullptr, {ErrorCode::kIo, "cannot read '" + path + "' (use --knowledge DIR)"}};
  }
  EngineConfig with_language = config;
  with_language.phrasebook_json = phrasebook;
  with_language.dictionary_json = dictionary;
  return load(reinterpret_cast<const uint8_t*>(model.data()), model.size(), views, with_language);
}

const QueryResult& Engine::query(std::string_view text, const QueryOptions& options) { return impl_->query(text, options); }

void Engine::query_batch(const std::string_view* texts, std::size_t count, BatchSink sink, void* context,
                         const QueryOptions& options) {
  for (std::size_t i = 0; i < count; ++i) sink(context, i, impl_->query(texts[i], options));
}

void Engine::query_batch(const std::string_view* texts, std::size_t count, BatchItem* out, const QueryOptions& options) {
  for (std::size_t i = 0; i < count; ++i) {
    const QueryResult& r = impl_->query(texts[i], options, /*answer=*/false, /*timed=*/i % kBatchTimingSample == 0);
    BatchItem& b = out[i];
    b.error = r.error;
    b.domain = r.domain;
    b.confidence = r.confidence;
    b.intent = r.intent;
    b.intent_index = r.num_experts > 0 ? r.experts[0].intent_index : -1;
    b.abstained = r.num_experts > 0 && r.experts[0].abstained;
    b.cached = r.cached;
  }
}

MetricsSnapshot Engine::metrics() const {
  const Metrics& m = impl_->metrics;
  MetricsSnapshot s;
  s.queries = m.queries;
  s.errors = m.errors;
  s.consensus = m.consensus;
  s.per_expert = m.per_expert;
  s.cache_hits = impl_->cache.hits();
  s.cache_misses = impl_->cache.misses();
  s.cache_bypassed = m.cache_bypassed;
  s.cache_evictions = impl_->cache.evictions();
  s.cache_size = impl_->cache.size();
  s.cache_capacity = impl_->cache.capacity();
  s.normalize = m.normalize.percentiles();
  s.features = m.features.percentiles();
  s.router = m.router.percentiles();
  s.expert = m.expert.percentiles();
  s.total = m.total.percentiles();
  return s;
}

void Engine::reset_metrics() {
  impl_->metrics.reset();
  impl_->cache.reset_counters();
}

void Engine::reset_conversation() { impl_->memory.clear(); }
void Engine::clear_cache() { impl_->cache.clear(); }

std::string Engine::info_json() const {
  nlohmann::json j;
  j["format"] = kModelFormat;
  j["features"] = kFeatureSignature;
  j["cache_capacity"] = impl_->cache.capacity();
  j["consensus_threshold"] = impl_->model.consensus_threshold;
  j["abstain_floor"] = impl_->model.abstain_floor;
  auto net_json = [](const Network& n) {
    std::vector<std::size_t> widths{n.input_dim()};
    for (const auto& l : n.layers) widths.push_back(l.out);
    return nlohmann::json{{"buckets", n.buckets}, {"embedding_dim", n.embedding_dim}, {"layers", widths}};
  };
  j["router"] = net_json(impl_->model.router);
  for (int d = 0; d < kNumDomains; ++d) {
    auto e = net_json(impl_->model.experts[d]);
    e["intents"] = impl_->model.intents[d].size();
    e["intent_ids"] = impl_->model.intents[d];
    j["experts"][domain_name(d)] = e;
  }
  return j.dump();
}

}  // namespace kimi
