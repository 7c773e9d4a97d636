// The language server in-process: framing edge cases, JSON-RPC errors and lifecycle, incremental
// edits in both encodings, per-document re-lint, code actions, hover, completion, symbols, and
// the promise that the LSP and the CLI report the same diagnostics for the same text.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <set>

#include "lsp/server.h"
#include "core/config.h"
#include "rules/engine/options.h"
#include "rules/engine/registry.h"
#include "cli_test_util.h"

namespace kflint {
namespace {

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

std::string frame(const json& j) {
  const std::string s = j.dump();
  return "Content-Length: " + std::to_string(s.size()) + "\r\n\r\n" + s;
}
json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}
json notification(const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
}
// A copy: the message list is usually a temporary.
json response(const std::vector<json>& all, int id) {
  for (const json& m : all)
    if (m.contains("id") && m["id"] == id) return m;
  return json::object();
}
std::vector<json> publications(const std::vector<json>& all) {
  std::vector<json> out;
  for (const json& m : all)
    if (m.value("method", "") == "textDocument/publishDiagnostics") out.push_back(m["params"]);
  return out;
}

const std::string kUri = "file:///tmp/kflint-lsp-test/job.yaml";
const std::string kJob =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: mnist\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replica: 2\n"
    "      template:\n        spec:\n          containers:\n            - name: trainer\n              image: kubeflow/tf-mnist:1.0\n"
    "              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n";

TEST(LspTransport, ShortReadsSplitHeadersAndSeveralMessagesPerRead) {
  Pipe p;
  p.input = frame(request(1, "a")) + frame(request(2, "b")) + frame(request(3, "c"));
  for (size_t chunk : {1u, 3u, 17u, 4096u}) {
    p.pos = 0;
    p.chunk = chunk;
    lsp::Transport t = p.transport();
    std::vector<std::string> methods;
    while (auto m = t.next(true)) methods.push_back(json::parse(m->body)["method"]);
    EXPECT_EQ(methods, (std::vector<std::string>{"a", "b", "c"})) << "chunk " << chunk;
  }
}

TEST(LspTransport, BadHeadersLyingLengthsAndEof) {
  Pipe p;
  p.input = "Content-Type: x\r\n\r\n" + std::string("Content-Length: abc\r\n\r\n") + frame(request(1, "ok")) + "Content-Length: 100\r\n\r\n{\"short\":1}";
  lsp::Transport t = p.transport();
  std::vector<std::string> errors;
  std::vector<std::string> bodies;
  while (auto m = t.next(true)) (m->error.empty() ? bodies : errors).push_back(m->error.empty() ? m->body : m->error);
  EXPECT_EQ(errors, (std::vector<std::string>{"missing Content-Length header", "invalid Content-Length header", "end of input in the middle of a message"}));
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(json::parse(bodies[0])["method"], "ok");
}

TEST(LspTransport, OversizedMessagesAreSkippedAndTheNextOneIsRead) {
  Pipe p;
  const size_t huge = lsp::kMaxMessageBytes + 10;
  p.input = "Content-Length: " + std::to_string(huge) + "\r\n\r\n" + std::string(huge, 'x') + frame(request(7, "after"));
  p.chunk = 1 << 16;
  lsp::Transport t = p.transport();
  auto first = t.next(true);
  ASSERT_TRUE(first);
  EXPECT_NE(first->error.find("exceeds the limit"), std::string::npos);
  auto second = t.next(true);
  ASSERT_TRUE(second);
  EXPECT_EQ(json::parse(second->body)["method"], "after");
}

// After a bad frame the reader finds the next header and goes on: an absurd or oversized length
// with a short body, LF-only headers, a body with no header at all.
TEST(LspTransport, ResynchronisesAfterEveryKindOfBadFrame) {
  const std::vector<std::string> bad = {
      "Content-Length: 18446744073709551616\r\n\r\n{}",
      "Content-Length: " + std::to_string(lsp::kMaxMessageBytes + 1) + "\r\n\r\n{\"short\": true}",
      "{\"jsonrpc\": \"2.0\", \"method\": \"no-header\"}\r\n",
      "Content-Length: -5\r\n\r\n",
      "Content-Type: text/plain\r\n\r\n",
  };
  for (const std::string& b : bad) {
    Pipe p;
    const std::string lf_body = request(2, "lf-only").dump();
    p.input = b + frame(request(1, "after")) + "Content-Length: " + std::to_string(lf_body.size()) + "\n\n" + lf_body;
    p.chunk = 7;
    lsp::Transport t = p.transport();
    std::vector<std::string> methods;
    size_t errors = 0;
    while (auto m = t.next(true)) {
      if (!m->error.empty()) ++errors;
      else methods.push_back(json::parse(m->body)["method"]);
    }
    EXPECT_GE(errors, 1u) << b;
    EXPECT_EQ(methods, (std::vector<std::string>{"after", "lf-only"})) << b;
  }
}

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

TEST(LspDispatch, ErrorsAndLifecycle) {
  Session s;
  s.server.handle_raw("{not json");
  s.send(request(1, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  s.send(json::array({1, 2}));
  s.send({{"jsonrpc", "2.0"}, {"id", 2}});
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));  // before init: dropped
  s.send(request(3, "initialize"));
  s.send(request(4, "initialize"));
  s.send(request(5, "no/such/method"));
  s.send(notification("no/such/notification"));
  s.send(notification("$/whatever"));
  s.send(request(6, "textDocument/hover", {{"position", "not a position"}}));
  s.send(request(7, "shutdown"));
  s.send(request(8, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  const auto all = s.all();
  ASSERT_GE(all.size(), 8u);
  EXPECT_EQ(all[0]["error"]["code"], -32700);
  EXPECT_EQ(response(all, 1).at("error")["code"], -32002);
  EXPECT_EQ(all[2]["error"]["code"], -32600);
  EXPECT_EQ(response(all, 2).at("error")["code"], -32600);
  EXPECT_TRUE(response(all, 3).contains("result"));
  EXPECT_EQ(response(all, 4).at("error")["code"], -32600);
  EXPECT_EQ(response(all, 5).at("error")["code"], -32601);
  EXPECT_EQ(response(all, 6).at("error")["code"], -32602);
  EXPECT_TRUE(response(all, 7).at("result").is_null());
  EXPECT_EQ(response(all, 8).at("error")["code"], -32600);
  EXPECT_TRUE(publications(all).empty()) << "the didOpen before initialize was dropped";
  EXPECT_FALSE(s.server.exited());
  s.send(notification("exit"));
  EXPECT_TRUE(s.server.exited());
}

TEST(LspDispatch, FieldsOfTheWrongTypeAreInvalidRequests) {
  // Regression input from fuzz_lsp_session (fuzz/corpus/lsp_session/crash-jsonrpc-object):
  // `json::value()` threw on a non-string "jsonrpc" and the exception escaped the server.
  Session s;
  s.server.handle_raw(R"({"jsonrpc":{"textDocument":{"uri":"file:///f.yaml"}},"id":1,"method":"x"})");
  s.server.handle_raw(R"({"jsonrpc":"2.0","id":2,"method":{"a":1}})");
  s.server.handle_raw(R"({"jsonrpc":"2.0","id":[1],"method":"shutdown"})");
  const auto all = s.all();
  ASSERT_EQ(all.size(), 3u);
  for (const json& m : all) EXPECT_EQ(m["error"]["code"], -32600) << m.dump();
  Pipe p;
  p.input = frame(json{{"jsonrpc", "2.0"}, {"method", {{"not", "a string"}}}}) + frame(request(1, "initialize")) + frame(notification("exit"));
  lsp::Transport t = p.transport();
  lsp::Server server(t);
  EXPECT_EQ(server.run(), 1);  // survives the batch pre-scan, exits without shutdown
}

TEST(LspDispatch, ExitStatusDependsOnShutdown) {
  for (bool shutdown : {true, false}) {
    Pipe p;
    p.input = frame(request(1, "initialize")) + (shutdown ? frame(request(2, "shutdown")) : "") + frame(notification("exit"));
    lsp::Transport t = p.transport();
    lsp::Server server(t);
    EXPECT_EQ(server.run(), shutdown ? 0 : 1);
  }
  Pipe eof;
  eof.input = frame(request(1, "initialize"));
  lsp::Transport t = eof.transport();
  lsp::Server server(t);
  EXPECT_EQ(server.run(), 1) << "end of input without shutdown";
}

TEST(LspDispatch, CancelledRequestsInTheSameBatch) {
  Pipe p;
  p.input = frame(request(1, "initialize")) + frame(request(2, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}})) +
            frame(notification("$/cancelRequest", {{"id", 2}})) + frame(notification("exit"));
  lsp::Transport t = p.transport();
  lsp::Server server(t);
  server.run();
  EXPECT_EQ(response(p.messages(), 2).at("error")["code"], -32800);
}

TEST(LspDocuments, DiagnosticsEditsAndVersions) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"languageId", "yaml"}, {"version", 1}, {"text", kJob}}}}));
  auto pubs = publications(s.all());
  ASSERT_EQ(pubs.size(), 1u);
  EXPECT_EQ(pubs[0]["version"], 1);
  std::set<std::string> codes;
  for (const json& d : pubs[0]["diagnostics"]) {
    codes.insert(d["code"].get<std::string>());
    EXPECT_EQ(d["source"], "kflint");
    EXPECT_EQ(d["codeDescription"]["href"], rule_doc_url(d["code"].get<std::string>()));
  }
  EXPECT_TRUE(codes.count("KF101"));
  EXPECT_TRUE(codes.count("KF206"));
  // Fix the typo with an incremental edit: `replica` -> `replicas` (line 7, after character 13).
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", 7}, {"character", 13}}},
                                                                                             {"end", {{"line", 7}, {"character", 13}}}}},
                                                                                  {"text", "s"}}})}}));
  pubs = publications(s.all());
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(pubs[1]["version"], 2);
  for (const json& d : pubs[1]["diagnostics"]) EXPECT_NE(d["code"], "KF101");  // pubs is a local copy
  EXPECT_EQ(s.server.document(kUri)->text->line_text(7), "      replicas: 2");
  s.send(notification("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}}));
  pubs = publications(s.all());
  EXPECT_TRUE(pubs.back()["diagnostics"].empty());
  EXPECT_EQ(s.server.document(kUri), nullptr);
}

TEST(LspDocuments, Utf16AndUtf8PositionsAroundSurrogatePairs) {
  for (bool utf8 : {false, true}) {
    Session s;
    s.init(utf8 ? json{{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}} : json::object());
    EXPECT_EQ(response(s.all(), 1).at("result")["capabilities"]["positionEncoding"], utf8 ? "utf-8" : "utf-16");
    const std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: \"x\"  # 😀 note\n  labels: {a: \"é\", b: 1.10}\n";
    s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", text}}}}));
    // Replace the `x` after the emoji comment's line with `y`, then check the label's position.
    const json edit = {{"range", {{"start", {{"line", 3}, {"character", 9}}}, {"end", {{"line", 3}, {"character", 10}}}}}, {"text", "y"}};
    s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}}, {"contentChanges", json::array({edit})}}));
    EXPECT_EQ(s.server.document(kUri)->text->line_text(3), "  name: \"y\"  # 😀 note");
    // An edit after the emoji: utf-16 counts it as 2 units, utf-8 as 4 bytes.
    const uint32_t after_emoji = utf8 ? 19 : 17;
    const json edit2 = {{"range", {{"start", {{"line", 3}, {"character", after_emoji}}}, {"end", {{"line", 3}, {"character", after_emoji}}}}}, {"text", "!"}};
    s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 3}}}, {"contentChanges", json::array({edit2})}}));
    EXPECT_EQ(s.server.document(kUri)->text->line_text(3), "  name: \"y\"  # 😀! note");
    const auto pubs = publications(s.all());
    bool found = false;
    for (const json& d : pubs.back()["diagnostics"])
      if (d["code"] == "KF007") {
        found = true;
        EXPECT_EQ(d["range"]["start"]["line"], 4);
        EXPECT_EQ(d["range"]["start"]["character"], utf8 ? 23 : 22);  // `é` is 2 bytes but 1 unit
      }
    EXPECT_TRUE(found);
  }
}

