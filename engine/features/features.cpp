// Feature extraction (see features.h). Tokens are runs of letters/digits/underscore/non-ASCII bytes; every
// other printable ASCII character is a token of its own, so code punctuation ("->", "{", "==") is visible.
#include "features/features.h"

#include <cmath>

#include "features/hashing.h"

namespace kimi {
namespace {

constexpr uint64_t kSeedWord = 0x11;
constexpr uint64_t kSeedBigram = 0x22;
constexpr uint64_t kSeedChar = 0x33;
constexpr std::size_t kCharMin = 3;
constexpr std::size_t kCharMax = 4;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80 || (c >= 'A' && c <= 'Z');
}

bool is_operator(char c) { return c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == '=' || c == '%' || c == '<' || c == '>'; }

bool is_code_punct(char c) {
  switch (c) {
    case '{': case '}': case '[': case ']': case '(': case ')': case ';': case ':': case '_': case '#':
    case '"': case '\'': case '`': case '\\': case '|': case '&': case '$': case '@': case '.':
      return true;
    default:
      return false;
  }
}

// Character n-grams of "<word>" (fastText style): the markers let prefixes and suffixes hash differently.
// FNV-1a is a running hash, so the 3- and 4-grams at one start share their prefix work; each id equals
// hash_bytes(gram, len, kSeedChar).
void add_char_ngrams(const char* w, std::size_t n, Features* f) {
  const std::size_t total = n + 2;  // with '<' and '>'
  auto at = [&](std::size_t k) { return k == 0 ? '<' : (k == total - 1 ? '>' : w[k - 1]); };
  for (std::size_t start = 0; start + kCharMin <= total; ++start) {
    uint64_t h = kFnvBasis ^ kSeedChar;
    const std::size_t end = start + kCharMax < total ? start + kCharMax : total;
    for (std::size_t k = start; k < end; ++k) {
      h = (h ^ static_cast<unsigned char>(at(k))) * kFnvPrime;
      if (k + 1 - start >= kCharMin) f->ids[f->count++] = static_cast<uint32_t>(mix64(h));
    }
  }
}

}  // namespace

void extract_features(std::string_view text, const NormalizeStats& raw, Features* f) {
  f->count = 0;
  const char* s = text.data();
  const std::size_t n = text.size();
  uint64_t prev = 0;
  bool have_prev = false;
  std::size_t words = 0, digits = 0, ops = 0, code = 0, non_ascii = 0;
  bool question = false;
  // Word ids first, then every word's char n-grams, so a network can read the word-level prefix alone.
  uint16_t word_start[kMaxNormalizedBytes / 2 + 1], word_len[kMaxNormalizedBytes / 2 + 1];
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ') { ++i; continue; }
    std::size_t start = i;
    if (is_word_byte(c)) {
      while (i < n && is_word_byte(static_cast<unsigned char>(s[i]))) ++i;
    } else {
      ++i;
    }
    const std::size_t len = i - start;
    for (std::size_t k = start; k < i; ++k) {
      char ch = s[k];
      if (ch >= '0' && ch <= '9') ++digits;
      else if (is_operator(ch)) ++ops;
      else if (is_code_punct(ch)) ++code;
      else if (static_cast<unsigned char>(ch) >= 0x80) ++non_ascii;
      if (ch == '?') question = true;
    }
    uint64_t h = hash_bytes(s + start, len, kSeedWord);
    f->ids[f->count++] = static_cast<uint32_t>(h);
    if (have_prev) f->ids[f->count++] = static_cast<uint32_t>(hash_combine(prev ^ kSeedBigram, h));
    prev = h;
    have_prev = true;
    if (is_word_byte(c)) {
      word_start[words] = static_cast<uint16_t>(start);
      word_len[words] = static_cast<uint16_t>(len);
      ++words;
    }
  }
  f->word_count = f->count;
  for (std::size_t w = 0; w < words; ++w) add_char_ngrams(s + word_start[w], word_len[w], f);
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
