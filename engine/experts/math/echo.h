// The expression as the maths expert understood it, rebuilt while parsing ("17 × 23", "√144", "15% of 80"):
// a fixed buffer that also supports the small edits rendering needs (wrapping an argument in parentheses).
#pragma once
#include <cstddef>
#include <string_view>

namespace kimi::math {

class Echo {
 public:
  static constexpr std::size_t kCapacity = 1024;

  void clear() { len_ = 0; overflow_ = false; }
  void append(std::string_view s) { insert(len_, s); }
  void insert(std::size_t pos, std::string_view s) {
    if (pos > len_) return;
    if (len_ + s.size() > kCapacity) {
      overflow_ = true;  // the answer then ends the expression with "…"
      return;
    }
    for (std::size_t i = len_; i > pos; --i) data_[i - 1 + s.size()] = data_[i - 1];
    for (std::size_t i = 0; i < s.size(); ++i) data_[pos + i] = s[i];
    len_ += s.size();
  }
  void erase(std::size_t pos, std::size_t n) {
    if (pos >= len_) return;
    if (n > len_ - pos) n = len_ - pos;
    for (std::size_t i = pos; i + n < len_; ++i) data_[i] = data_[i + n];
    len_ -= n;
  }
  std::size_t size() const { return len_; }
  std::string_view view() const { return std::string_view(data_, len_); }
  std::string_view from(std::size_t pos) const { return pos <= len_ ? view().substr(pos) : std::string_view(); }
  bool overflow() const { return overflow_; }

 private:
  char data_[kCapacity];
  std::size_t len_ = 0;
  bool overflow_ = false;
};

}  // namespace kimi::math
