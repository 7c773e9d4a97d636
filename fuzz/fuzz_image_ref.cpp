// Image references: never crash; a valid reference re-assembled from its parts parses the same.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rules/engine/image_ref.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const ImageRef r = parse_image_ref(text);
  if (r.valid != r.error.empty()) std::abort();
  if (!r.valid) return 0;
  const std::string again = (r.domain.empty() ? "" : r.domain + "/") + r.path + (r.tag.empty() ? "" : ":" + r.tag) + (r.digest.empty() ? "" : "@" + r.digest);
  const ImageRef r2 = parse_image_ref(again);
  if (!r2.valid || r2.domain != r.domain || r2.path != r.path || r2.tag != r.tag || r2.digest != r.digest) std::abort();
  return 0;
}
