// Jobs where they live: Katib trial templates, Argo manifest strings (block and quoted), Helm
// templates, kustomize bases. tests/embedded/**.yaml each have a `.expected` beside them (every
// finding, at outer-file lines and columns; KFLINT_UPDATE_FIXTURES=1 rewrites them), and the
// tests below check the facts that matter one by one.

#include <gtest/gtest.h>

#include <filesystem>

#include "cli_test_util.h"
#include "core/fix_apply.h"
#include "rules/engine/argo_manifests.h"
#include "test_util.h"

namespace kflint {
namespace {

std::string embedded_dir() { return std::string(KFLINT_SOURCE_DIR) + "/tests/embedded"; }
FileResult lint_file(const std::string& path) {
  const std::string text = test::read_text(path);
  return analyze(text, test::header_options(text));
}
FileResult lint_text(const std::string& text, LintOptions options = {}) { return analyze(text, options); }

std::vector<const Diagnostic*> of_rule(const FileResult& r, std::string_view id) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule->id == id) out.push_back(&d);
  return out;
}

uint32_t line_of(const FileResult& r, const Diagnostic& d) { return r.source->position(d.range.start).line + 1; }
uint32_t column_of(const FileResult& r, const Diagnostic& d) { return r.source->position(d.range.start).column_chars + 1; }

TEST(EmbeddedFixtures, MatchTheirExpectedFindings) {
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(embedded_dir())) {
    if (e.path().extension() != ".yaml") continue;
    ++files;
    const FileResult r = lint_file(e.path().string());
    std::string joined;
    for (const std::string& line : test::rendered(r)) joined += line + "\n";
    std::filesystem::path expected = e.path();
    expected.replace_extension(".expected");
    if (std::getenv("KFLINT_UPDATE_FIXTURES")) std::ofstream(expected, std::ios::binary) << joined;
    EXPECT_EQ(joined, test::read_text(expected.string())) << "for " << e.path();
    // A fixture says what it is for: the clean ones raise nothing, the others something.
    EXPECT_EQ(joined.empty(), e.path().stem().string().find("clean") != std::string::npos) << e.path();
  }
  EXPECT_GE(files, 6u);
}

TEST(Embedded, KatibTrialIsLintedAtTheExperimentsLines) {
  const FileResult r = lint_file(embedded_dir() + "/katib-trial.yaml");
  EXPECT_EQ(r.jobs, 1u);
  EXPECT_EQ(r.embedded, 1u);
  ASSERT_EQ(of_rule(r, "KF101").size(), 1u);
  EXPECT_EQ(line_of(r, *of_rule(r, "KF101")[0]), 38u);  // `replica: 1`
  EXPECT_EQ(column_of(r, *of_rule(r, "KF101")[0]), 13u);
  ASSERT_EQ(of_rule(r, "KF301").size(), 1u);
  EXPECT_EQ(line_of(r, *of_rule(r, "KF301")[0]), 46u);
  // A trial parameter alone in an integer field stays a string after Katib's substitution.
  ASSERT_EQ(of_rule(r, "KF102").size(), 1u);
  EXPECT_EQ(of_rule(r, "KF102")[0]->severity, Severity::Error);
  EXPECT_NE(of_rule(r, "KF102")[0]->message.find("Katib replaces the placeholder inside the JSON string"), std::string::npos);
  EXPECT_TRUE(of_rule(r, "KF503").empty()) << "Katib names the trial's job";
  EXPECT_FALSE(r.notes.empty());

  const FileResult clean = lint_file(embedded_dir() + "/katib-trial-clean.yaml");
  EXPECT_TRUE(clean.diagnostics.empty()) << test::rendered(clean).front();
  EXPECT_EQ(clean.embedded, 1u);
}

TEST(Embedded, KatibPlaceholdersAreUnknownOnlyInsideTheTrial) {
  // The same invalid quantity outside a placeholder is still an error inside the trial.
  std::string text = test::read_text(embedded_dir() + "/katib-trial-clean.yaml");
  const size_t at = text.find("memory: \"${trialParameters.memory}\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 35, "memory: \"4 GB\"                     ");
  const FileResult r = lint_text(text);
  EXPECT_EQ(of_rule(r, "KF302").size(), 1u) << (r.diagnostics.empty() ? "" : test::rendered(r).front());
  // Older Katib kinds are skipped, not linted as jobs.
  const FileResult old = lint_text("apiVersion: kubeflow.org/v1alpha3\nkind: Experiment\nmetadata: {name: x}\nspec: {}\n");
  EXPECT_EQ(old.jobs, 0u);
  ASSERT_EQ(old.skipped.size(), 1u);
  EXPECT_NE(old.skipped[0].find("not served by current Katib"), std::string::npos);
}

