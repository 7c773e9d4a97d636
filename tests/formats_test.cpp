// Every output format on the same findings: JSON parsed back, SARIF and GitLab validated against
// their JSON schemas (SARIF from the npm registry, GitLab's written here: tests/formats/) with valijson, GitHub and JUnit checked by shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "cli/check_command.h"
#include "rules/engine/registry.h"
#include "cli_test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
CliRun run(cli::CheckOptions o, const std::string& stdin_text = "") {
  o.no_config = true;
  return test::run_cli(o, stdin_text);
}

std::string fixture() { return std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-resources.yaml"; }

std::string validate(const std::string& schema_path, const nlohmann::json& doc) {
  const nlohmann::json schema_json = nlohmann::json::parse(test::read_text(schema_path));
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return {};
  std::string errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    for (const std::string& c : e.context) errors += c;
    errors += ": " + e.description + "\n";
  }
  return errors;
}

TEST(Formats, JsonParsesBackWithExactRanges) {
  cli::CheckOptions o;
  o.paths = {fixture()};
  o.format = "json";
  const CliRun r = run(o);
  EXPECT_EQ(r.code, 1);
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["columnUnit"], "unicodeCodePoints");
  ASSERT_EQ(doc["files"].size(), 1u);
  const nlohmann::json& diags = doc["files"][0]["diagnostics"];
  ASSERT_FALSE(diags.empty());
  bool saw_quantity = false;
  for (const auto& d : diags) {
    EXPECT_TRUE(d.contains("rule") && d.contains("slug") && d.contains("severity") && d.contains("url"));
    EXPECT_LE(d["range"]["start"]["offset"].get<int>(), d["range"]["end"]["offset"].get<int>());
    if (d["rule"] == "KF302") {
      saw_quantity = true;
      EXPECT_EQ(d["range"]["start"]["line"], 23);
      EXPECT_EQ(d["range"]["start"]["column"], 27);
      EXPECT_EQ(d["range"]["end"]["column"], 30);
    }
  }
  EXPECT_TRUE(saw_quantity);
  EXPECT_EQ(doc["summary"]["errors"].get<int>() + doc["summary"]["warnings"].get<int>() + doc["summary"]["infos"].get<int>() +
                doc["summary"]["hints"].get<int>(),
            static_cast<int>(diags.size()));
}

TEST(Formats, SarifValidatesAgainstTheOfficialSchema) {
  cli::CheckOptions o;
  o.paths = {fixture(), std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-yaml-pitfalls.yaml"};
  o.format = "sarif";
  const CliRun r = run(o);
  const nlohmann::json log = nlohmann::json::parse(r.out);
  const std::string schema = std::string(KFLINT_SARIF_SCHEMA);
  ASSERT_TRUE(fs::exists(schema)) << schema;
  EXPECT_EQ(validate(schema, log), "");
  const nlohmann::json& run0 = log["runs"][0];
  EXPECT_EQ(run0["columnKind"], "unicodeCodePoints");
  const nlohmann::json& rules = run0["tool"]["driver"]["rules"];
  for (const auto& result : run0["results"]) {
    const nlohmann::json& region = result["locations"][0]["physicalLocation"]["region"];
    EXPECT_GE(region["startLine"].get<int>(), 1);
    EXPECT_TRUE(region.contains("endLine") && region.contains("endColumn"));
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
    // The page travels inside the log; helpUri only when the pages are published (never a dead link).
    EXPECT_FALSE(rules[result["ruleIndex"].get<size_t>()]["help"]["markdown"].get<std::string>().empty());
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()].contains("helpUri"), rule_docs_published());
  }
}

TEST(Formats, SarifRejectsABrokenLogToo) {
  // The validation above can fail: a log without `version` is rejected by the same schema.
  const std::string schema = std::string(KFLINT_SARIF_SCHEMA);
  EXPECT_NE(validate(schema, nlohmann::json{{"runs", nlohmann::json::array()}}), "");
}

TEST(Formats, GitlabValidatesAgainstItsSchema) {
  cli::CheckOptions o;
  o.paths = {fixture()};
  o.format = "gitlab";
  const CliRun r = run(o);
  const nlohmann::json issues = nlohmann::json::parse(r.out);
  ASSERT_TRUE(issues.is_array());
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(validate(std::string(KFLINT_SOURCE_DIR) + "/tests/formats/gitlab-code-quality.schema.json", issues), "");
  std::set<std::string> fingerprints;
  for (const auto& i : issues) EXPECT_TRUE(fingerprints.insert(i["fingerprint"].get<std::string>()).second) << "fingerprints are unique";
}

TEST(Formats, GithubAnnotationsAreEscaped) {
  const std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: \"a,b\"}\nspec: {tfReplicaSpecs: {}}\n";
  cli::CheckOptions o;
  o.paths = {"-"};
  o.stdin_filename = "dir,with:odd%name.yaml";
  o.format = "github";
  const CliRun r = run(o, text);
  EXPECT_NE(r.out.find("::error file=dir%2Cwith%3Aodd%25name.yaml,line=3,endLine=3,col="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",title=KF504 invalid-object-name::metadata.name `a,b` is invalid"), std::string::npos) << r.out;
}

TEST(Formats, GithubCapsAnnotationsAtTenPerLevel) {
  std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: x}\nspec:\n  tfReplicaSpecs:\n";
  for (int i = 0; i < 14; ++i) text += "    T" + std::to_string(i) + ": {}\n";  // 14 unknown replica types (errors)
  cli::CheckOptions o;
  o.paths = {"-"};
  o.format = "github";
  const CliRun r = run(o, text);
  size_t annotations = 0, plain = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("::error", 0) == 0) ++annotations;
    else if (line.find(": error: ") != std::string::npos) ++plain;
  }
  EXPECT_EQ(annotations, 10u);
  EXPECT_GE(plain, 4u);
  EXPECT_NE(r.out.find("more findings printed above without annotations"), std::string::npos);
}

TEST(Formats, GithubIsChosenUnderGithubActions) {
  ::setenv("GITHUB_ACTIONS", "true", 1);
  cli::CheckOptions o;
  o.paths = {fixture()};
  const CliRun r = run(o);
  ::unsetenv("GITHUB_ACTIONS");
  EXPECT_EQ(r.out.rfind("::", 0), 0u) << r.out;
}

TEST(Formats, JunitHasOneTestCasePerFile) {
  cli::CheckOptions o;
  o.paths = {fixture(), std::string(KFLINT_SOURCE_DIR) + "/examples/good/mxjob-train.yaml"};
  o.format = "junit";
  const CliRun r = run(o);
  size_t cases = 0;
  for (size_t at = r.out.find("<testcase "); at != std::string::npos; at = r.out.find("<testcase ", at + 1)) ++cases;
  EXPECT_EQ(cases, 2u);
  EXPECT_NE(r.out.find("<failure message="), std::string::npos);
  EXPECT_NE(r.out.find("tests=\"2\" failures=\"1\""), std::string::npos);
}

TEST(Formats, TextShowsTheSourceLineAndCaret) {
  cli::CheckOptions o;
  o.paths = {fixture()};
  o.color = "never";
  const CliRun r = run(o);
  EXPECT_NE(r.out.find("tfjob-resources.yaml:23:27: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 23 |                   memory: 4GB\n    |                           ^^^\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when not on a terminal";
  EXPECT_NE(r.out.find("Found "), std::string::npos);
}

}  // namespace
}  // namespace kflint
