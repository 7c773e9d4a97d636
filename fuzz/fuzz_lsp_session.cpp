// A whole LSP session: the input is split at NUL bytes into message bodies, after a fixed
// initialize and didOpen of a real manifest, so edits, hovers, completions and code actions
// reach an open document.
#include <cstdint>
#include <string>

#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint::lsp;
  std::string sink;
  Transport t([](char*, size_t) -> long { return 0; }, [](int) { return false; }, [&](const std::string& s) { sink += s; });
  Server server(t);
  server.handle_raw(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  server.handle_raw(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  server.handle_raw(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f.yaml","version":1,"text":"apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replica: 2\n      template:\n        spec:\n          containers:\n            - name: trainer\n              image: a/b\n"}}})");
  server.publish_pending();
  const std::string input(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= input.size() && !server.exited()) {
    size_t end = input.find('\0', start);
    if (end == std::string::npos) end = input.size();
    server.handle_raw(input.substr(start, end - start));
    server.publish_pending();
    start = end + 1;
    if (sink.size() > (1u << 24)) sink.clear();
  }
  return 0;
}
