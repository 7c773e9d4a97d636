// Gaps between kflint and the real system found on real manifests (issue 10, section 2), each
// pinned by a test that failed before the change.
#include <gtest/gtest.h>

#include "test_util.h"

namespace kflint {
namespace {

std::vector<std::string> test_lines(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
  }
  return out;
}

const std::string kJobBody =
    "kind: TFJob\nmetadata:\n  name: x\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 1\n      template:\n        spec:\n"
    "          containers:\n          - name: tensorflow\n            image: busybox:1.36\n            resources: {limits: {cpu: 1, memory: 1Gi}}\n";

// KubeDL's TFJob (training.kubedl.io) has its own CRD: not a Kubeflow job, skipped with a reason.
// kflint reported KF006 "use kubeflow.org/v1" on all of them.
TEST(AgreementGaps, JobsOfAnotherApiGroupAreSkipped) {
  const FileResult kubedl = test::lint_string("apiVersion: training.kubedl.io/v1alpha1\n" + kJobBody);
  EXPECT_TRUE(kubedl.diagnostics.empty()) << test::rendered(kubedl).front();
  EXPECT_EQ(kubedl.jobs, 0u);
  ASSERT_EQ(kubedl.skipped.size(), 1u);
  EXPECT_NE(kubedl.skipped[0].find("API group training.kubedl.io is not a Kubeflow job"), std::string::npos);
  // Kubeflow's retired group and a misspelt kubeflow.org are still Kubeflow jobs with KF006.
  EXPECT_TRUE(test::has_rule(test::lint_string("apiVersion: tensorflow.org/v1alpha1\n" + kJobBody), "KF006"));
  EXPECT_TRUE(test::has_rule(test::lint_string("apiVersion: kubeflow.ogr/v1\n" + kJobBody), "KF006"));
}

// training-operator v1.9's webhook accepts two values for runPolicy.managedBy.
TEST(AgreementGaps, ManagedByHasTheWebhooksValues) {
  std::string job = "apiVersion: kubeflow.org/v1\n" + kJobBody;
  job.replace(job.find("spec:\n"), 6, "spec:\n  runPolicy:\n    managedBy: kueue\n");
  const FileResult r = test::lint_string(job);
  ASSERT_EQ(test::rendered(r, "KF104").size(), 1u);
  EXPECT_EQ(test::rendered(r, "KF104")[0],
            "7:16-7:21 KF104 `spec.runPolicy.managedBy` is kueue, which is not an allowed value (allowed: `kubeflow.org/training-operator`, "
            "`kueue.x-k8s.io/multikueue`)");
  job.replace(job.find("kueue\n"), 6, "kueue.x-k8s.io/multikueue\n");
  EXPECT_FALSE(test::has_rule(test::lint_string(job), "KF104"));
}

// A `kubectl get` dump whose `kind: List` line was lost: kubectl says `Object 'Kind' is missing`.
TEST(AgreementGaps, ListWithoutKindIsRefused) {
  std::string items = "apiVersion: v1\nitems:\n- apiVersion: kubeflow.org/v1\n";
  for (const std::string& line : test_lines(kJobBody)) items += "  " + line + "\n";
  const FileResult r = test::lint_string(items);
  ASSERT_EQ(test::rendered(r, "KF006").size(), 1u) << test::rendered(r).size();
  EXPECT_NE(test::rendered(r, "KF006")[0].find("`Object 'Kind' is missing`"), std::string::npos);
  EXPECT_EQ(r.jobs, 1u);  // and the job inside is linted
}

// The MXJob replica field `label` (mxnet-operator v1alpha2/v1beta1): kubectl rejects it in a
// kubeflow.org/v1 job (kubeflow/trainer#1402); it was only a warning, under every target.
TEST(AgreementGaps, MxjobLabelIsAnUnknownFieldError) {
  const std::string job =
      "apiVersion: kubeflow.org/v1\nkind: MXJob\nmetadata:\n  name: tune\nspec:\n  jobMode: MXTune\n  mxReplicaSpecs:\n    TunerServer:\n"
      "      label: 2080ti\n      replicas: 1\n";
  for (Target target : {Target::Auto, Target::Legacy, Target::Cci, Target::Kubeflow}) {
    const FileResult r = test::lint_string(job, target);
    bool found = false;
    for (const Diagnostic& d : r.diagnostics)
      if (d.rule->id == "KF101" && d.message.find("`label`") != std::string::npos) {
        found = true;
        EXPECT_EQ(d.severity, Severity::Error) << target_name(target);
        EXPECT_NE(d.message.find("kubectl rejects it"), std::string::npos) << d.message;
      }
    EXPECT_TRUE(found) << target_name(target);
  }
}

// A job of a version that is no longer served still gets the rules that do not depend on the
// version: a set resourceVersion, server-populated fields. Only KF006 was reported.
TEST(AgreementGaps, RetiredVersionsGetTheVersionIndependentRules) {
  std::string job = "apiVersion: kubeflow.org/v1alpha1\n" + kJobBody + "status: {conditions: []}\n";
  job.replace(job.find("  name: x\n"), 10, "  name: x\n  resourceVersion: \"42\"\n");
  const FileResult r = test::lint_string(job);
  EXPECT_TRUE(test::has_rule(r, "KF006"));
  EXPECT_TRUE(test::has_rule(r, "KF501"));
  EXPECT_TRUE(test::has_rule(r, "KF502"));
  EXPECT_FALSE(test::has_rule(r, "KF101"));  // the schema is v1's: not applied to another layout
}

// Run-policy fields directly under `spec` under the default target: the most common real v1
// failure (kubeflow/trainer#1401) got no word. A warning now, with the operators that accept the
// layout and an unsafe fix; silent for legacy and cci, an error for kubeflow.
TEST(AgreementGaps, LegacyRunPolicyLayoutWarnsUnderAuto) {
  std::string job = "apiVersion: kubeflow.org/v1\n" + kJobBody;
  job.replace(job.find("spec:\n"), 6, "spec:\n  cleanPodPolicy: None\n");
  const FileResult r = test::lint_string(job);
  ASSERT_EQ(test::rendered(r, "KF220").size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_NE(r.diagnostics[0].message.find("training-operator v1.3 and later reject it"), std::string::npos);
  ASSERT_EQ(r.diagnostics[0].fixes.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].fixes[0].applicability, Applicability::Unsafe);
  EXPECT_TRUE(test::rendered(test::lint_string(job, Target::Legacy), "KF220").empty());
  EXPECT_TRUE(test::rendered(test::lint_string(job, Target::Cci), "KF220").empty());
  const FileResult strict = test::lint_string(job, Target::Kubeflow);
  ASSERT_FALSE(test::rendered(strict, "KF220").empty());
}

// YAML that kubectl refuses and kflint read (issue 10, section 2).
TEST(AgreementGaps, YamlKubectlRefuses) {
  const std::string head = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\n";
  auto kf001 = [](const std::string& text) {
    const std::vector<std::string> r = test::rendered(test::lint_string(text), "KF001");
    return r.empty() ? std::string("(none)") : r.front();
  };
  // An unterminated double-quoted scalar at the end of the file: `found unexpected end of stream`.
  EXPECT_EQ(kf001(head + "spec:\n  x:\n    cpu: \"1\n"), "7:10-7:10 KF001 YAML syntax error: found unexpected end of stream (a quoted scalar is not closed)");
  EXPECT_EQ(kf001(head + "spec:\n  x: 'it''s\n"), "6:6-6:6 KF001 YAML syntax error: found unexpected end of stream (a quoted scalar is not closed)");
  EXPECT_EQ(kf001(head + "spec:\n  x: \"a\n    b\"\n"), "(none)");  // a multi-line quoted scalar is fine
  // A self-referencing anchor: `anchor 'r' value contains itself`.
  EXPECT_EQ(kf001(head + "x: &r [*r]\n"), "5:8-5:8 KF001 YAML syntax error: anchor value contains itself");
  EXPECT_EQ(kf001(head + "x: &r {a: *r}\n"), "5:11-5:11 KF001 YAML syntax error: anchor value contains itself");
  // A mapping in a key position: `invalid map key`.
  EXPECT_EQ(kf001("apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: { { .Release.Name } }\n"),
            "4:11-4:11 KF001 YAML syntax error: invalid map key: a mapping or sequence cannot be a key");
  // The same from an unrendered Helm template is what kubectl says too, but kflint says why once
  // (KF009: render it first) instead of reporting the template's syntax (intended difference).
  const FileResult helm = test::lint_string("apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: {{ .Release.Name }}\n");
  ASSERT_EQ(helm.diagnostics.size(), 1u);
  EXPECT_EQ(helm.diagnostics[0].rule->id, "KF009");
}

TEST(AgreementGaps, StreamsKubectlReadsDifferently) {
  auto kf001 = [](const std::string& text) {
    const std::vector<std::string> r = test::rendered(test::lint_string(text), "KF001");
    return r.empty() ? std::string("(none)") : r.front();
  };
  const std::string job = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\nspec:\n  tfReplicaSpecs: {}\n";
  // kubectl's reader refuses anything but spaces or a comment after `---`.
  EXPECT_EQ(kf001(job + "--- !tag\n" + job), "7:1-7:1 KF001 YAML syntax error: invalid Yaml document separator: !tag (kubectl allows only spaces or a comment after `---`)");
  EXPECT_EQ(kf001(job + "----\n" + job), "7:1-7:1 KF001 YAML syntax error: invalid Yaml document separator: - (kubectl allows only spaces or a comment after `---`)");
  EXPECT_EQ(kf001(job + "--- # next\n" + job), "(none)");
  // Trailing garbage after a JSON document: a stream that starts with `{` is JSON to kubectl.
  EXPECT_EQ(kf001("{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\"} x\n"),
            "1:52-1:52 KF001 YAML syntax error: invalid character 'x' after top-level value (the file is JSON to kubectl: it starts with `{`)");
  // JSON Lines: one object per line is a stream of documents, as kubectl's JSON decoder reads it.
  const FileResult lines = test::lint_string("{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\", \"spec\": {}}\n"
                                             "{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"MXJob\", \"spec\": {}}\n");
  EXPECT_EQ(lines.jobs, 2u);
  EXPECT_FALSE(test::has_rule(lines, "KF001"));
  // YAML-only syntax in a JSON stream is refused, as the JSON decoder refuses it.
  EXPECT_EQ(kf001("{\"apiVersion\": \"kubeflow.org/v1\", # a comment\n \"kind\": \"TFJob\"}\n"),
            "1:35-1:35 KF001 YAML syntax error: invalid character '#' looking for beginning of object key string (the file is JSON to kubectl: it starts with `{`)");
  // In a YAML stream, content after a `{...}` document is dropped by go-yaml without a word: KF008.
  const FileResult after_flow = test::lint_string("# YAML\n{apiVersion: kubeflow.org/v1, kind: TFJob, spec: {tfReplicaSpecs: {}}}\nreplicas: 2\n");
  EXPECT_FALSE(test::has_rule(after_flow, "KF001"));
  EXPECT_TRUE(test::has_rule(after_flow, "KF008"));
  // Lines that end in a lone CR are lines (go-yaml breaks there): the job is read, not one comment.
  std::string cr = job;
  for (char& c : cr) c = c == '\n' ? '\r' : c;
  const FileResult r = test::lint_string(cr);
  EXPECT_EQ(r.jobs, 1u);
  EXPECT_EQ(test::rendered(r, "KF201").size(), 1u);
}

}  // namespace
}  // namespace kflint
