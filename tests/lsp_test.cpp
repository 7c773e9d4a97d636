// The language server in-process: framing edge cases, JSON-RPC errors and lifecycle, incremental
// edits in both encodings, per-document re-analysis. (Features: lsp_features_test.cpp.)
#include <gtest/gtest.h>

#include <cstring>

#include "lsp/json_fast.h"
#include "lsp_test_util.h"
#include "rules/engine/registry.h"
#include "test_util.h"

namespace kflint {
namespace {

using namespace lsp_test;

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

}  // namespace
}  // namespace kflint

namespace kflint::lsp {
namespace {

// Large strings read in one pass give the same message as nlohmann's parser, escapes, surrogate
// pairs and nesting included; what nlohmann refuses is refused (then parsed the ordinary way).
TEST(LspJson, LargeStringsReadDirectlyEqualTheOrdinaryParse) {
  const char* const messages[] = {
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"kind: TFJob\nname: \"x\" \\ \/ \b\f\r\t \u00e9 \ud83d\ude00 end"}}})",
      R"({"a":[1,"two strings here",{"k/e~y":"value long enough"}],"b":null,"c":true,"d":-1.5e3})",
      R"({"contentChanges":[{"text":"first change text"},{"range":{"start":{"line":0}},"text":"second change text"}]})",
      R"({"s":"lone \ud800 surrogate"})",
      R"({"s":"bad \x escape"})",
      "{\"s\":\"raw\ncontrol\"}",
      R"({"s":"unterminated)",
      R"(["top level array string"])",
      R"({"text":"first long string","text":""})",           // duplicate keys: the ordinary parser keeps the last
      R"({"a":{"b":"long enough value"},"a":{"b":""}})",
  };
  for (const char* m : messages) {
    const nlohmann::json ordinary = nlohmann::json::parse(m, nullptr, false);
    const nlohmann::json direct = parse_message(m, 4);
    EXPECT_EQ(direct.is_discarded(), ordinary.is_discarded()) << m;
    if (!ordinary.is_discarded()) EXPECT_EQ(direct, ordinary) << m;
  }
  // The ordinary parser stops at a NUL byte after a complete value (found by fuzz_lsp_message).
  static const char kNul[] = "\"range\"\0{\"a\":{\"b\":\"long enough value\"}}";
  static const char kNulThenSameKey[] = "{\"method\":\"textDocument/didOpen\"}\0{\"method\":\"another one\"}";
  for (const std::string nul : {std::string(kNul, sizeof kNul - 1), std::string(kNulThenSameKey, sizeof kNulThenSameKey - 1)})
    EXPECT_EQ(parse_message(nul, 4), nlohmann::json::parse(nul, nullptr, false));
}

// Random messages with several large strings (escapes at their ends, \u escapes, surrogate pairs,
// now and then something nlohmann refuses): the direct reading, which decodes the largest string
// in place in the message's own buffer, equals the ordinary parse.
TEST(LspJson, RandomLargeStringsEqualTheOrdinaryParse) {
  uint64_t seed = 20261205;
  auto next = [&](uint32_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((seed >> 33) % n);
  };
  const char* const pieces[] = {"a", "kind: TFJob", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\t", "é", " ", "\\r\\n"};
  const char* const broken[] = {"\\x", "\\ud800", "\n", "\\u12"};
  size_t refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string m = R"({"jsonrpc":"2.0","params":{)";
    const uint32_t strings = 1 + next(3);
    for (uint32_t k = 0; k < strings; ++k) {
      std::string value;
      for (uint32_t n = next(40); n > 0; --n) value += pieces[next(12)];
      if (next(50) == 0) value.insert(next(static_cast<uint32_t>(value.size()) + 1), broken[next(4)]);
      m += (k ? "," : "") + std::string("\"s") + std::to_string(k) + "\":[1,\"" + value + "\"]";
    }
    m += "}}";
    const nlohmann::json ordinary = nlohmann::json::parse(m, nullptr, false);
    const nlohmann::json direct = parse_message(m, 1 + next(20));
    ASSERT_EQ(direct.is_discarded(), ordinary.is_discarded()) << m;
    if (!ordinary.is_discarded()) ASSERT_EQ(direct, ordinary) << m;
    refused += ordinary.is_discarded() ? 1 : 0;
  }
  EXPECT_GT(refused, 10u);  // the refusals were exercised too
}

}  // namespace
}  // namespace kflint::lsp
