// libFuzzer target: the knowledge-file JSON parser (first byte picks the domain).
#include <cstdint>

#include "knowledge/knowledge_base.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  kimi::KnowledgeBase kb;
  kimi::parse_knowledge(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), data[0] % kimi::kNumDomains, &kb);
  return 0;
}
