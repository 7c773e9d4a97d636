// The language server's features in-process: code actions, hover, completion, symbols and
// settings answered from the document's analysis, and the promise that the LSP and the CLI
// report the same diagnostics for the same file.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli_test_util.h"
#include "lsp_test_util.h"

namespace kflint {
namespace {

using namespace lsp_test;

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

// With `kflint.operation: patch`, a merge patch without `kind` is a job for the diagnostics and
// for the features: the outline shows it and hover documents its fields.
TEST(LspFeatures, MergePatchesFromTheOperationSetting) {
  Session s;
  s.send(request(1, "initialize", {{"initializationOptions", {{"operation", "patch"}}}}));
  s.send(notification("initialized"));
  const std::string patch = "spec:\n  runPolicy:\n    cleanPodPolicy: Sometimes\n    ttlSecondsAfterFinished: null\n";
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", patch}}}}));
  const json diags = publications(s.all()).back()["diagnostics"];
  ASSERT_EQ(diags.size(), 1u) << diags.dump();
  EXPECT_EQ(diags[0]["code"], "KF216");
  s.send(request(2, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 1}, {"character", 4}}}}));
  const std::string md = response(s.all(), 2).at("result")["contents"]["value"];
  EXPECT_NE(md.find("`spec.runPolicy`"), std::string::npos) << md;
  s.send(request(3, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}));
  EXPECT_EQ(response(s.all(), 3).at("result").size(), 1u);
  // The same text as a manifest: not a job, nothing to say.
  s.send(notification("workspace/didChangeConfiguration", {{"settings", {{"kflint", {{"operation", "apply"}}}}}}));
  EXPECT_TRUE(publications(s.all()).back()["diagnostics"].empty());
}

// Pull diagnostics (LSP 3.17) for clients that ask for them: nothing is pushed, a document that
// was not analyzed again is "unchanged", an edited one comes back in full with a new result id,
// and a configuration change asks the client to pull again.
TEST(LspFeatures, PullDiagnosticsWithResultIds) {
  Session s;
  s.init({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}, {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  const std::string other = "file:///tmp/other.yaml";
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", kJob}}}}));
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", other}, {"version", 1}, {"text", kJob}}}}));
  EXPECT_TRUE(publications(s.all()).empty());
  auto pull = [&](int id, const std::string& uri, const json& previous) {
    json p = {{"textDocument", {{"uri", uri}}}};
    if (!previous.is_null()) p["previousResultId"] = previous;
    s.send(request(id, "textDocument/diagnostic", p));
    return response(s.all(), id).at("result");
  };
  const json first = pull(2, kUri, nullptr);
  ASSERT_EQ(first["kind"], "full");
  EXPECT_FALSE(first["items"].empty());
  const json other_first = pull(3, other, nullptr);
  // Typing in the other document leaves this one untouched.
  s.send(notification("textDocument/didChange", {{"textDocument", {{"uri", other}, {"version", 2}}},
                                                 {"contentChanges", json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                                                             {"end", {{"line", 0}, {"character", 0}}}}},
                                                                                  {"text", "# c\n"}}})}}));
  const json again = pull(4, kUri, first["resultId"]);
  EXPECT_EQ(again, (json{{"kind", "unchanged"}, {"resultId", first["resultId"]}}));
  const json other_again = pull(5, other, other_first["resultId"]);
  EXPECT_EQ(other_again["kind"], "full");
  EXPECT_NE(other_again["resultId"], other_first["resultId"]);
  EXPECT_EQ(other_again["items"].size(), other_first["items"].size());
  EXPECT_EQ(pull(6, "file:///not/open.yaml", nullptr), (json{{"kind", "full"}, {"items", json::array()}}));
  s.send(notification("workspace/didChangeConfiguration", {{"settings", {{"kflint", {{"target", "cci"}}}}}}));
  bool refresh = false;
  for (const json& m : s.all()) refresh = refresh || m.value("method", "") == "workspace/diagnostic/refresh";
  EXPECT_TRUE(refresh);
  EXPECT_TRUE(publications(s.all()).empty());
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
TEST(LspFeatures, NonKubeflowYamlGetsNoDiagnostics) {
  Session s;
  s.init();
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", "name: ci\non: [push]\njobs: {build: [\n"}}}}));
  EXPECT_TRUE(publications(s.all()).back()["diagnostics"].empty());
}

// The promise of one engine: the same file gives the same diagnostics in both faces (the CLI run
// as `kflint check --format json`, the server as an editor would drive it). A fixture whose
// header asks for a target or an operation (`# operation: patch`) is linted with it in both: on
// the command line (--target, --operation) and from the editor's settings.
TEST(LspMatchesCli, OnEveryExampleAndFixture) {
  size_t files = 0, with_settings = 0;
  for (const char* dir : {"/examples", "/tests/rules", "/tests/embedded"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + dir)) {
      if (!e.is_regular_file() || (e.path().extension() != ".yaml" && e.path().extension() != ".json")) continue;
      const std::string text = test::read_text(e.path());
      if (check_text_encoding(text)) continue;  // not valid JSON-RPC content
      const LintOptions wanted = test::header_options(text);
      json settings = json::object();
      cli::CheckOptions o;
      if (wanted.target != Target::Auto) settings["target"] = o.target.emplace(target_name(wanted.target));
      if (wanted.operation != Operation::Apply) settings["operation"] = o.operation.emplace(operation_name(wanted.operation));
      Session s;
      s.send(request(1, "initialize", {{"initializationOptions", settings}}));
      s.send(notification("initialized"));
      const std::string uri = "file://" + e.path().string();
      s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}));
      // `kflint check --format json FILE`, which finds the nearest .kflint.yaml as the server does.
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
      with_settings += settings.empty() ? 0 : 1;
    }
  EXPECT_GT(files, 100u);
  EXPECT_GE(with_settings, 5u);
}

