// kimi: command-line front end of the engine. See `kimi --help` and DESIGN.md's CLI contract.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "kimi/kimi.h"

#ifndef KIMI_DEFAULT_MODEL
#define KIMI_DEFAULT_MODEL "models/kimi.safetensors"
#endif

namespace {

constexpr std::size_t kMaxLineBytes = 1 << 20;  // --jsonl keeps the first 1 MiB of a line (the engine uses 4 KiB)

const char* kUsage =
    "usage: kimi [options] \"query\" [\"query\" ...]\n"
    "       kimi --jsonl < queries.txt\n"
    "       kimi --interactive\n"
    "\n"
    "Routes each query to one of six micro-experts (reasoning, coding, language, mathematics, tool_use,\n"
    "context) and prints the expert's answer.\n"
    "\n"
    "options:\n"
    "  --json            print one JSON result object per query\n"
    "  --jsonl           read one query per line from stdin, print one JSON object per line\n"
    "  --interactive     a prompt that keeps the conversation memory (:metrics, :reset, :quit)\n"
    "  --expert NAME     skip the router and ask this expert\n"
    "  --consensus       combine the top experts (automatic when the router is unsure)\n"
    "  --no-cache        do not use the result cache\n"
    "  --metrics         print the metrics JSON after the run (to stderr with --jsonl/--json)\n"
    "  --model PATH      model file (default: $KIMI_MODEL or " KIMI_DEFAULT_MODEL ")\n"
    "  --knowledge DIR   knowledge files (default: the 'knowledge' folder beside the model)\n"
    "  --info            print the model's description as JSON\n"
    "  -h, --help        this help\n"
    "\n"
    "exit status: 0 ok, 1 a query or the model failed, 2 bad usage\n";

struct Args {
  bool json = false, jsonl = false, interactive = false, metrics = false, info = false;
  kimi::QueryOptions options;
  std::string model, knowledge;
  std::vector<std::string> queries;
};

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "kimi: %s\n(run 'kimi --help' for usage)\n", msg.c_str());
  return 2;
}

// Returns -1 when parsing succeeded, otherwise the exit status.
int parse_args(int argc, char** argv, Args* a) {
  const char* env_model = std::getenv("KIMI_MODEL");
  a->model = env_model && *env_model ? env_model : KIMI_DEFAULT_MODEL;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* flag, std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      (void)flag;
      return true;
    };
    if (options_done || arg.empty() || arg[0] != '-' || arg == "-") {
      a->queries.push_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--json") {
      a->json = true;
    } else if (arg == "--jsonl") {
      a->jsonl = true;
    } else if (arg == "--interactive" || arg == "-i") {
      a->interactive = true;
    } else if (arg == "--consensus") {
      a->options.consensus = true;
    } else if (arg == "--no-cache") {
      a->options.use_cache = false;
    } else if (arg == "--metrics") {
      a->metrics = true;
    } else if (arg == "--info") {
      a->info = true;
    } else if (arg == "--expert") {
      std::string name;
      if (!value("--expert", &name)) return usage_error("--expert needs a NAME");
      a->options.expert = kimi::domain_from_name(name);
      if (a->options.expert < 0)
        return usage_error("unknown expert '" + name + "': use reasoning, coding, language, mathematics, tool_use or context");
    } else if (arg == "--model") {
      if (!value("--model", &a->model)) return usage_error("--model needs a PATH");
    } else if (arg == "--knowledge") {
      if (!value("--knowledge", &a->knowledge)) return usage_error("--knowledge needs a DIR");
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  int modes = a->jsonl + a->interactive + (!a->queries.empty() ? 1 : 0);
  if (modes == 0 && !a->info) return usage_error("give a query, --jsonl or --interactive");
  if (modes > 1) return usage_error("use one of: queries as arguments, --jsonl, --interactive");
  if (a->knowledge.empty()) {
    std::size_t slash = a->model.find_last_of('/');
    a->knowledge = (slash == std::string::npos ? std::string(".") : a->model.substr(0, slash)) + "/knowledge";
  }
  return -1;
}

