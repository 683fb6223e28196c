// libFuzzer target: normalize + features on arbitrary bytes. Checks the output invariants, not just crashes.
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "features/features.h"
#include "text/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static char buf[kimi::kMaxNormalizedBytes];
  static auto features = std::make_unique<kimi::Features>();
  kimi::NormalizeStats st;
  const std::size_t n = kimi::normalize(std::string_view(reinterpret_cast<const char*>(data), size), buf, &st);
  if (n > kimi::kMaxNormalizedBytes) std::abort();
  if (n && (buf[0] == ' ' || buf[n - 1] == ' ')) std::abort();
  for (std::size_t i = 0; i < n;) {  // the output must be valid UTF-8
    uint32_t cp;
    bool valid;
    i += kimi::decode_utf8(reinterpret_cast<const unsigned char*>(buf), n, i, &cp, &valid);
    if (!valid) std::abort();
  }
  kimi::extract_features(std::string_view(buf, n), st, features.get());
  if (features->count > kimi::kMaxFeatureIds) std::abort();
  for (float v : features->dense)
    if (!(v >= 0.0f && v <= 1.0f)) std::abort();
  return 0;
}
