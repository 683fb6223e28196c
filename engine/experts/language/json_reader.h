// Load-time JSON parsing that says where a file is broken ("line 3, column 5: ..."), for data files a
// person edits by hand.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace kimi {

// Parses text into *out. On failure returns false and sets *error to "not valid JSON (<where and why>)".
bool parse_json_reporting(std::string_view text, nlohmann::json* out, std::string* error);

}  // namespace kimi
