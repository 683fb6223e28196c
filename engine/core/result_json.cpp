// JSON output of results, metrics and errors (the CLI's and the web engine's contract). Hand-written so the
// hot path needs no JSON library; strings are escaped per RFC 8259 and are valid UTF-8 by construction.
#include <cstdio>

#include "kimi/kimi.h"

namespace kimi {
namespace {

void put_string(std::string* o, std::string_view s) {
  o->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': o->append("\\\""); break;
      case '\\': o->append("\\\\"); break;
      case '\n': o->append("\\n"); break;
      case '\r': o->append("\\r"); break;
      case '\t': o->append("\\t"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o->append(buf);
        } else {
          o->push_back(ch);
        }
    }
  }
  o->push_back('"');
}

void put_number(std::string* o, double v, const char* fmt = "%.9g") {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  o->append(buf);
}

void put_key(std::string* o, const char* k) {
  put_string(o, k);
  o->push_back(':');
}

void put_bool(std::string* o, bool b) { o->append(b ? "true" : "false"); }

void put_percentiles(std::string* o, const char* name, const Percentiles& p) {
  put_key(o, name);
  o->append("{\"p50\":");
  put_number(o, p.p50_us, "%.3f");
  o->append(",\"p95\":");
  put_number(o, p.p95_us, "%.3f");
  o->append(",\"p99\":");
  put_number(o, p.p99_us, "%.3f");
  o->append(",\"count\":");
  put_number(o, static_cast<double>(p.count), "%.0f");
  o->push_back('}');
}

}  // namespace

void write_error_json(ErrorCode code, std::string_view message, std::string* o) {
  o->clear();
  o->append("{\"error\":{\"code\":");
  put_string(o, error_code_name(code));
  o->append(",\"message\":");
  put_string(o, message);
  o->append("}}");
}

void write_result_json(const QueryResult& r, std::string* o) {
  if (r.error != ErrorCode::kOk) return write_error_json(r.error, r.error_message, o);
  o->clear();
  o->push_back('{');
  put_key(o, "query"); put_string(o, r.query);
  o->push_back(','); put_key(o, "domain"); put_string(o, domain_name(r.domain));
  o->push_back(','); put_key(o, "confidence"); put_number(o, r.confidence);
  o->push_back(','); put_key(o, "scores"); o->push_back('{');
  for (int d = 0; d < kNumDomains; ++d) {
    if (d) o->push_back(',');
    put_key(o, domain_name(d));
    put_number(o, r.scores[d]);
  }
  o->push_back('}');
  o->push_back(','); put_key(o, "intent"); put_string(o, r.intent);
  o->push_back(','); put_key(o, "answer"); put_string(o, r.answer);
  o->push_back(','); put_key(o, "consensus"); put_bool(o, r.consensus);
  o->push_back(','); put_key(o, "experts"); o->push_back('[');
  for (int i = 0; i < r.num_experts; ++i) {
    const ExpertAnswer& e = r.experts[i];
    if (i) o->push_back(',');
    o->push_back('{');
    put_key(o, "domain"); put_string(o, domain_name(e.domain));
    o->push_back(','); put_key(o, "weight"); put_number(o, e.weight);
    o->push_back(','); put_key(o, "confidence"); put_number(o, e.confidence);
    o->push_back(','); put_key(o, "abstained"); put_bool(o, e.abstained);
    o->push_back(','); put_key(o, "intent"); put_string(o, e.intent);
    o->push_back(','); put_key(o, "answer"); put_string(o, e.answer);
    o->push_back('}');
  }
  o->push_back(']');
  o->push_back(','); put_key(o, "cached"); put_bool(o, r.cached);
  o->push_back(','); put_key(o, "truncated"); put_bool(o, r.truncated);
  o->push_back(','); put_key(o, "invalid_utf8"); put_bool(o, r.invalid_utf8);
  o->push_back(','); put_key(o, "latency_us"); put_number(o, r.latency_us, "%.3f");
  o->push_back(','); put_key(o, "stages_us"); o->push_back('{');
  put_key(o, "normalize"); put_number(o, r.stages.normalize_us, "%.3f");
  o->push_back(','); put_key(o, "features"); put_number(o, r.stages.features_us, "%.3f");
  o->push_back(','); put_key(o, "router"); put_number(o, r.stages.router_us, "%.3f");
  o->push_back(','); put_key(o, "expert"); put_number(o, r.stages.expert_us, "%.3f");
  o->append("}}");
}

void write_metrics_json(const MetricsSnapshot& m, std::string* o) {
  o->clear();
  auto num = [&](const char* k, uint64_t v, bool comma = true) {
    if (comma) o->push_back(',');
    put_key(o, k);
    put_number(o, static_cast<double>(v), "%.0f");
  };
  o->push_back('{');
  num("queries", m.queries, false);
  num("errors", m.errors);
  num("consensus", m.consensus);
  o->append(",\"cache\":{");
  num("hits", m.cache_hits, false);
  num("misses", m.cache_misses);
  num("bypassed", m.cache_bypassed);
  num("evictions", m.cache_evictions);
  num("size", m.cache_size);
  num("capacity", m.cache_capacity);
  const uint64_t lookups = m.cache_hits + m.cache_misses;
  o->append(",\"hit_rate\":");
  put_number(o, lookups ? static_cast<double>(m.cache_hits) / static_cast<double>(lookups) : 0.0, "%.4f");
  o->append("},\"experts\":{");
  for (int d = 0; d < kNumDomains; ++d) num(domain_name(d), m.per_expert[d], d > 0);
  o->append("},\"latency_us\":{");
  put_percentiles(o, "normalize", m.normalize);
  o->push_back(','); put_percentiles(o, "features", m.features);
  o->push_back(','); put_percentiles(o, "router", m.router);
  o->push_back(','); put_percentiles(o, "expert", m.expert);
  o->push_back(','); put_percentiles(o, "total", m.total);
  o->append("}}");
}

}  // namespace kimi
