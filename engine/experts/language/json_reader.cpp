// JSON parsing with a located error (see json_reader.h): a SAX pass that only records the parser's message,
// run when the DOM parse has already failed, so no exception is ever thrown.
#include "experts/language/json_reader.h"

namespace kimi {
namespace {

class ErrorRecorder : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    message = ex.what();
    const std::size_t bracket = message.find("] ");  // drop the "[json.exception.parse_error.101] " tag
    if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) message.erase(0, bracket + 2);
    return false;
  }
};

}  // namespace

bool parse_json_reporting(std::string_view text, nlohmann::json* out, std::string* error) {
  *out = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!out->is_discarded()) return true;
  ErrorRecorder rec;
  nlohmann::json::sax_parse(text.begin(), text.end(), &rec);
  *error = "not valid JSON (" + (rec.message.empty() ? std::string("unreadable") : rec.message) + ")";
  return false;
}

}  // namespace kimi
