// Query normalization: see normalize.h. One pass over the input, no allocation.
#include "text/normalize.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define KIMI_NORMALIZE_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define KIMI_NORMALIZE_SSE2 1
#endif

namespace kimi {
namespace {

#if defined(KIMI_NORMALIZE_SSE2) || defined(KIMI_NORMALIZE_WASM)
int popcount16(uint32_t m) {
  m = m - ((m >> 1) & 0x5555u);
  m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
  m = (m + (m >> 4)) & 0x0F0Fu;
  return static_cast<int>((m + (m >> 8)) & 0x1Fu);
}
#endif

// Sixteen bytes at once, for the common case: printable ASCII with single spaces between words. Writes what
// the byte loop below would write for them, given the output so far (*len bytes) and whether a space is
// pending, and updates both: a space at the start of the block serves as the pending one (not at the start of
// the output, where spaces are dropped), a space at its end becomes pending. Returns false (writing nothing)
// when the block has anything else; out needs room for 17 more bytes.
bool ascii_block16(const unsigned char* s, char* out, std::size_t* len, bool* pending, NormalizeStats* st) {
#if defined(KIMI_NORMALIZE_SSE2)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  auto in_range = [&v](char lo, char hi) {  // lo <= byte <= hi, as signed bytes (>= 0x80 is negative: never)
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))), _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  const uint32_t printable = static_cast<uint32_t>(_mm_movemask_epi8(in_range(0x21, 0x7E)));
  const uint32_t space = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
#elif defined(KIMI_NORMALIZE_WASM)
  const v128_t v = wasm_v128_load(s);
  auto in_range = [&v](uint8_t lo, uint8_t hi) { return wasm_v128_and(wasm_u8x16_ge(v, wasm_u8x16_splat(lo)), wasm_u8x16_le(v, wasm_u8x16_splat(hi))); };
  const uint32_t printable = wasm_i8x16_bitmask(in_range(0x21, 0x7E));
  const uint32_t space = wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_u8x16_splat(' ')));
#else
  (void)s, (void)out, (void)len, (void)pending, (void)st;
  return false;
#endif
#if defined(KIMI_NORMALIZE_SSE2) || defined(KIMI_NORMALIZE_WASM)
  if ((printable | space) != 0xFFFFu || (space & (space >> 1)) != 0) return false;
  const bool lead_space = space & 1u, trail_space = space & 0x8000u;
  if (lead_space && *len == 0) return false;  // leading spaces of the output are dropped: the byte loop does that
  char* dst = out + *len;
  if (*pending && !lead_space) *dst++ = ' ';
#if defined(KIMI_NORMALIZE_SSE2)
  const __m128i upper = in_range('A', 'Z');
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(32))));
  const uint32_t up = static_cast<uint32_t>(_mm_movemask_epi8(upper));
  const uint32_t low = static_cast<uint32_t>(_mm_movemask_epi8(in_range('a', 'z')));
#else
  const v128_t upper = in_range('A', 'Z');
  wasm_v128_store(dst, wasm_i8x16_add(v, wasm_v128_and(upper, wasm_u8x16_splat(32))));
  const uint32_t up = wasm_i8x16_bitmask(upper);
  const uint32_t low = wasm_i8x16_bitmask(in_range('a', 'z'));
#endif
  st->letters += static_cast<uint32_t>(popcount16(up | low));
  st->uppercase += static_cast<uint32_t>(popcount16(up));
  *len = static_cast<std::size_t>(dst - out) + (trail_space ? 15 : 16);  // a trailing space is left pending
  *pending = trail_space;
  return true;
#endif
}

bool is_space_or_control(uint32_t cp) {
  if (cp <= 0x20 || cp == 0x7F) return true;                 // ASCII controls, NUL and space
  if (cp >= 0x80 && cp <= 0x9F) return true;                 // C1 controls
  if (cp == 0xA0 || cp == 0x1680 || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF)
    return true;
  return cp >= 0x2000 && cp <= 0x200B;                       // en/em spaces ... zero-width space
}