TEST(LspDocuments, OnlyChangedDocumentsAreRelinted) {
  std::string stream;
  for (int i = 0; i < 20; ++i) stream += "---\n" + kJob;
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", stream}}}}));
  EXPECT_EQ(s.server.document(kUri)->result.analyzed, 20u);
  const size_t per_doc = s.server.document(kUri)->diagnostics().size() / 20;
  // One character inside document 5 (line 5*15 + 4 = `  name: mnist`).
  const uint32_t line = 5 * 15 + 4;
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", line}, {"character", 13}}},
                                                                                             {"end", {{"line", line}, {"character", 13}}}}},
                                                                                  {"text", "2"}}})}}));
  EXPECT_EQ(s.server.document(kUri)->result.analyzed, 1u);
  EXPECT_EQ(s.server.document(kUri)->diagnostics().size(), per_doc * 20);
  // Inserting a line early shifts every later finding: they must still be right.
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 3}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", 1}, {"character", 0}}},
                                                                                             {"end", {{"line", 1}, {"character", 0}}}}},
                                                                                  {"text", "# a new comment line\n"}}})}}));
  EXPECT_EQ(s.server.document(kUri)->result.analyzed, 1u);
  const FileResult cli = test::lint_string(s.server.document(kUri)->text->bytes());
  EXPECT_EQ(test::rendered(cli), [&] {
    FileResult r;
    r.source = s.server.document(kUri)->text;
    r.diagnostics = s.server.document(kUri)->diagnostics();
    return test::rendered(r);
  }());
}