void print_human(const kimi::QueryResult& r) {
  if (r.error != kimi::ErrorCode::kOk) {
    std::fprintf(stderr, "kimi: %s\n", r.error_message);
    return;
  }
  std::printf("[%s %.0f%%] %.*s%s%s%s\n", kimi::domain_name(r.domain), 100.0 * r.confidence, int(r.intent.size()),
              r.intent.data(), r.cached ? " (cached)" : "", r.truncated ? " (truncated to 4096 bytes)" : "",
              r.invalid_utf8 ? " (invalid UTF-8 replaced)" : "");
  if (r.num_experts > 1) {
    for (int i = 0; i < r.num_experts; ++i) {
      const auto& e = r.experts[i];
      std::printf("\n-- %s (weight %.2f, %s) --\n%.*s\n", kimi::domain_name(e.domain), e.weight,
                  std::string(e.intent).c_str(), int(e.answer.size()), e.answer.data());
    }
  } else {
    std::printf("%.*s\n", int(r.answer.size()), r.answer.data());
  }
}

// Reads one line (without '\n') keeping at most kMaxLineBytes; returns false at end of input.
bool read_line(std::FILE* in, std::string* line) {
  line->clear();
  int c;
  bool any = false;
  while ((c = std::fgetc(in)) != EOF) {
    any = true;
    if (c == '\n') return true;
    if (line->size() < kMaxLineBytes) line->push_back(static_cast<char>(c));
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

void print_metrics(kimi::Engine& engine, std::FILE* out) {
  std::string s;
  kimi::write_metrics_json(engine.metrics(), &s);
  std::fprintf(out, "%s\n", s.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  int status = parse_args(argc, argv, &args);
  if (status >= 0) return status;

  kimi::LoadResult loaded = kimi::Engine::load_files(args.model, args.knowledge);
  std::string out;
  if (!loaded.engine) {
    if (args.json || args.jsonl) {
      kimi::write_error_json(loaded.status.code, loaded.status.message, &out);
      std::printf("%s\n", out.c_str());
    }
    std::fprintf(stderr, "kimi: %s\n", loaded.status.message.c_str());
    return 1;
  }
  kimi::Engine& engine = *loaded.engine;
  if (args.info) {
    std::printf("%s\n", engine.info_json().c_str());
    if (args.queries.empty() && !args.jsonl && !args.interactive) return 0;
  }

  int exit_code = 0;
  if (args.jsonl) {
    std::string line;
    while (read_line(stdin, &line)) {
      kimi::write_result_json(engine.query(line, args.options), &out);
      std::printf("%s\n", out.c_str());
    }
  } else if (args.interactive) {
    std::string line;
    std::fputs("kimi interactive: ask anything; :metrics, :reset, :quit\n> ", stdout);
    std::fflush(stdout);
    while (read_line(stdin, &line)) {
      if (line == ":quit" || line == ":q") break;
      if (line == ":metrics") {
        print_metrics(engine, stdout);
      } else if (line == ":reset") {
        engine.reset_conversation();
        std::puts("(conversation memory cleared)");
      } else if (!line.empty()) {
        print_human(engine.query(line, args.options));
      }
      std::fputs("> ", stdout);
      std::fflush(stdout);
    }
    std::puts("");
  } else {
    for (const std::string& q : args.queries) {
      const kimi::QueryResult& r = engine.query(q, args.options);
      if (r.error != kimi::ErrorCode::kOk) exit_code = 1;
      if (args.json) {
        kimi::write_result_json(r, &out);
        std::printf("%s\n", out.c_str());
      } else {
        print_human(r);
      }
    }
  }
  if (args.metrics) print_metrics(engine, args.json || args.jsonl ? stderr : stdout);
  return exit_code;
}
