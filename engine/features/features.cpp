// Feature extraction (see features.h). Tokens are runs of letters/digits/underscore/non-ASCII bytes; every
// other printable ASCII character is a token of its own, so code punctuation ("->", "{", "==") is visible.
#include "features/features.h"

#include <array>
#include <cmath>

#include "features/hashing.h"

namespace kimi {
namespace {

constexpr uint64_t kSeedWord = 0x11;
constexpr uint64_t kSeedBigram = 0x22;
constexpr uint64_t kSeedChar = 0x33;
constexpr std::size_t kCharMin = 3;
constexpr std::size_t kCharMax = 4;

// Per-byte classes, from one table lookup: whether the byte continues a word, and which dense statistic it
// counts towards (digit, operator, code punctuation, non-ASCII; in that order of precedence: '_' is both a
// word byte and code punctuation).
enum : uint8_t { kWordByte = 1, kStatDigit = 2, kStatOperator = 4, kStatCode = 8, kStatNonAscii = 16 };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80) k |= kWordByte;
    if (c >= '0' && c <= '9') k |= kStatDigit;
    else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == '=' || c == '%' || c == '<' || c == '>')
      k |= kStatOperator;
    else if (c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == ';' || c == ':' || c == '_' ||
             c == '#' || c == '"' || c == '\'' || c == '`' || c == '\\' || c == '|' || c == '&' || c == '$' || c == '@' ||
             c == '.')
      k |= kStatCode;
    else if (c >= 0x80)
      k |= kStatNonAscii;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = make_classes();

// Character n-grams of "<word>" (fastText style): the markers let prefixes and suffixes hash differently.
// FNV-1a is a running hash, so the 3- and 4-grams at one start share their prefix work; each id equals
// hash_bytes(gram, len, kSeedChar).
void add_char_ngrams(const char* w, std::size_t n, char* buf, Features* f) {
  static_assert(kCharMin == 3 && kCharMax == 4, "the unrolled loop below makes 3- and 4-grams");
  const std::size_t total = n + 2;  // with '<' and '>'
  buf[0] = '<';
  for (std::size_t k = 0; k < n; ++k) buf[k + 1] = w[k];
  buf[n + 1] = '>';
  const auto* b = reinterpret_cast<const unsigned char*>(buf);
  uint32_t* out = f->ids + f->count;
  for (std::size_t start = 0; start + 3 <= total; ++start) {
    uint64_t h = kFnvBasis ^ kSeedChar;
    h = (h ^ b[start]) * kFnvPrime;
    h = (h ^ b[start + 1]) * kFnvPrime;
    h = (h ^ b[start + 2]) * kFnvPrime;
    *out++ = static_cast<uint32_t>(mix64(h));
    if (start + 4 <= total) *out++ = static_cast<uint32_t>(mix64((h ^ b[start + 3]) * kFnvPrime));
  }
  f->count = static_cast<std::size_t>(out - f->ids);
}

}  // namespace

void extract_features(std::string_view text, const NormalizeStats& raw, Features* f) {
  f->count = 0;
  const char* s = text.data();
  const auto* u = reinterpret_cast<const unsigned char*>(s);
  const std::size_t n = text.size();
  uint64_t prev = 0;
  bool have_prev = false;
  std::size_t words = 0, digits = 0, ops = 0, code = 0, non_ascii = 0;
  bool question = false;
  // Word ids first, then every word's char n-grams, so a network can read the word-level prefix alone.
  uint16_t word_start[kMaxNormalizedBytes / 2 + 1], word_len[kMaxNormalizedBytes / 2 + 1];
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = u[i];
    if (c == ' ') { ++i; continue; }
    const std::size_t start = i;
    const bool word = kClass[c] & kWordByte;
    if (word) {
      while (i < n && (kClass[u[i]] & kWordByte)) ++i;
    } else {
      ++i;
    }
    for (std::size_t k = start; k < i; ++k) {
      const uint8_t cls = kClass[u[k]];
      digits += (cls & kStatDigit) != 0;
      ops += (cls & kStatOperator) != 0;
      code += (cls & kStatCode) != 0;
      non_ascii += (cls & kStatNonAscii) != 0;
    }
    question = question || c == '?';
    const uint64_t h = hash_bytes(s + start, i - start, kSeedWord);
    f->ids[f->count++] = static_cast<uint32_t>(h);
    if (have_prev) f->ids[f->count++] = static_cast<uint32_t>(hash_combine(prev ^ kSeedBigram, h));
    prev = h;
    have_prev = true;
    if (word) {
      word_start[words] = static_cast<uint16_t>(start);
      word_len[words] = static_cast<uint16_t>(i - start);
      ++words;
    }
  }
  f->word_count = f->count;
  char buf[kMaxNormalizedBytes + 2];
  for (std::size_t w = 0; w < words; ++w) add_char_ngrams(s + word_start[w], word_len[w], buf, f);
  const float bytes = static_cast<float>(n > 0 ? n : 1);
  f->dense[0] = std::log1p(static_cast<float>(n)) / std::log1p(static_cast<float>(kMaxNormalizedBytes));
  f->dense[1] = std::log1p(static_cast<float>(words)) / std::log1p(1024.0f);
  f->dense[2] = static_cast<float>(digits) / bytes;
  f->dense[3] = static_cast<float>(ops) / bytes;
  f->dense[4] = static_cast<float>(code) / bytes;
  f->dense[5] = raw.letters ? static_cast<float>(raw.uppercase) / static_cast<float>(raw.letters) : 0.0f;
  f->dense[6] = static_cast<float>(non_ascii) / bytes;
  f->dense[7] = question ? 1.0f : 0.0f;
}

}  // namespace kimi
