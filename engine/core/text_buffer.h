// A fixed-capacity text builder for answers composed at query time: appends what fits, never allocates,
// and never cuts a UTF-8 sequence in half.
#pragma once
#include <cstddef>
#include <cstdio>
#include <string_view>

namespace kimi {

// Longest prefix of s that is at most max bytes and does not end inside a UTF-8 sequence.
inline std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

template <std::size_t N>
class TextBuffer {
 public:
  void clear() { len_ = 0; }
  TextBuffer& append(std::string_view s) {
    std::string_view fit = utf8_prefix(s, N - len_);
    for (char c : fit) data_[len_++] = c;
    return *this;
  }
  TextBuffer& append_uint(unsigned long long v) {
    char tmp[24];
    int n = std::snprintf(tmp, sizeof tmp, "%llu", v);
    return append(std::string_view(tmp, static_cast<std::size_t>(n)));
  }
  std::string_view view() const { return std::string_view(data_, len_); }
  std::size_t size() const { return len_; }

 private:
  char data_[N];
  std::size_t len_ = 0;
};

}  // namespace kimi
