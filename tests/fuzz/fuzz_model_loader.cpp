// libFuzzer target: the safetensors model loader on arbitrary bytes (seeded with real, tiny model files).
#include <cstdint>

#include "model/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  kimi::Model model;
  kimi::Status s = kimi::load_model(data, size, &model);
  if (s.ok()) {  // whatever loads must be usable: run a forward pass on every network
    kimi::Features* f = new kimi::Features();
    f->count = 3;
    f->ids[0] = 1;
    f->ids[1] = 0xFFFFFFFFu;
    f->ids[2] = 12345;
    for (float& d : f->dense) d = 0.5f;
    for (int net = -1; net < kimi::kNumDomains; ++net) {
      const kimi::Network& n = net < 0 ? model.router : model.experts[net];
      std::vector<float> scratch(2 * n.max_width()), probs(n.output_dim());
      n.forward(*f, scratch.data(), probs.data());
    }
    delete f;
  }
  return 0;
}
