// Reading and writing the safetensors container: 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw little-endian tensor bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kimi/kimi.h"

namespace kimi {

struct TensorView {
  std::string dtype;            // "F32", "I8", ...
  std::vector<int64_t> shape;
  const uint8_t* data = nullptr;  // points into the parsed buffer (not necessarily aligned)
  std::size_t nbytes = 0;
};

struct SafetensorsFile {
  std::map<std::string, TensorView> tensors;
  std::map<std::string, std::string> metadata;
};

// Validates everything a reader can check without knowing the model: header length and JSON, dtype names,
// shape vs byte count, offsets inside the data section, no overlaps, no gaps. Never reads out of bounds.
Status parse_safetensors(const uint8_t* bytes, std::size_t size, SafetensorsFile* out);

struct OwnedTensor {
  std::string name;
  std::string dtype;  // "F32" or "I8"
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes;  // little-endian
};

// Deterministic output: tensors sorted by name, header JSON with sorted keys and no whitespace.
std::vector<uint8_t> write_safetensors(std::vector<OwnedTensor> tensors, const std::map<std::string, std::string>& metadata);

OwnedTensor make_f32_tensor(const std::string& name, std::vector<int64_t> shape, const float* values);

}  // namespace kimi
