// Reading a JSON-RPC message the direct way (lsp/json_fast: large strings scanned with memchr, the
// largest decoded in place in the message's own buffer) against nlohmann's ordinary parse of the
// same bytes: the same value, or both refuse. The first byte picks the size from which a string
// counts as large, so every string of a small input takes the direct path.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lsp/json_fast.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t threshold = 1 + data[0] % 16;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const nlohmann::json ordinary = nlohmann::json::parse(body, nullptr, false);
  const nlohmann::json direct = kflint::lsp::parse_message(body, threshold);
  if (direct.is_discarded() != ordinary.is_discarded()) std::abort();
  if (!ordinary.is_discarded() && direct != ordinary) std::abort();
  return 0;
}
