// latency histogram percentiles and the metrics JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "kimi/kimi.h"
#include "metrics/latency_histogram.h"

TEST_CASE("percentiles land within the bucket width of the true value") {
  kimi::LatencyHistogram h;
  for (int i = 1; i <= 1000; ++i) h.record(static_cast<double>(i));  // 1..1000 us
  kimi::Percentiles p = h.percentiles();
  CHECK(p.count == 1000);
  CHECK(p.p50_us == Approx(500).epsilon(0.25));
  CHECK(p.p95_us == Approx(950).epsilon(0.25));
  CHECK(p.p99_us == Approx(990).epsilon(0.25));
  CHECK(p.p50_us <= p.p95_us);
  CHECK(p.p95_us <= p.p99_us);
}

TEST_CASE("tiny, zero and huge latencies are recorded without overflow") {
  kimi::LatencyHistogram h;
  h.record(0.0);
  h.record(-1.0);
  h.record(1e12);
  CHECK(h.count() == 3);
  CHECK(h.percentiles().p99_us > 1e5);
  h.reset();
  CHECK(h.percentiles().count == 0);
  CHECK(h.percentiles().p50_us == 0);
}

TEST_CASE("metrics JSON holds every counter") {
  kimi::MetricsSnapshot m;
  m.queries = 10;
  m.cache_hits = 3;
  m.cache_misses = 7;
  m.per_expert[4] = 6;
  m.total = {1.5, 2.5, 3.5, 10};
  std::string s;
  kimi::write_metrics_json(m, &s);
  auto j = nlohmann::json::parse(s);
  CHECK(j["queries"] == 10);
  CHECK(j["cache"]["hit_rate"].get<double>() == Approx(0.3));
  CHECK(j["experts"]["tool_use"] == 6);
  CHECK(j["latency_us"]["total"]["p95"].get<double>() == Approx(2.5));
  for (const char* k : {"normalize", "features", "router", "expert", "total"}) CHECK(j["latency_us"].contains(k));
}
