// Domain labels and error code names: the strings of the public contract.
#include "kimi/kimi.h"

namespace kimi {
namespace {
constexpr const char* kDomainNames[kNumDomains] = {"reasoning", "coding", "language", "mathematics", "tool_use", "context"};
}

const char* domain_name(int d) { return d >= 0 && d < kNumDomains ? kDomainNames[d] : "unknown"; }

int domain_from_name(std::string_view name) {
  for (int d = 0; d < kNumDomains; ++d)
    if (name == kDomainNames[d]) return d;
  return -1;
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kEmptyQuery: return "empty_query";
    case ErrorCode::kIo: return "io_error";
    case ErrorCode::kModelCorrupt: return "model_corrupt";
    case ErrorCode::kModelMismatch: return "model_mismatch";
    case ErrorCode::kKnowledgeInvalid: return "knowledge_invalid";
  }
  return "unknown";
}

}  // namespace kimi