TEST(Embedded, ArgoBlockManifestAtExactLinesWithFixesThatEditTheOuterFile) {
  const std::string path = embedded_dir() + "/argo-block.yaml";
  const std::string text = test::read_text(path);
  const FileResult r = lint_text(text);
  EXPECT_EQ(r.embedded, 1u);
  ASSERT_EQ(of_rule(r, "KF101").size(), 1u);
  const Diagnostic& typo = *of_rule(r, "KF101")[0];
  EXPECT_EQ(line_of(r, typo), 31u);
  EXPECT_EQ(column_of(r, typo), 17u);
  EXPECT_EQ(text.substr(typo.range.start, typo.range.end - typo.range.start), "replica");
  // `generateName` under `action: apply` is an error; `{{...}}` in replicas and image is fine.
  ASSERT_EQ(of_rule(r, "KF503").size(), 1u);
  EXPECT_EQ(of_rule(r, "KF503")[0]->severity, Severity::Error);
  EXPECT_TRUE(of_rule(r, "KF102").empty());
  EXPECT_TRUE(of_rule(r, "KF402").empty());
  // The rename fix edits this file's line, and the manifest still reads.
  ASSERT_FALSE(typo.fixes.empty());
  const std::string fixed = apply_edits(text, typo.fixes[0].edits);
  const FileResult after = lint_text(fixed);
  EXPECT_TRUE(of_rule(after, "KF101").empty());
  EXPECT_EQ(of_rule(after, "KF301").size(), 1u);
  EXPECT_NE(fixed.find("\n                replicas: 1\n"), std::string::npos);
}

TEST(Embedded, ArgoQuotedManifestIsShownAtTheKeyWithoutFixes) {
  const std::string text = test::read_text(embedded_dir() + "/argo-quoted.yaml");
  const FileResult r = lint_text(text);
  ASSERT_FALSE(r.diagnostics.empty());
  const size_t key = text.find("manifest:");
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.range.start, key) << d.message;
    EXPECT_EQ(d.range.end, key + 8) << d.message;
    EXPECT_TRUE(d.fixes.empty()) << d.message;
  }
  EXPECT_EQ(of_rule(r, "KF102").size(), 1u);  // replicas: "2"
  EXPECT_EQ(of_rule(r, "KF206").size(), 1u);  // container `tf`
  EXPECT_TRUE(of_rule(r, "KF503").empty());   // generateName with `action: create`
}

std::string workflow(const std::string& action, const std::string& manifest_lines) {
  return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: w-}\nspec:\n  entrypoint: t\n  templates:\n"
         "    - name: t\n      resource:\n        action: " + action + "\n        manifest: |\n" + manifest_lines;
}
const std::string kManifest =
    "          apiVersion: kubeflow.org/v1\n          kind: TFJob\n          metadata: {generateName: job-}\n          spec:\n"
    "            tfReplicaSpecs:\n              Worker:\n                replicas: {{inputs.parameters.n}}\n                template:\n"
    "                  spec:\n                    containers:\n                      - name: tensorflow\n"
    "                        image: docker.io/x/y:{{inputs.parameters.tag}}\n"
    "                        resources: {limits: {cpu: \"1\", memory: 1Gi}}\n";

TEST(Embedded, ArgoActionsDecideHowTheManifestIsLinted) {
  EXPECT_TRUE(lint_text(workflow("create", kManifest)).diagnostics.empty()) << test::rendered(lint_text(workflow("create", kManifest))).front();
  EXPECT_EQ(of_rule(lint_text(workflow("apply", kManifest)), "KF503").size(), 1u);
  const FileResult deleted = lint_text(workflow("delete", kManifest));
  EXPECT_EQ(deleted.jobs, 0u);
  EXPECT_TRUE(deleted.diagnostics.empty());
  EXPECT_TRUE(std::any_of(deleted.skipped.begin(), deleted.skipped.end(), [](const std::string& s) { return s.find("only names the job") != std::string::npos; }));
  // A CronWorkflow keeps its templates under spec.workflowSpec.
  std::string cron = "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: c}\nspec:\n  schedule: \"0 * * * *\"\n  workflowSpec:\n"
                     "    templates:\n      - name: t\n        resource:\n          action: create\n          manifest: |\n";
  for (size_t at = 0; at < kManifest.size();) {
    const size_t nl = kManifest.find('\n', at);
    cron += "  " + kManifest.substr(at, nl - at + 1);
    at = nl + 1;
  }
  cron.replace(cron.find("replicas: {{inputs.parameters.n}}"), 33, "replica: 2                       ");
  const FileResult r = lint_text(cron);
  EXPECT_EQ(r.embedded, 1u);
  EXPECT_EQ(of_rule(r, "KF101").size(), 1u);
}