// Each feature answers from the document's analysis: once the server has analyzed an open
// document, hover, completion, symbols, folding and code actions parse nothing (no YAML parse;
// a tree-sitter range index at most once per document, on first need, then kept). The one
// exception is the first "fix all", whose safe-write guard reads the *fixed* text (another text).
TEST(LspFeatures, AnswerFromTheAnalysisWithoutParsing) {
  // A yaml-cpp document (a flow map on two lines) next to a block one (the fast reader's).
  const std::string text = kJob + "---\n" + "apiVersion: kubeflow.org/v1\nkind: MXJob\nmetadata: {name: mx,\n  labels: {a: b}}\nspec:\n"
                           "  mxReplicaSpecs:\n    Worker:\n      replicas: 1\n      template:\n        spec:\n          containers:\n"
                           "            - name: mxnet\n              image: mxjob/mxnet:gpu\n";
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", text}}}}));
  ASSERT_FALSE(publications(s.all()).back()["diagnostics"].empty());
  const json td = {{"uri", kUri}};
  auto fix_all = [&](int id) {
    s.send(request(id, "textDocument/codeAction", {{"textDocument", td}, {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
                                                   {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll.kflint"}}}}}));
  };
  auto ask_everything = [&](int base) {
    for (int line : {8, 7, 17, 20}) {
      const json pos = {{"line", line}, {"character", 6}};
      s.send(request(base + line, "textDocument/hover", {{"textDocument", td}, {"position", pos}}));
      s.send(request(base + 100 + line, "textDocument/completion", {{"textDocument", td}, {"position", pos}}));
    }
    s.send(request(base + 200, "textDocument/documentSymbol", {{"textDocument", td}}));
    s.send(request(base + 201, "textDocument/foldingRange", {{"textDocument", td}}));
    s.send(request(base + 202, "textDocument/codeAction",
                   {{"textDocument", td}, {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 30}, {"character", 0}}}}},
                    {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}}));
    fix_all(base + 203);
  };
  fix_all(500);  // the guard parses the fixed text once; the choice is kept for this version
  const ParseCounts opened = parse_counts();
  ask_everything(1000);
  const ParseCounts first = parse_counts();
  ask_everything(2000);
  const ParseCounts second = parse_counts();
  EXPECT_EQ(first.documents, opened.documents);          // no YAML document parsed again
  EXPECT_EQ(second.documents, opened.documents);
  EXPECT_EQ(second.range_indexes, first.range_indexes);  // range indexes built at most once, then kept
  // The answers are real: the outline has both jobs, hover names the field.
  const std::vector<json> all = s.all();
  EXPECT_EQ(response(all, 2200)["result"].size(), 2u);
  EXPECT_NE(response(all, 2008)["result"].dump().find("template"), std::string::npos) << response(all, 2008).dump();
  // An edit re-parses the edited document only; the features then parse nothing again.
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", 3}, {"character", 13}}},
                                                                                             {"end", {{"line", 3}, {"character", 13}}}}},
                                                                                  {"text", "2"}}})}}));
  const ParseCounts edited = parse_counts();
  EXPECT_EQ(edited.documents, second.documents + 1);
  fix_all(2500);
  const ParseCounts guarded = parse_counts();
  ask_everything(3000);
  EXPECT_LE(parse_counts().documents, guarded.documents + 1);  // the unchanged document's tree, once, on first need
  const ParseCounts settled = parse_counts();
  ask_everything(4000);
  EXPECT_EQ(parse_counts().documents, settled.documents);
}

