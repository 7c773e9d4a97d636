// LSP framing on an arbitrary byte stream, read in chunks whose sizes come from the input.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "lsp/transport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0] % 64;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t pos = 0;
  std::string out;
  kflint::lsp::Transport t(
      [&](char* buf, size_t cap) -> long {
        const size_t n = std::min({cap, chunk, input.size() - pos});
        std::memcpy(buf, input.data() + pos, n);
        pos += n;
        return static_cast<long>(n);
      },
      [&](int) { return pos < input.size(); }, [&](const std::string& s) { out += s; });
  size_t guard = 0;
  while (auto m = t.next(true)) {
    if (++guard > input.size() + 2) std::abort();  // every message consumes input: no endless loop
    if (m->body.size() > kflint::lsp::kMaxMessageBytes) std::abort();
  }
  return 0;
}
