// safetensors container (see safetensors.h).
#include "model/safetensors.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

namespace kimi {
namespace {

constexpr uint64_t kMaxHeaderBytes = 100u << 20;  // the format's own limit (100 MB)

std::size_t dtype_size(const std::string& dtype) {
  if (dtype == "F32" || dtype == "I32" || dtype == "U32") return 4;
  if (dtype == "F16" || dtype == "BF16" || dtype == "I16" || dtype == "U16") return 2;
  if (dtype == "I8" || dtype == "U8" || dtype == "BOOL") return 1;
  if (dtype == "F64" || dtype == "I64" || dtype == "U64") return 8;
  return 0;
}

Status corrupt(std::string msg) { return {ErrorCode::kModelCorrupt, "model file is corrupt: " + std::move(msg)}; }

}  // namespace

Status parse_safetensors(const uint8_t* bytes, std::size_t size, SafetensorsFile* out) {
  out->tensors.clear();
  out->metadata.clear();
  if (size < 8) return corrupt("only " + std::to_string(size) + " bytes, shorter than the 8-byte header length");
  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | bytes[i];
  if (header_len > kMaxHeaderBytes || header_len > size - 8)
    return corrupt("header length " + std::to_string(header_len) + " exceeds the file size " + std::to_string(size));
  const char* hdr = reinterpret_cast<const char*>(bytes + 8);
  nlohmann::json j = nlohmann::json::parse(hdr, hdr + header_len, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return corrupt("header is not a JSON object");
  const uint8_t* data = bytes + 8 + header_len;
  const std::size_t data_size = size - 8 - header_len;

  struct Span { std::size_t begin, end; std::string name; };
  std::vector<Span> spans;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& name = it.key();
    const nlohmann::json& v = it.value();
    if (name == "__metadata__") {
      if (!v.is_object()) return corrupt("__metadata__ is not an object");
      for (auto m = v.begin(); m != v.end(); ++m) {
        if (!m.value().is_string()) return corrupt("metadata value '" + m.key() + "' is not a string");
        out->metadata[m.key()] = m.value().get<std::string>();
      }
      continue;
    }
    if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
      return corrupt("tensor '" + name + "' lacks dtype, shape or data_offsets");
    const auto& dt = v["dtype"];
    const auto& sh = v["shape"];
    const auto& off = v["data_offsets"];
    if (!dt.is_string()) return corrupt("tensor '" + name + "' dtype is not a string");
    TensorView t;
    t.dtype = dt.get<std::string>();
    const std::size_t esize = dtype_size(t.dtype);
    if (esize == 0) return corrupt("tensor '" + name + "' has unknown dtype '" + t.dtype + "'");
    if (!sh.is_array() || sh.size() > 8) return corrupt("tensor '" + name + "' shape is not an array of <= 8 dims");
    uint64_t elements = 1;
    for (const auto& d : sh) {
      if (!d.is_number_unsigned()) return corrupt("tensor '" + name + "' has a non-integer or negative dimension");
      uint64_t dim = d.get<uint64_t>();
      if (dim > (1ull << 32) || (dim && elements > (1ull << 40) / dim))
        return corrupt("tensor '" + name + "' is impossibly large");
      elements *= dim;
      t.shape.push_back(static_cast<int64_t>(dim));
    }
    if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
      return corrupt("tensor '" + name + "' data_offsets is not [begin, end]");
    uint64_t begin = off[0].get<uint64_t>(), end = off[1].get<uint64_t>();
    if (begin > end || end > data_size)
      return corrupt("tensor '" + name + "' offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                     "] fall outside the " + std::to_string(data_size) + "-byte data section");
    if (end - begin != elements * esize)
      return corrupt("tensor '" + name + "' has " + std::to_string(end - begin) + " bytes but its shape needs " +
                     std::to_string(elements * esize));
    t.data = data + begin;
    t.nbytes = static_cast<std::size_t>(end - begin);
    spans.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(end), name});
    out->tensors.emplace(name, std::move(t));
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::size_t expected = 0;
  for (const Span& s : spans) {
    if (s.begin < expected) return corrupt("tensor '" + s.name + "' overlaps another tensor");
    if (s.begin > expected) return corrupt("gap in the data section before tensor '" + s.name + "'");
    expected = s.end;
  }
  if (expected != data_size)
    return corrupt(std::to_string(data_size - expected) + " unexpected trailing bytes after the last tensor");
  return {};
}

std::vector<uint8_t> write_safetensors(std::vector<OwnedTensor> tensors, const std::map<std::string, std::string>& metadata) {
  std::sort(tensors.begin(), tensors.end(), [](const OwnedTensor& a, const OwnedTensor& b) { return a.name < b.name; });
  nlohmann::json header = nlohmann::json::object();  // std::map-backed: keys serialize sorted
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::size_t offset = 0;
  for (const auto& t : tensors) {
    header[t.name] = {{"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.bytes.size()}}};
    offset += t.bytes.size();
  }
  std::string h = header.dump();
  while ((8 + h.size()) % 8 != 0) h.push_back(' ');  // keep tensor data 8-byte aligned, as the format recommends
  std::vector<uint8_t> out(8 + h.size() + offset);
  uint64_t n = h.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(n >> (8 * i));
  std::memcpy(out.data() + 8, h.data(), h.size());
  std::size_t pos = 8 + h.size();
  for (const auto& t : tensors) {
    if (!t.bytes.empty()) std::memcpy(out.data() + pos, t.bytes.data(), t.bytes.size());
    pos += t.bytes.size();
  }
  return out;
}

OwnedTensor make_f32_tensor(const std::string& name, std::vector<int64_t> shape, const float* values) {
  OwnedTensor t{name, "F32", std::move(shape), {}};
  std::size_t n = 1;
  for (int64_t d : t.shape) n *= static_cast<std::size_t>(d);
  t.bytes.resize(n * 4);
  for (std::size_t i = 0; i < n; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &values[i], 4);
    for (int k = 0; k < 4; ++k) t.bytes[i * 4 + k] = static_cast<uint8_t>(bits >> (8 * k));
  }
  return t;
}

}  // namespace kimi
