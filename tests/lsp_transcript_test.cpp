// Replays recorded JSON-RPC sessions (tests/lsp_transcripts/*.jsonl, clangd style): each line
// is {"send": message} or {"expect": message}; an expectation matches the next server message as
// a subset (objects: listed keys only; arrays: same length, element-wise).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lsp/server.h"
#include "test_util.h"

namespace kflint {
namespace {

using lsp::json;

bool subset(const json& expected, const json& actual, std::string& why, const std::string& path = "") {
  if (expected.is_object()) {
    if (!actual.is_object()) return why = path + ": not an object", false;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual.contains(it.key())) return why = path + "." + it.key() + ": missing", false;
      if (!subset(it.value(), actual[it.key()], why, path + "." + it.key())) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size())
      return why = path + ": expected " + std::to_string(expected.size()) + " elements, got " + actual.dump().substr(0, 300), false;
    for (size_t i = 0; i < expected.size(); ++i)
      if (!subset(expected[i], actual[i], why, path + "[" + std::to_string(i) + "]")) return false;
    return true;
  }
  if (expected != actual) return why = path + ": expected " + expected.dump() + ", got " + actual.dump(), false;
  return true;
}

TEST(LspTranscripts, ReplayEveryTranscript) {
  size_t transcripts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(KFLINT_SOURCE_DIR) + "/tests/lsp_transcripts")) {
    if (entry.path().extension() != ".jsonl") continue;
    ++transcripts;
    std::string output;
    lsp::Transport t([](char*, size_t) -> long { return 0; }, [](int) { return false; }, [&](const std::string& s) { output += s; });
    lsp::Server server(t);
    size_t consumed = 0;  // bytes of `output` already matched
    auto next_message = [&]() -> std::optional<json> {
      const size_t at = output.find("Content-Length: ", consumed);
      if (at == std::string::npos) return std::nullopt;
      const size_t len = std::stoul(output.substr(at + 16));
      const size_t body = output.find("\r\n\r\n", at) + 4;
      consumed = body + len;
      return json::parse(output.substr(body, len));
    };
    std::ifstream in(entry.path());
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (line.empty()) continue;
      const json step = json::parse(line);
      if (step.contains("send")) {
        server.handle_raw(step["send"].dump());
        server.publish_pending();
      } else {
        const std::optional<json> got = next_message();
        ASSERT_TRUE(got) << entry.path().filename() << ":" << line_no << ": expected a message, the server sent nothing";
        std::string why;
        EXPECT_TRUE(subset(step["expect"], *got, why)) << entry.path().filename() << ":" << line_no << ": " << why;
      }
    }
  }
  EXPECT_GE(transcripts, 2u);
}

}  // namespace
}  // namespace kflint
