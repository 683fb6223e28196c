// fastText as an in-process peer for kimi-bench: loads a supervised model (.bin) and predicts the top label of
// a query, preparing the text exactly as scripts/bench_accuracy.sh prepared its training data.
// Built only when Debian's libfasttext-dev is present; otherwise load() says so.
#pragma once
#include <memory>
#include <string>

namespace kimi_bench {

// Lowercases ASCII and puts spaces around ASCII punctuation ("what's 2+2?" -> "what ' s 2 + 2 ?"), the
// tokenization fastText needs (it splits on whitespace only). Mirrored in scripts/fasttext_data.py.
std::string fasttext_text(const std::string& query);

class FastTextPeer {
 public:
  static std::unique_ptr<FastTextPeer> load(const std::string& path, std::string* error);
  virtual ~FastTextPeer() = default;
  virtual std::string predict(const std::string& query) = 0;  // the top label, without "__label__"
};

}  // namespace kimi_bench