TEST(LspFeatures, CodeActionsApplyTheEngineFixes) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));
  s.send(request(10, "textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                                 {"range", {{"start", {{"line", 11}, {"character", 20}}}, {"end", {{"line", 11}, {"character", 20}}}}},
                                                 {"context", {{"diagnostics", json::array()}}}}));
  const json actions = response(s.all(), 10).at("result");
  const json* rename = nullptr;
  std::set<std::string> titles;
  for (const json& a : actions) {
    titles.insert(a["title"].get<std::string>());
    if (a["title"] == "Rename the container to `tensorflow`") rename = &a;
  }
  ASSERT_NE(rename, nullptr) << actions.dump(2);
  EXPECT_TRUE((*rename)["isPreferred"].get<bool>());
  const json& change = (*rename)["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["version"], 1);
  EXPECT_EQ(change["edits"][0]["newText"], "tensorflow");
  EXPECT_EQ(change["edits"][0]["range"]["start"], (json{{"line", 11}, {"character", 20}}));
  EXPECT_TRUE(titles.count("Disable KF206 for this line"));
  EXPECT_TRUE(titles.count("Disable KF206 for this file"));
  EXPECT_TRUE(titles.count("Fix all safe kflint findings"));
}

TEST(LspFeatures, HoverShowsFieldDocsAndRuleSummaries) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));
  s.send(request(11, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 8}, {"character", 8}}}}));
  const std::string md = response(s.all(), 11).at("result")["contents"]["value"];
  EXPECT_NE(md.find("**template**"), std::string::npos) << md;
  EXPECT_NE(md.find("`spec.tfReplicaSpecs.Worker.template`"), std::string::npos) << md;
  EXPECT_NE(md.find("Template is the object that describes the pod"), std::string::npos) << md;
  s.send(request(12, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 7}, {"character", 8}}}}));
  const std::string rule = response(s.all(), 12).at("result")["contents"]["value"];
  EXPECT_NE(rule.find("**KF101 unknown-field** (error)"), std::string::npos) << rule;
}