TEST(Embedded, KatibExperimentCreatedByAnArgoStep) {
  // Argo creates the Experiment; Katib then runs its trial template: both placeholders count.
  const std::string text = workflow("create",
      "          apiVersion: kubeflow.org/v1beta1\n          kind: Experiment\n          metadata: {name: \"{{workflow.name}}-tune\"}\n"
      "          spec:\n            trialTemplate:\n              trialSpec:\n                apiVersion: kubeflow.org/v1\n"
      "                kind: TFJob\n                spec:\n                  tfReplicaSpecs:\n                    Worker:\n"
      "                      replicas: {{inputs.parameters.n}}\n                      template:\n                        spec:\n"
      "                          containers:\n                            - name: tensorflow\n"
      "                              image: docker.io/x/y:${trialParameters.tag}\n"
      "                              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n"
      "                    PS:\n                      replicas: ${trialParameters.ps}\n                      template:\n"
      "                        spec:\n                          containers:\n                            - name: tensorflow\n"
      "                              image: docker.io/x/y:v1\n                              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n");
  const FileResult r = lint_text(text);
  EXPECT_EQ(r.embedded, 1u);
  EXPECT_TRUE(of_rule(r, "KF503").empty()) << "Katib names the trial's job";
  ASSERT_EQ(of_rule(r, "KF102").size(), 1u) << (r.diagnostics.empty() ? "" : test::rendered(r).front());
  EXPECT_NE(of_rule(r, "KF102")[0]->message.find("Katib replaces"), std::string::npos);
  EXPECT_EQ(line_of(r, *of_rule(r, "KF102")[0]), 30u);  // `replicas: ${trialParameters.ps}`, not the Argo one
}

TEST(Embedded, SuppressionsInsideTheManifestAndAroundIt) {
  std::string inner = kManifest;
  inner.replace(inner.find("replicas: {{inputs.parameters.n}}"), 33, "replica: 2  # kflint: disable=KF101");
  EXPECT_TRUE(of_rule(lint_text(workflow("create", inner)), "KF101").empty());
  std::string plain = kManifest;
  plain.replace(plain.find("replicas: {{inputs.parameters.n}}"), 33, "replica: 2");
  EXPECT_EQ(of_rule(lint_text(workflow("create", plain)), "KF101").size(), 1u);
  // An own-line comment in the outer file before `resource:` covers the whole template.
  std::string outer = workflow("create", plain);
  outer.replace(outer.find("      resource:"), 0, "      # kflint: disable=KF101\n");
  EXPECT_TRUE(of_rule(lint_text(outer), "KF101").empty());
}

TEST(Embedded, ManifestMapIsExactOrFallsBackToTheKey) {
  const std::string text = workflow("create", "          a: 1\n\n          b:\n            c: 2\n");
  SourceText source(text);
  const Document doc = parse_document(source, {0, static_cast<uint32_t>(text.size())}, 0);
  const std::vector<ArgoManifest> found = read_argo_manifests(doc);
  ASSERT_EQ(found.size(), 1u);
  const ManifestMap& map = *found[0].map;
  ASSERT_TRUE(map.exact());
  EXPECT_EQ(map.text(), "a: 1\n\nb:\n  c: 2\n");
  EXPECT_EQ(map.to_outer(static_cast<uint32_t>(map.text().find("c:"))), text.find("c: 2"));
  // An edit that adds a line keeps the block's indentation; one that would change it is refused.
  std::vector<TextEdit> outer;
  ASSERT_TRUE(map.map_edits({{{6, 6}, "x: 0\n"}}, outer));
  EXPECT_EQ(outer[0].text, "x: 0\n          ");
  EXPECT_FALSE(map.map_edits({{{0, 0}, "  "}}, outer)) << "more indentation on the first line changes the block";
  // Placeholders are masked with as many letters.
  std::string masked = "name: {{workflow.name}}-x\nn: {{a}}\nopen: {{ no close\n";
  const std::vector<ByteRange> ranges = mask_argo_placeholders(masked);
  EXPECT_EQ(masked, "name: xxxxxxxxxxxxxxxxx-x\nn: xxxxx\nopen: {{ no close\n");
  EXPECT_EQ(ranges.size(), 2u);
}