// Jobs inside other objects: the outline shows them under the Katib Experiment or Argo workflow
// that holds them (Argo's at the outer file's lines), hover and completion work in a trial template.
TEST(LspFeatures, EmbeddedJobsInOutlineHoverAndCompletion) {
  Session s;
  s.init();
  const std::string dir = std::string(KFLINT_SOURCE_DIR) + "/tests/embedded/";
  const std::string katib = test::read_text(dir + "katib-trial.yaml");
  const std::string argo = test::read_text(dir + "argo-block.yaml");
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", katib}}}}));
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri + "2"}, {"version", 1}, {"text", argo}}}}));
  s.send(request(40, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}));
  const json k = response(s.all(), 40).at("result");
  ASSERT_EQ(k.size(), 1u) << k.dump();
  EXPECT_EQ(k[0]["name"], "tfjob-tuning");
  EXPECT_EQ(k[0]["detail"], "Experiment");
  ASSERT_EQ(k[0]["children"].size(), 1u);
  EXPECT_EQ(k[0]["children"][0]["detail"], "TFJob");
  EXPECT_EQ(k[0]["children"][0]["children"][0]["name"], "PS");
  s.send(request(41, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri + "2"}}}}));
  const json a = response(s.all(), 41).at("result");
  ASSERT_EQ(a.size(), 1u) << a.dump();
  EXPECT_EQ(a[0]["detail"], "Workflow");
  const json worker = a[0]["children"][0]["children"][1];
  EXPECT_EQ(worker["name"], "Worker");
  EXPECT_EQ(worker["selectionRange"]["start"]["line"], 39);  // `Worker:` on line 40 of the outer file
  EXPECT_EQ(worker["selectionRange"]["start"]["character"], 14);
  // Hover on `restartPolicy` in the trial template shows the job's field.
  s.send(request(42, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 38}, {"character", 14}}}}));
  const std::string md = response(s.all(), 42).at("result")["contents"]["value"];
  EXPECT_NE(md.find("Restart policy for all replicas"), std::string::npos) << md;
  EXPECT_NE(md.find("(TFJob)"), std::string::npos) << md;
  // Completion inside the trial template offers the replica's keys.
  std::string typing = katib;
  typing.replace(typing.find("            replica: 1\n"), 23, "            re\n");
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri + "3"}, {"version", 1}, {"text", typing}}}}));
  s.send(request(43, "textDocument/completion", {{"textDocument", {{"uri", kUri + "3"}}}, {"position", {{"line", 37}, {"character", 14}}}}));
  const json items = response(s.all(), 43).at("result")["items"];
  std::set<std::string> labels;
  for (const json& i : items) labels.insert(i["label"].get<std::string>());
  EXPECT_TRUE(labels.count("replicas")) << response(s.all(), 43).dump();
  // Inside an Argo `manifest: |` block: hover on the job's field, at the outer file's position ...
  s.send(request(44, "textDocument/hover", {{"textDocument", {{"uri", kUri + "2"}}}, {"position", {{"line", 40}, {"character", 18}}}}));
  const json argo_hover = response(s.all(), 44).at("result");
  const std::string argo_md = argo_hover["contents"]["value"];
  EXPECT_NE(argo_md.find("**replicas**"), std::string::npos) << argo_md;
  EXPECT_NE(argo_md.find("(TFJob)"), std::string::npos) << argo_md;
  EXPECT_EQ(argo_hover["range"]["start"]["line"], 40);
  EXPECT_EQ(argo_hover["range"]["start"]["character"], 16);
  // ... and completion while typing in it.
  std::string argo_typing = argo;
  argo_typing.replace(argo_typing.find("                replica: 1\n"), 27, "                re\n");
  s.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", kUri + "4"}, {"version", 1}, {"text", argo_typing}}}}));
  s.send(request(45, "textDocument/completion", {{"textDocument", {{"uri", kUri + "4"}}}, {"position", {{"line", 30}, {"character", 18}}}}));
  const json argo_items = response(s.all(), 45).at("result")["items"];
  std::set<std::string> argo_labels;
  for (const json& i : argo_items) argo_labels.insert(i["label"].get<std::string>());
  EXPECT_TRUE(argo_labels.count("replicas")) << argo_items.dump();
}

}  // namespace
}  // namespace kflint