// Lowercases the scripts users of this product commonly type: Latin-1, Latin Extended-A, Greek, Cyrillic.
uint32_t to_lower(uint32_t cp, NormalizeStats* st) {
  uint32_t lower = cp;
  if (cp >= 'A' && cp <= 'Z') lower = cp + 32;
  else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) lower = cp + 32;
  else if (cp >= 0x100 && cp <= 0x137 && (cp & 1) == 0) lower = cp + 1;
  else if (cp >= 0x139 && cp <= 0x148 && (cp & 1) == 1) lower = cp + 1;
  else if (cp >= 0x14A && cp <= 0x177 && (cp & 1) == 0) lower = cp + 1;
  else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) lower = cp + 32;
  else if (cp >= 0x410 && cp <= 0x42F) lower = cp + 32;
  else if (cp >= 0x400 && cp <= 0x40F) lower = cp + 80;
  bool letter = (lower >= 'a' && lower <= 'z') || (lower >= 0xDF && lower <= 0x24F && lower != 0xF7) ||
                (lower >= 0x3B1 && lower <= 0x3C9) || (lower >= 0x430 && lower <= 0x45F);
  if (letter) {
    ++st->letters;
    if (lower != cp) ++st->uppercase;
  }
  return lower;
}

}  // namespace

std::size_t decode_utf8(const unsigned char* s, std::size_t n, std::size_t i, uint32_t* cp, bool* valid) {
  unsigned char b0 = s[i];
  *valid = true;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  std::size_t len;
  uint32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; *cp = b0 & 0x1F; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; *cp = b0 & 0x0F; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; *cp = b0 & 0x07; min = 0x10000; }
  else { *cp = 0xFFFD; *valid = false; return 1; }
  if (i + len > n) { *cp = 0xFFFD; *valid = false; return 1; }
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char b = s[i + k];
    if ((b & 0xC0) != 0x80) { *cp = 0xFFFD; *valid = false; return 1; }
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) {  // overlong, too big, surrogate
    *cp = 0xFFFD;
    *valid = false;
    return 1;
  }
  return len;
}

std::size_t encode_utf8(uint32_t cp, char* out) {
  if (cp < 0x80) { out[0] = static_cast<char>(cp); return 1; }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

std::size_t normalize(std::string_view input, char* out, NormalizeStats* stats) {
  NormalizeStats st;
  const auto* s = reinterpret_cast<const unsigned char*>(input.data());
  const std::size_t n = input.size();
  std::size_t len = 0;
  bool pending_space = false;
  std::size_t i = 0;
  while (i < n) {
    if (i + 16 <= n && len + 17 <= kMaxNormalizedBytes && ascii_block16(s + i, out, &len, &pending_space, &st)) {
      i += 16;
      continue;
    }
    const unsigned char c = s[i];
    if (c == ' ') {  // the most common separator: same as the general path's space handling
      pending_space = len > 0;
      ++i;
      continue;
    }
    if (c > 0x20 && c < 0x7F && len + 1 + (pending_space ? 1 : 0) <= kMaxNormalizedBytes) {
      // Printable ASCII, the common case: no decoding, one byte out (same result as the general path).
      if (pending_space) out[len++] = ' ';
      pending_space = false;
      const bool upper = c >= 'A' && c <= 'Z';
      st.letters += upper || (c >= 'a' && c <= 'z');
      st.uppercase += upper;
      out[len++] = static_cast<char>(upper ? c + 32 : c);
      ++i;
      continue;
    }
    uint32_t cp;
    bool valid;
    std::size_t used = decode_utf8(s, n, i, &cp, &valid);
    if (!valid) st.invalid_utf8 = true;
    if (is_space_or_control(cp)) {
      pending_space = len > 0;
      i += used;
      continue;
    }
    char buf[4];
    std::size_t w = encode_utf8(to_lower(cp, &st), buf);
    std::size_t need = w + (pending_space ? 1 : 0);
    if (len + need > kMaxNormalizedBytes) {
      st.truncated = true;  // a code point never gets split: the output stays valid UTF-8
      break;
    }
    if (pending_space) out[len++] = ' ';
    pending_space = false;
    for (std::size_t k = 0; k < w; ++k) out[len++] = buf[k];
    i += used;
  }
  if (stats) *stats = st;
  return len;
}

}  // namespace kimi
