#pragma once
// Helpers for the language server's in-process tests: a pipe transport, JSON-RPC messages, a
// session that drives one Server as an editor would.

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "lsp/server.h"

namespace kflint::lsp_test {

using lsp::json;

// Feeds `input` in chunks of `chunk` bytes; collects everything written.
struct Pipe {
  std::string input;
  size_t pos = 0;
  size_t chunk = 1 << 20;
  std::string output;
  lsp::Transport transport() {
    return lsp::Transport(
        [this](char* buf, size_t cap) -> long {
          const size_t n = std::min({cap, chunk, input.size() - pos});
          std::memcpy(buf, input.data() + pos, n);
          pos += n;
          return static_cast<long>(n);
        },
        [this](int) { return pos < input.size(); }, [this](const std::string& s) { output += s; });
  }
  // Every message written, parsed.
  std::vector<json> messages() const {
    std::vector<json> out;
    size_t at = 0;
    while ((at = output.find("Content-Length: ", at)) != std::string::npos) {
      const size_t len = std::stoul(output.substr(at + 16));
      const size_t body = output.find("\r\n\r\n", at) + 4;
      out.push_back(json::parse(output.substr(body, len)));
      at = body + len;
    }
    return out;
  }
};

inline std::string frame(const json& j) {
  const std::string s = j.dump();
  return "Content-Length: " + std::to_string(s.size()) + "\r\n\r\n" + s;
}
inline json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}
inline json notification(const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
}
// A copy: the message list is usually a temporary.
inline json response(const std::vector<json>& all, int id) {
  for (const json& m : all)
    if (m.contains("id") && m["id"] == id) return m;
  return json::object();
}
inline std::vector<json> publications(const std::vector<json>& all) {
  std::vector<json> out;
  for (const json& m : all)
    if (m.value("method", "") == "textDocument/publishDiagnostics") out.push_back(m["params"]);
  return out;
}

inline const std::string kUri = "file:///tmp/kflint-lsp-test/job.yaml";
inline const std::string kJob =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: mnist\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replica: 2\n"
    "      template:\n        spec:\n          containers:\n            - name: trainer\n              image: kubeflow/tf-mnist:1.0\n"
    "              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n";


struct Session {
  Pipe pipe;
  lsp::Transport transport = pipe.transport();
  lsp::Server server{transport};
  void send(const json& j) {
    server.handle_raw(j.dump());
    server.publish_pending();
  }
  std::vector<json> all() const { return pipe.messages(); }
  void init(json capabilities = json::object()) {
    send(request(1, "initialize", {{"capabilities", capabilities}}));
    send(notification("initialized"));
  }
};


}  // namespace kflint::lsp_test
