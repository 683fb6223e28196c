// The kimi CLI: exit codes, --json, --jsonl, flags and bad input, run as a real process.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace {
struct Run {
  int status;  // exit code; -1 when killed by a signal
  std::string out;
};

// Runs the CLI with args through /bin/sh (stdin from `input_file` if given), capturing stdout.
Run run(const std::string& args, const std::string& input_file = "", bool merge_stderr = false) {
  std::string cmd = std::string("'") + KIMI_CLI_PATH + "' " + args;
  if (!input_file.empty()) cmd += " < '" + input_file + "'";
  cmd += merge_stderr ? " 2>&1" : " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  std::string l;
  while (std::getline(in, l)) v.push_back(nlohmann::json::parse(l));
  return v;
}

std::string tmp(const std::string& name, const std::string& content) {
  std::string path = std::string(KIMI_TEST_TMP) + "/" + name;
  kimi_test::write_file(path, content);
  return path;
}
}  // namespace

TEST_CASE("option --json prints one object with every contract field") {
  Run r = run("--json \"How do I undo my last git commit?\"");
  REQUIRE(r.status == 0);
  auto v = lines(r.out);
  REQUIRE(v.size() == 1);
  const auto& j = v[0];
  for (const char* k : {"query", "domain", "confidence", "scores", "intent", "answer", "consensus", "experts", "cached",
                        "truncated", "latency_us"})
    CHECK(j.contains(k));
  CHECK(j["domain"] == "tool_use");
}

TEST_CASE("plain output names the expert and its confidence") {
  Run r = run("\"what is 15% of 80\"");
  CHECK(r.status == 0);
  CHECK(r.out.find("[mathematics ") == 0);
}

TEST_CASE("option --jsonl prints one line per input line and shares one engine") {
  std::string input = "how do i list hidden files\n\nwhat is 15% of 80\nhow do i list hidden files\nwhat was my first question\n";
  Run r = run("--jsonl", tmp("five.txt", input));
  REQUIRE(r.status == 0);
  auto v = lines(r.out);
  REQUIRE(v.size() == 5);
  CHECK(v[1]["error"]["code"] == "empty_query");
  CHECK(v[3]["cached"] == true);  // same engine, same cache
  CHECK(v[4]["domain"] == "context");
  CHECK(v[4]["answer"].get<std::string>().find("list hidden files") != std::string::npos);  // same memory
}

TEST_CASE("option --jsonl survives hostile lines") {
  std::string input;
  input += std::string(100000, 'a') + "\n";                  // a 100k-character line
  input += std::string("nul\0inside\n", 11);                 // NUL byte
  input += "bad \xFF\xFE utf8\n";                             // invalid UTF-8
  input += "\x01\x02\x03\x1b[31m escape codes\n";            // control characters
  input += "emoji 😀 and עברית\n";
  input += "no newline at the end";
  Run r = run("--jsonl", tmp("hostile.txt", input));
  REQUIRE(r.status == 0);
  auto v = lines(r.out);
  REQUIRE(v.size() == 6);
  CHECK(v[0]["truncated"] == true);
  CHECK(v[1]["query"] == "nul inside");
  CHECK(v[2]["invalid_utf8"] == true);
  for (const auto& j : v) CHECK(j.contains("domain"));
}

TEST_CASE("option --expert forces an expert; --consensus reports it") {
  auto j = lines(run("--json --expert language \"git push\"").out)[0];
  CHECK(j["domain"] == "language");
  auto c = lines(run("--json --consensus \"git push\"").out)[0];
  CHECK(c["consensus"] == true);
}

TEST_CASE("option --metrics prints the metrics JSON") {
  Run r = run("--metrics \"what is 2+2\" \"what is 2+2\"");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out.substr(r.out.find("{\"queries\"")));
  CHECK(j["queries"] == 2);
  CHECK(j["cache"]["hits"] == 1);
}

TEST_CASE("option --interactive keeps conversation memory") {
  Run r = run("--interactive", tmp("repl.txt", "my name is Grace\nwhat is my name?\n:quit\n"));
  CHECK(r.status == 0);
  CHECK(r.out.find("Your name is Grace.") != std::string::npos);
}

TEST_CASE("bad usage exits 2 with a message") {
  CHECK(run("--bogus x", "", true).status == 2);
  CHECK(run("--bogus x", "", true).out.find("unknown option '--bogus'") != std::string::npos);
  CHECK(run("--expert wizard hi", "", true).out.find("unknown expert 'wizard'") != std::string::npos);
  CHECK(run("--expert", "", true).status == 2);
  CHECK(run("", "", true).status == 2);
  CHECK(run("--help").status == 0);
}

TEST_CASE("a missing or corrupt model exits 1 with a clear error") {
  Run missing = run("--model /nonexistent/m.safetensors hi", "", true);
  CHECK(missing.status == 1);
  CHECK(missing.out.find("cannot read model file") != std::string::npos);
  std::string good = kimi_test::read_file(std::string(KIMI_MODELS_DIR) + "/kimi.safetensors");
  std::string dir = std::string(KIMI_TEST_TMP) + "/corrupt";
  std::system(("mkdir -p '" + dir + "' && ln -sfn '" + KIMI_MODELS_DIR + "/knowledge' '" + dir + "/knowledge'").c_str());
  kimi_test::write_file(dir + "/m.safetensors", good.substr(0, good.size() / 3));
  Run corrupt = run("--json --model '" + dir + "/m.safetensors' hi");
  CHECK(corrupt.status == 1);
  CHECK(lines(corrupt.out)[0]["error"]["code"] == "model_corrupt");
}

TEST_CASE("an empty query exits 1 with a JSON error") {
  Run r = run("--json \"   \"");
  CHECK(r.status == 1);
  CHECK(lines(r.out)[0]["error"]["code"] == "empty_query");
}
