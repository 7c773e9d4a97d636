// `--operation`: what a file is sent with changes what is wrong with it. RFC 7386's own examples
// of merge semantics, each operation on the same server response, merge patches alone and
// applied to a base (findings at the patch's or the base's lines), and the configuration.

#include <gtest/gtest.h>

#include "cli_test_util.h"
#include "core/value_json.h"
#include "rules/engine/merge_patch.h"
#include "rules/engine/options.h"

namespace kflint {
namespace {

// MergePatch(target, patch) through merge_patch_json, in kubectl's JSON (sorted keys).
std::string merged(const std::string& target, const std::string& patch) {
  const SourceText t(target), p(patch);
  const Document td = parse_document(t, {0, static_cast<uint32_t>(target.size())}, 0);
  const Document pd = parse_document(p, {0, static_cast<uint32_t>(patch.size())}, 0);
  const MergedJob m = merge_patch_json(td.values, td.values.root, pd.values, pd.values.root);
  const SourceText out(m.text);
  const Document od = parse_document(out, {0, static_cast<uint32_t>(m.text.size())}, 0);
  EXPECT_FALSE(od.syntax_error) << m.text;
  return to_kubectl_json(od.values, od.values.root);
}

// RFC 7386, Appendix A: every example, verbatim.
TEST(MergePatch, Rfc7386AppendixA) {
  const char* const cases[][3] = {
      {R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})"},
      {R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})"},
      {R"({"a":"b"})", R"({"a":null})", R"({})"},
      {R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})"},
      {R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})"},
      {R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})"},
      {R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})"},
      {R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})"},
      {R"(["a","b"])", R"(["c","d"])", R"(["c","d"])"},
      {R"({"a":"b"})", R"(["c"])", R"(["c"])"},
      {R"({"a":"foo"})", R"(null)", R"(null)"},
      {R"({"a":"foo"})", R"("bar")", R"("bar")"},
      {R"({"e":null})", R"({"a":1})", R"({"a":1,"e":null})"},
      {R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})"},
      {R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})"},
  };
  for (const auto& c : cases) EXPECT_EQ(merged(c[0], c[1]), c[2]) << c[0] << " + " << c[1];
}

// Nested objects merge, lists are replaced whole, null deletes: on a job, in YAML.
TEST(MergePatch, NestedMapsMergeListsReplaceNullDeletes) {
  EXPECT_EQ(merged("spec: {runPolicy: {cleanPodPolicy: All, backoffLimit: 3}, x: [1, 2]}",
                   "spec:\n  runPolicy:\n    backoffLimit: null\n    ttlSecondsAfterFinished: 60\n  x: [3]\n"),
            R"({"spec":{"runPolicy":{"cleanPodPolicy":"All","ttlSecondsAfterFinished":60},"x":[3]}})");
}

const std::string kResponse = R"(apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: mnist
  namespace: team-a
  uid: 083cc6df-ade3-11e9-aaa4-340a9837e413
  resourceVersion: "72447176"
  creationTimestamp: "2019-07-24T07:17:01Z"
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      restartPolicy: OnFailure
      template:
        spec:
          containers:
            - name: tensorflow
              image: docker.io/kubeflow/tf-mnist:1.0
              resources:
                limits: {cpu: "1", memory: 2Gi}
status:
  startTime: "2019-07-24T07:16:13Z"
)";

// The metadata rules (KF5xx) raised under an operation.
std::vector<std::string> rules_of(const std::string& text, Operation op) {
  LintOptions o;
  o.operation = op;
  std::vector<std::string> ids;
  for (const Diagnostic& d : analyze(text, o).diagnostics)
    if (d.rule->id.rfind("KF5", 0) == 0) ids.emplace_back(d.rule->id);
  return ids;
}

TEST(Operations, OneServerResponseUnderEachOperation) {
  // apply: one summary for the server fields, and the version that breaks create and apply.
  EXPECT_EQ(rules_of(kResponse, Operation::Apply), (std::vector<std::string>{"KF501", "KF502"}));
  EXPECT_EQ(rules_of(kResponse, Operation::Create), (std::vector<std::string>{"KF501", "KF502"}));
  // replace: a changed GET result is exactly what a PUT carries.
  EXPECT_EQ(rules_of(kResponse, Operation::Replace), std::vector<std::string>{});
  std::string no_version = kResponse;
  no_version.erase(no_version.find("  resourceVersion"), std::string("  resourceVersion: \"72447176\"\n").size());
  EXPECT_EQ(rules_of(no_version, Operation::Replace), std::vector<std::string>{"KF507"});
  // create: generateName is how pipelines name jobs; replace needs the name in its URL.
  const std::string generated = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  generateName: mnist-\n  resourceVersion: \"1\"\nspec:\n  tfReplicaSpecs: {}\n";
  EXPECT_EQ(rules_of(generated, Operation::Create), std::vector<std::string>{"KF502"});
  EXPECT_EQ(rules_of(generated, Operation::Replace), std::vector<std::string>{"KF503"});
  // The summary names the fields, and each-field lists them one by one.
  const FileResult summary = analyze(kResponse, LintOptions{});
  EXPECT_NE(summary.diagnostics[0].message.find("this looks like a server response"), std::string::npos);
  LintOptions each;
  each.rules["KF501"].options["each-field"] = "true";
  size_t kf501 = 0;
  for (const Diagnostic& d : analyze(kResponse, each).diagnostics) kf501 += d.rule->id == "KF501";
  EXPECT_EQ(kf501, 3u);  // uid, creationTimestamp, status
}