TEST(Embedded, HelmTemplateIsOneNoticeAndNothingElse) {
  const FileResult r = lint_file(embedded_dir() + "/helm-chart/templates/tfjob.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule->id, "KF009");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Info);
  EXPECT_EQ(r.jobs, 0u);
  // A broken document beside the template says nothing either: the file is rendered first.
  const std::string two = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: [}\n---\napiVersion: kubeflow.org/v1\nkind: TFJob\n"
                          "metadata:\n  name: {{ .Release.Name }}\n";
  const FileResult both = lint_text(two);
  ASSERT_EQ(both.diagnostics.size(), 1u);
  EXPECT_EQ(both.diagnostics[0].rule->id, "KF009");
  EXPECT_EQ(line_of(both, both.diagnostics[0]), 8u);
  // Switched off for chart folders, the file raises nothing and is still not linted.
  LintOptions off;
  off.ignored_rules = {"KF009"};
  const FileResult quiet = lint_text(two, off);
  EXPECT_TRUE(quiet.diagnostics.empty());
  EXPECT_EQ(quiet.jobs, 0u);
  // A chart template that is not about Kubeflow stays silent, as any other YAML does.
  const FileResult deployment = lint_text("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
  EXPECT_TRUE(deployment.diagnostics.empty());
  EXPECT_FALSE(deployment.go_template);
  // `{{` in a comment is not an action.
  EXPECT_TRUE(of_rule(lint_text("# {{ .Values.x }}\napiVersion: v1\nkind: ConfigMap\n"), "KF009").empty());
}

TEST(Embedded, KustomizeVariablesAreValidStringsButNotNames) {
  const FileResult r = lint_file(embedded_dir() + "/kustomize-base.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u) << test::rendered(r).back();
  EXPECT_EQ(r.diagnostics[0].rule->id, "KF504");
  EXPECT_NE(r.diagnostics[0].message.find("kustomize build"), std::string::npos);
}

TEST(Embedded, CliCountsAndNamesEmbeddedJobs) {
  cli::CheckOptions o;
  o.paths = {embedded_dir() + "/katib-trial-clean.yaml", embedded_dir() + "/argo-block.yaml", embedded_dir() + "/kustomize-base.yaml"};
  o.verbose = true;
  o.no_config = true;
  const test::CliRun run = test::run_cli(o);
  EXPECT_NE(run.out.find("(3 jobs, 2 embedded)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("linted the MXJob trial template of Katib Experiment `mxjob-tuning`"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("linted the job in the manifest of Argo template `train`"), std::string::npos) << run.out;
}

TEST(Embedded, ChartFoldersTurnTheNoticeOffButAreNeverCalledClean) {
  test::TempDir dir;
  dir.write(".kflint.yaml", "ignore:\n  - paths: [\"charts/**\"]\n    rules: [KF009]\n");
  dir.write("charts/train/templates/tfjob.yaml", test::read_text(embedded_dir() + "/helm-chart/templates/tfjob.yaml"));
  dir.write("jobs/tfjob.yaml", test::kClean);
  cli::CheckOptions o;
  o.paths = {dir.path()};
  const test::CliRun quiet = test::run_cli(o);
  EXPECT_EQ(quiet.code, 0) << quiet.out;
  EXPECT_EQ(quiet.out.find("KF009"), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("1 file is a Go/Helm template, not linted until rendered"), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("Checked 2 files (1 job)."), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("No problems found"), std::string::npos) << quiet.out;
  // Outside the chart folder the notice is there.
  o.no_config = true;
  const test::CliRun notice = test::run_cli(o);
  EXPECT_NE(notice.out.find("[KF009 go-template]"), std::string::npos) << notice.out;
  // SARIF reports embedded findings at the outer file's lines.
  cli::CheckOptions sarif;
  sarif.paths = {embedded_dir() + "/argo-block.yaml"};
  sarif.format = "sarif";
  sarif.no_config = true;
  const test::CliRun report = test::run_cli(sarif);
  EXPECT_NE(report.out.find("\"startColumn\":17,\"startLine\":31}"), std::string::npos) << report.out.substr(0, 2000);
}

}  // namespace
}  // namespace kflint