TEST(LspFeatures, CompletionWorksWhileTyping) {
  Session s;
  s.init();
  const std::string text =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\nspec:\n  tfReplicaSpecs:\n    Worker:\n      re\n"
      "      template:\n        spec:\n          containers:\n            - name: \n              im\n";
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", text}}}}));
  auto labels = [&](int id, int line, int character) {
    s.send(request(id, "textDocument/completion", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", character}}}}));
    std::set<std::string> out;
    const json items = response(s.all(), id).at("result")["items"];
    for (const json& i : items) out.insert(i["label"].get<std::string>());
    return out;
  };
  EXPECT_EQ(labels(20, 7, 8), (std::set<std::string>{"replicas", "restartPolicy"}));
  EXPECT_EQ(labels(21, 11, 20), (std::set<std::string>{"tensorflow"}));
  EXPECT_TRUE(labels(22, 12, 16).count("image"));
  EXPECT_TRUE(labels(23, 12, 16).count("imagePullPolicy"));
  const std::set<std::string> replica_types = labels(24, 7, 4);
  EXPECT_TRUE(replica_types.count("Chief") && replica_types.count("PS") && !replica_types.count("Worker")) << "Worker is present";
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri + "2"}, {"version", 1}, {"text", "\n"}}}}));
  s.send(request(25, "textDocument/completion", {{"textDocument", {{"uri", kUri + "2"}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  const json items = response(s.all(), 25).at("result")["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["insertTextFormat"], 2);
}

TEST(LspFeatures, DocumentSymbolsShowTheJobShape) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));
  s.send(request(30, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}));
  const json symbols = response(s.all(), 30).at("result");
  ASSERT_EQ(symbols.size(), 1u);
  EXPECT_EQ(symbols[0]["name"], "mnist");
  EXPECT_EQ(symbols[0]["detail"], "TFJob");
  EXPECT_EQ(symbols[0]["children"][0]["name"], "Worker");
  EXPECT_EQ(symbols[0]["children"][0]["children"][0]["name"], "trainer");
}

TEST(LspFeatures, SettingsChangeTheTargetAndRules) {
  Session s;
  s.send(request(1, "initialize", {{"initializationOptions", {{"rules", {{"KF206", "off"}}}}}}));
  s.send(notification("initialized"));
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));
  const json first = publications(s.all()).back()["diagnostics"];
  for (const json& d : first) EXPECT_NE(d["code"], "KF206");
  s.send(notification("workspace/didChangeConfiguration", {{"settings", {{"kflint", {{"target", "cci"}}}}}}));
  bool cci_rule = false;
  const json diags = publications(s.all()).back()["diagnostics"];
  for (const json& d : diags) cci_rule = cci_rule || d["code"] == "KF310" || d["code"] == "KF305";
  EXPECT_TRUE(cci_rule);
}