TEST(Operations, ResponsesAreSummarisedOncePerFile) {
  const FileResult r = analyze(kResponse + "---\n" + kResponse + "---\n" + kResponse, LintOptions{});
  std::vector<std::string> summaries;
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule->id == "KF501") summaries.push_back(d.message);
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_NE(summaries[0].find("(2 more objects in this file look the same)"), std::string::npos) << summaries[0];
}

TEST(Operations, APatchIsLintedForWhatItHolds) {
  LintOptions o;
  o.operation = Operation::Patch;
  // The manual's own patch body: clean, and a job (not skipped as it is under apply).
  const FileResult manual = analyze(R"({ "metadata": { "labels": { "app": "test" } } })", o);
  EXPECT_EQ(test::rendered(manual), std::vector<std::string>{});
  EXPECT_EQ(manual.jobs, 1u);
  const FileResult as_apply = analyze(R"({ "metadata": { "labels": { "app": "test" } } })", LintOptions{});
  EXPECT_EQ(as_apply.jobs, 0u);
  ASSERT_EQ(as_apply.skipped.size(), 1u);
  EXPECT_NE(as_apply.skipped[0].find("--operation patch"), std::string::npos);
  // What is present is judged; what is missing is not; null deletes.
  const FileResult r = analyze("spec:\n  tfReplicaSpecs:\n    Worker:\n      replica: 3\n      template:\n        spec:\n          containers:\n"
                               "            - name: tensorflow\n              image: \"bad image\"\n              resources:\n"
                               "                limits: {cpu: 1000x}\n  runPolicy:\n    cleanPodPolicy: null\n",
                               o);
  EXPECT_EQ(test::rendered(r).size(), 4u) << ::testing::PrintToString(test::rendered(r));
  // A list is replaced whole, so the container is complete: its missing memory limit is real.
  for (const char* id : {"KF101", "KF402", "KF302", "KF305"}) EXPECT_TRUE(test::has_rule(r, id)) << id;
  for (const char* id : {"KF103", "KF105", "KF205", "KF403"}) EXPECT_FALSE(test::has_rule(r, id)) << id;
  // The kind a patch is for, from its fields.
  const FileResult mx = analyze("spec:\n  jobMode: Train\n", o);
  ASSERT_EQ(test::rendered(mx).size(), 1u);
  EXPECT_EQ(mx.diagnostics[0].rule->id, "KF210");
}

TEST(Operations, PatchAppliedToItsBaseReportsInTheFileTheValueCameFrom) {
  test::TempDir dir;
  const std::string base = dir.write("base.yaml", R"(apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: mnist
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: tensorflow
              image: docker.io/kubeflow/tf-mnist:1.0
              resources:
                requests: {cpu: "2", memory: 1Gi}
                limits: {cpu: "1", memory: 1Gi}
)");
  const std::string patch = dir.write("patch.yaml", "metadata:\n  name: mnist-2\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 0\n");
  cli::CheckOptions o;
  o.paths = {patch};
  o.operation = "patch";
  o.patch_base = base;
  o.no_source = true;
  o.no_config = true;
  const test::CliRun run = test::run_cli(o);
  EXPECT_EQ(run.code, 1) << run.err;
  // The rename and the replica count are the patch's; requests above limits are the base's.
  EXPECT_NE(run.out.find(patch + ":2:9: error: the patch changes `metadata.name` from `mnist` to `mnist-2`"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(patch + ":6:17: error:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[KF209 replicas-below-one]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(base + ":15:33: error:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[KF301 requests-exceed-limits]"), std::string::npos) << run.out;
  // A base that is not one job is refused before anything is linted.
  o.patch_base = dir.write("two.yaml", test::kClean + "---\n" + test::kClean);
  const test::CliRun two = test::run_cli(o);
  EXPECT_EQ(two.code, 2);
  EXPECT_NE(two.err.find("it holds 2 jobs; a patch applies to one"), std::string::npos) << two.err;
  o.operation.reset();
  EXPECT_EQ(test::run_cli(o).code, 2);  // --patch-base without --operation patch
}

TEST(Operations, ConfigurationSetsTheOperationPerPath) {
  test::TempDir dir;
  const std::string config = dir.write(".kflint.yaml", "operation:\n  \"put/**\": replace\n  \"patch/*.json\": patch\n");
  const auto parsed = load_config(config);
  ASSERT_TRUE(std::holds_alternative<Config>(parsed));
  const auto resolved = resolve_config(std::get<Config>(parsed));
  ASSERT_TRUE(std::holds_alternative<ResolvedConfig>(resolved));
  const ResolvedConfig& rc = std::get<ResolvedConfig>(resolved);
  EXPECT_EQ(rc.options_for(dir.path() + "/put/a/job.yaml").operation, Operation::Replace);
  EXPECT_EQ(rc.options_for(dir.path() + "/patch/labels.json").operation, Operation::Patch);
  EXPECT_EQ(rc.options_for(dir.path() + "/jobs/job.yaml").operation, Operation::Apply);
  const auto bad = parse_config("x/.kflint.yaml", "operation: delete\n");
  ASSERT_TRUE(std::holds_alternative<ConfigError>(bad));
  EXPECT_EQ(std::get<ConfigError>(bad).to_string(), "x/.kflint.yaml:1:12: operation must be apply, create, replace or patch, got `delete`");
  cli::CheckOptions o;
  o.paths = {config};
  o.operation = "delete";
  EXPECT_EQ(test::run_cli(o).code, 2);
}

}  // namespace
}  // namespace kflint
