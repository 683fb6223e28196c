// Model loading and serialization (see model.h).
#include "model/model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "model/safetensors.h"

namespace kimi {
namespace {

Status mismatch(const std::string& msg) { return {ErrorCode::kModelMismatch, "model does not fit this engine: " + msg}; }

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
  return s;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string format_float(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  return buf;
}

Status read_float(const std::map<std::string, std::string>& meta, const std::string& key, float lo, float hi, float* out) {
  auto it = meta.find(key);
  if (it == meta.end()) return mismatch("metadata '" + key + "' is missing");
  char* end = nullptr;
  float v = std::strtof(it->second.c_str(), &end);
  if (end == it->second.c_str() || *end != '\0' || !std::isfinite(v) || v < lo || v > hi)
    return mismatch("metadata '" + key + "' = '" + it->second + "' is not a number in [" + format_float(lo) + ", " +
                    format_float(hi) + "]");
  *out = v;
  return {};
}

Status read_f32(const SafetensorsFile& file, const std::string& name, const std::vector<int64_t>& shape,
                std::vector<float>* out) {
  auto it = file.tensors.find(name);
  if (it == file.tensors.end()) return mismatch("tensor '" + name + "' is missing");
  const TensorView& t = it->second;
  if (t.dtype != "F32") return mismatch("tensor '" + name + "' has dtype " + t.dtype + ", expected F32");
  if (t.shape != shape) {
    auto str = [](const std::vector<int64_t>& s) {
      std::string r = "[";
      for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
      return r + "]";
    };
    return mismatch("tensor '" + name + "' has shape " + str(t.shape) + ", expected " + str(shape));
  }
  out->resize(t.nbytes / 4);
  for (std::size_t i = 0; i < out->size(); ++i) {
    uint32_t bits = 0;
    for (int k = 3; k >= 0; --k) bits = (bits << 8) | t.data[i * 4 + k];
    float v;
    std::memcpy(&v, &bits, 4);
    if (!std::isfinite(v))
      return {ErrorCode::kModelCorrupt, "model file is corrupt: tensor '" + name + "' holds a NaN or infinity at index " +
                                            std::to_string(i)};
    (*out)[i] = v;
  }
  return {};
}

const TensorView* find(const SafetensorsFile& f, const std::string& name) {
  auto it = f.tensors.find(name);
  return it == f.tensors.end() ? nullptr : &it->second;
}

Status load_network(const SafetensorsFile& file, const std::string& net, std::size_t outputs, Network* n) {
  const TensorView* emb = find(file, net + ".embedding");
  if (!emb) return mismatch("tensor '" + net + ".embedding' is missing");
  if (emb->shape.size() != 2) return mismatch("tensor '" + net + ".embedding' must have 2 dimensions");
  const int64_t buckets = emb->shape[0], dim = emb->shape[1];
  if (buckets < 1 || buckets > (1 << 24) || (buckets & (buckets - 1)) != 0)
    return mismatch("'" + net + ".embedding' has " + std::to_string(buckets) + " rows; expected a power of two <= 2^24");
  if (dim < 1 || dim > 4096) return mismatch("'" + net + ".embedding' width " + std::to_string(dim) + " is out of range");
  n->buckets = static_cast<uint32_t>(buckets);
  n->embedding_dim = static_cast<std::size_t>(dim);
  Status s;
  if (emb->dtype == "I8") {  // int8 rows with per-column scales in "<net>.embedding_scale"
    if (emb->nbytes != static_cast<std::size_t>(buckets * dim))
      return mismatch("tensor '" + net + ".embedding' has " + std::to_string(emb->nbytes) + " bytes for its shape");
    n->embedding_q.assign(reinterpret_cast<const int8_t*>(emb->data), reinterpret_cast<const int8_t*>(emb->data) + emb->nbytes);
    n->embedding.clear();
    if (!(s = read_f32(file, net + ".embedding_scale", {dim}, &n->embedding_scale)).ok()) return s;
    for (float v : n->embedding_scale)
      if (v < 0.0f) return {ErrorCode::kModelCorrupt, "model file is corrupt: '" + net + ".embedding_scale' has a negative scale"};
  } else {
    n->embedding_q.clear();
    n->embedding_scale.clear();
    if (!(s = read_f32(file, net + ".embedding", {buckets, dim}, &n->embedding)).ok()) return s;
  }
  n->layers.clear();
  int64_t in = dim + kDenseFeatures;
  for (int i = 0;; ++i) {
    const std::string w = net + ".layer" + std::to_string(i) + ".weight";
    const TensorView* tw = find(file, w);
    if (!tw) break;
    if (i >= 8) return mismatch("'" + net + "' has more than 8 layers");
    if (tw->shape.size() != 2 || tw->shape[0] < 1 || tw->shape[0] > 4096)
      return mismatch("tensor '" + w + "' must be [out, in] with 1 <= out <= 4096");
    DenseLayer layer;
    const int64_t out = tw->shape[0];
    if ((s = read_f32(file, w, {out, in}, &layer.weight)).code != ErrorCode::kOk) return s;
    if ((s = read_f32(file, net + ".layer" + std::to_string(i) + ".bias", {out}, &layer.bias)).code != ErrorCode::kOk)
      return s;
    layer.in = static_cast<std::size_t>(in);
    layer.out = static_cast<std::size_t>(out);
    n->layers.push_back(std::move(layer));
    in = out;
  }
  if (n->layers.empty()) return mismatch("'" + net + "' has no layers ('" + net + ".layer0.weight' is missing)");
  if (n->output_dim() != outputs)
    return mismatch("'" + net + "' has " + std::to_string(n->output_dim()) + " outputs, its labels number " +
                    std::to_string(outputs));
  auto inputs = file.metadata.find(net + ".inputs");  // optional: "words" = word-level ids only
  n->words_only = inputs != file.metadata.end() && inputs->second == "words";
  if (inputs != file.metadata.end() && inputs->second != "words" && inputs->second != "all")
    return mismatch("metadata '" + net + ".inputs' is '" + inputs->second + "', expected 'words' or 'all'");
  return read_float(file.metadata, net + ".temperature", 0.01f, 100.0f, &n->temperature);
}

bool valid_intent_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

std::string network_name(int net) { return net < 0 ? std::string("router") : "expert." + std::string(domain_name(net)); }

Status load_model(const uint8_t* bytes, std::size_t size, Model* model) {
  SafetensorsFile file;
  Status s = parse_safetensors(bytes, size, &file);
  if (!s.ok()) return s;
  const auto& meta = file.metadata;
  auto get = [&](const std::string& k) {
    auto it = meta.find(k);
    return it == meta.end() ? std::string() : it->second;
  };
  if (get("kimi.format") != kModelFormat)
    return mismatch("metadata 'kimi.format' is '" + get("kimi.format") + "', expected '" + kModelFormat + "'");
  if (get("kimi.features") != kFeatureSignature)
    return mismatch("trained with features '" + get("kimi.features") + "', this engine extracts '" +
                    kFeatureSignature + "'");
  std::vector<std::string> domains;
  for (int d = 0; d < kNumDomains; ++d) domains.push_back(domain_name(d));
  if (get("kimi.domains") != join(domains))
    return mismatch("domain labels are '" + get("kimi.domains") + "', expected '" + join(domains) + "'");
  if (!(s = read_float(meta, "kimi.abstain_floor", 0.0f, 1.0f, &model->abstain_floor)).ok()) return s;
  if (!(s = read_float(meta, "kimi.consensus_threshold", 0.0f, 1.0f, &model->consensus_threshold)).ok()) return s;
  if (!(s = read_float(meta, "kimi.consensus_floor", 0.0f, 1.0f, &model->consensus_floor)).ok()) return s;
  if (!(s = load_network(file, "router", kNumDomains, &model->router)).ok()) return s;
  for (int d = 0; d < kNumDomains; ++d) {
    const std::string net = network_name(d);
    const std::string ids = get(net + ".intents");
    if (ids.empty()) return mismatch("metadata '" + net + ".intents' is missing");
    model->intents[d] = split(ids);
    for (const auto& id : model->intents[d])
      if (!valid_intent_id(id)) return mismatch("'" + net + ".intents' has an invalid intent id '" + id + "'");
    if (!(s = load_network(file, net, model->intents[d].size(), &model->experts[d])).ok()) return s;
  }
  return {};
}

std::vector<uint8_t> serialize_model(const Model& model) {
  std::vector<OwnedTensor> tensors;
  std::map<std::string, std::string> meta;
  std::vector<std::string> domains;
  for (int d = 0; d < kNumDomains; ++d) domains.push_back(domain_name(d));
  meta["kimi.format"] = kModelFormat;
  meta["kimi.features"] = kFeatureSignature;
  meta["kimi.domains"] = join(domains);
  meta["kimi.abstain_floor"] = format_float(model.abstain_floor);
  meta["kimi.consensus_threshold"] = format_float(model.consensus_threshold);
  meta["kimi.consensus_floor"] = format_float(model.consensus_floor);
  for (int net = -1; net < kNumDomains; ++net) {
    const Network& n = net < 0 ? model.router : model.experts[net];
    const std::string name = network_name(net);
    meta[name + ".temperature"] = format_float(n.temperature);
    if (n.words_only) meta[name + ".inputs"] = "words";
    if (net >= 0) meta[name + ".intents"] = join(model.intents[net]);
    if (n.quantized()) {
      OwnedTensor q{name + ".embedding", "I8", {int64_t(n.buckets), int64_t(n.embedding_dim)}, {}};
      q.bytes.assign(reinterpret_cast<const uint8_t*>(n.embedding_q.data()),
                     reinterpret_cast<const uint8_t*>(n.embedding_q.data()) + n.embedding_q.size());
      tensors.push_back(std::move(q));
      tensors.push_back(make_f32_tensor(name + ".embedding_scale", {int64_t(n.embedding_dim)}, n.embedding_scale.data()));
    } else {
      tensors.push_back(make_f32_tensor(name + ".embedding", {int64_t(n.buckets), int64_t(n.embedding_dim)}, n.embedding.data()));
    }
    for (std::size_t i = 0; i < n.layers.size(); ++i) {
      const DenseLayer& l = n.layers[i];
      const std::string p = name + ".layer" + std::to_string(i);
      tensors.push_back(make_f32_tensor(p + ".weight", {int64_t(l.out), int64_t(l.in)}, l.weight.data()));
      tensors.push_back(make_f32_tensor(p + ".bias", {int64_t(l.out)}, l.bias.data()));
    }
  }
  return write_safetensors(std::move(tensors), meta);
}

}  // namespace kimi