// Over the cap: one message however many documents wait (2,000 opens gave 1,000 messages), and a
// waiting document is linted once another is closed.
TEST(LspDocuments, OpenDocumentLimit) {
  Session s;
  s.init();
  const size_t extra = 5;
  for (size_t i = 0; i < lsp::kMaxOpenDocuments + extra; ++i)
    s.server.handle_raw(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri + std::to_string(i)}, {"version", 1}, {"text", "a: 1\n"}}}}).dump());
  const std::string waiting = kUri + std::to_string(lsp::kMaxOpenDocuments + 2);
  s.server.handle_raw(notification("textDocument/didOpen", {{"textDocument", {{"uri", waiting}, {"version", 1}, {"text", kJob}}}}).dump());
  s.server.publish_pending();
  EXPECT_NE(s.server.document(kUri + std::to_string(lsp::kMaxOpenDocuments - 1)), nullptr);
  EXPECT_EQ(s.server.document(waiting), nullptr);
  size_t told = 0;
  for (const json& m : s.all())
    told += m.value("method", "") == "window/showMessage" && m["params"]["message"].get<std::string>().find("open documents") != std::string::npos;
  EXPECT_EQ(told, 1u);
  // The waiting job is edited (its text kept current), then a slot frees up: it gets linted.
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", waiting}, {"version", 2}}}, {"contentChanges", json::array({{{"text", kJob}}})}}));
  EXPECT_EQ(s.server.document(waiting), nullptr);
  for (size_t i = 0; i < extra + 1; ++i) s.send(notification("textDocument/didClose", {{"textDocument", {{"uri", kUri + std::to_string(i)}}}}));
  ASSERT_NE(s.server.document(waiting), nullptr);
  EXPECT_FALSE(s.server.document(waiting)->diagnostics().empty());
  bool published = false;
  for (const json& p : publications(s.all())) published = published || (p["uri"] == waiting && !p["diagnostics"].empty());
  EXPECT_TRUE(published);
}

TEST(LspFeatures, NonKubeflowYamlGetsNoDiagnostics) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", "name: ci\non: [push]\njobs: {build: [\n"}}}}));
  EXPECT_TRUE(publications(s.all()).back()["diagnostics"].empty());
}

// The promise of one engine: the same file gives the same diagnostics in both faces (the CLI run
// as `kflint check --format json`, the server as an editor would drive it).
TEST(LspMatchesCli, OnEveryExampleAndFixture) {
  size_t files = 0;
  for (const char* dir : {"/examples", "/tests/rules"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + dir)) {
      if (!e.is_regular_file() || (e.path().extension() != ".yaml" && e.path().extension() != ".json")) continue;
      const std::string text = test::read_text(e.path());
      if (check_text_encoding(text)) continue;  // not valid JSON-RPC content
      Session s;
      s.init();
      const std::string uri = "file://" + e.path().string();
      s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}));
      // `kflint check --format json FILE`, which finds the nearest .kflint.yaml as the server does.
      cli::CheckOptions o;
      o.paths = {e.path().string()};
      o.format = "json";
      const test::CliRun run = test::run_cli(o);
      const json report = json::parse(run.out);
      const SourceText source(text);
      const auto pub = publications(s.all()).back();
      std::vector<std::string> from_lsp, from_cli;
      for (const json& d : pub["diagnostics"]) {
        const json& r = d["range"];
        const uint32_t start = source.offset_of(r["start"]["line"].get<uint32_t>(), r["start"]["character"].get<uint32_t>(), true);
        const uint32_t end = source.offset_of(r["end"]["line"].get<uint32_t>(), r["end"]["character"].get<uint32_t>(), true);
        static const char* const kSeverity[] = {"", "error", "warning", "info", "hint"};
        from_lsp.push_back(d["code"].get<std::string>() + "@" + std::to_string(start) + "-" + std::to_string(end) + " " +
                           kSeverity[d["severity"].get<int>()] + " " + d["message"].get<std::string>());
      }
      for (const json& d : report["files"][0]["diagnostics"])
        from_cli.push_back(d["rule"].get<std::string>() + "@" + std::to_string(d["range"]["start"]["offset"].get<uint32_t>()) + "-" +
                           std::to_string(d["range"]["end"]["offset"].get<uint32_t>()) + " " + d["severity"].get<std::string>() + " " +
                           d["message"].get<std::string>() + " [" + d["slug"].get<std::string>() + "]");  // the server names the rule too
      EXPECT_EQ(from_lsp, from_cli) << e.path();
      ++files;
    }
  EXPECT_GT(files, 100u);
}

}  // namespace
}  // namespace kflint
