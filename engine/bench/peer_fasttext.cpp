// fastText peer (see peer_fasttext.h).
#include "bench/peer_fasttext.h"

#include <cctype>
#include <sstream>
#include <utility>
#include <vector>

#ifdef KIMI_HAVE_FASTTEXT
#include <fasttext/fasttext.h>
#endif

namespace kimi_bench {

std::string fasttext_text(const std::string& query) {
  std::string out;
  out.reserve(query.size() * 2);
  for (unsigned char c : query) {
    if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (std::isspace(c) || c < 0x20) out += ' ';
    else { out += ' '; out += static_cast<char>(c); out += ' '; }
  }
  return out;
}

#ifdef KIMI_HAVE_FASTTEXT
namespace {
class Peer : public FastTextPeer {
 public:
  fasttext::FastText ft;
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  std::istringstream in;

  std::string predict(const std::string& query) override {
    in.clear();
    in.str(fasttext_text(query) + "\n");
    ft.predictLine(in, predictions, 1, 0.0f);
    if (predictions.empty()) return "";
    const std::string& label = predictions[0].second;
    return label.rfind("__label__", 0) == 0 ? label.substr(9) : label;
  }
};
}  // namespace

std::unique_ptr<FastTextPeer> FastTextPeer::load(const std::string& path, std::string* error) {
  auto p = std::make_unique<Peer>();
  try {
    p->ft.loadModel(path);
  } catch (const std::exception& e) {
    *error = "cannot load fastText model '" + path + "': " + e.what();
    return nullptr;
  }
  return p;
}
#else
std::unique_ptr<FastTextPeer> FastTextPeer::load(const std::string& path, std::string* error) {
  *error = "kimi-bench was built without libfasttext-dev (apt-get install libfasttext-dev, then rebuild)";
  return nullptr;
}
#endif

}  // namespace kimi_bench
