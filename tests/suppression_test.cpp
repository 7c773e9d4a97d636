// Inline suppressions (end of line, own line, whole document, slugs, ranges, all), the object
// annotation, and the hygiene findings for unknown and unused suppressions.
#include <gtest/gtest.h>

#include "test_util.h"

namespace kflint {
namespace {

const char* kJob = R"(apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: mnist
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 0%s
      template:
        spec:
          containers:
            - name: tensorflow
              image: kubeflow/tf-mnist%s
              resources: {limits: {cpu: "1", memory: 1Gi}}
)";

std::string job(const std::string& after_replicas, const std::string& after_image) {
  char buf[2048];
  std::snprintf(buf, sizeof buf, kJob, after_replicas.c_str(), after_image.c_str());
  return buf;
}

TEST(Suppression, Baseline) {
  const FileResult r = test::lint_string(job("", ""));
  EXPECT_TRUE(test::has_rule(r, "KF209"));
  EXPECT_TRUE(test::has_rule(r, "KF405"));
}

TEST(Suppression, EndOfLineCoversThatLineOnly) {
  const FileResult r = test::lint_string(job("  # kflint: disable=KF209", ""));
  EXPECT_FALSE(test::has_rule(r, "KF209"));
  EXPECT_TRUE(test::has_rule(r, "KF405"));
  EXPECT_FALSE(test::has_rule(r, "KF005"));
}

TEST(Suppression, SlugsRangesAndAll) {
  EXPECT_FALSE(test::has_rule(test::lint_string(job(" # kflint: disable=replicas-below-one", "")), "KF209"));
  EXPECT_FALSE(test::has_rule(test::lint_string(job(" # kflint: disable=KF200-KF210 -- reason", "")), "KF209"));
  const FileResult all = test::lint_string(job(" # kflint: disable=all", " # kflint: disable=KF405,KF403"));
  EXPECT_FALSE(test::has_rule(all, "KF209"));
  EXPECT_FALSE(test::has_rule(all, "KF405"));
  EXPECT_EQ(test::rendered(all, "KF005").size(), 0u) << "KF403 is listed but KF405 was used, so the comment is used";
}

TEST(Suppression, OwnLineCoversTheNextNodeAndItsSubtree) {
  std::string text = job("", "");
  text.replace(text.find("    Worker:"), 0, "    # kflint: disable=KF209,KF405\n");
  const FileResult r = test::lint_string(text);
  EXPECT_FALSE(test::has_rule(r, "KF209"));
  EXPECT_FALSE(test::has_rule(r, "KF405"));
  std::string other = job("", "");
  other.replace(other.find("      template:"), 0, "      # kflint: disable=KF209\n");  // covers template, not replicas
  EXPECT_TRUE(test::has_rule(test::lint_string(other), "KF209"));
  EXPECT_TRUE(test::has_rule(test::lint_string(other), "KF005"));
}

TEST(Suppression, BeforeTheFirstKeyCoversTheDocument) {
  const FileResult r = test::lint_string("# kflint: disable=KF209,KF405\n" + job("", "") + "---\n" + job("", ""));
  const auto lines = test::rendered(r, "KF209");
  ASSERT_EQ(lines.size(), 1u) << "only the second document still has the finding";
  EXPECT_EQ(lines[0].substr(0, 3), "24:");
}

TEST(Suppression, ObjectAnnotation) {
  std::string text = job("", "");
  text.replace(text.find("  name: mnist\n"), 14, "  name: mnist\n  annotations:\n    kflint.io/ignore: \"KF209, image-latest-tag\"\n");
  const FileResult r = test::lint_string(text);
  EXPECT_FALSE(test::has_rule(r, "KF209"));
  EXPECT_FALSE(test::has_rule(r, "KF405"));
}

TEST(Suppression, UnknownAndUnusedAreReported) {
  const FileResult r = test::lint_string(job(" # kflint: disable=KF999", " # kflint: disable=KF301"));
  EXPECT_TRUE(test::has_rule(r, "KF209"));
  EXPECT_EQ(test::rendered(r, "KF004").size(), 1u);
  EXPECT_EQ(test::rendered(r, "KF005").size(), 1u);
  // The unused suppression's fix removes the comment and keeps the line.
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule->id == "KF005") {
      ASSERT_EQ(d.fixes.size(), 1u);
      EXPECT_EQ(r.source->bytes().substr(d.fixes[0].edits[0].range.start, d.fixes[0].edits[0].range.end - d.fixes[0].edits[0].range.start),
                " # kflint: disable=KF301");
    }
}

TEST(Suppression, IgnoresCommentsThatAreNotDirectives) {
  const FileResult r = test::lint_string(job(" # kflint is great", ""));
  EXPECT_TRUE(test::has_rule(r, "KF209"));
  EXPECT_TRUE(test::has_rule(r, "KF004")) << "a comment starting with `kflint` is read as a directive and is malformed";
  EXPECT_FALSE(test::has_rule(test::lint_string(job(" # see the kflint docs", "")), "KF004"));
}

}  // namespace
}  // namespace kflint
