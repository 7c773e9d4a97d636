// The document model: multi-document streams, JSON, List kinds, anchors, merge keys, duplicate
// keys, exact ranges, syntax errors that do not hide other documents, and parse limits.
#include <gtest/gtest.h>

#include "core/document.h"
#include "test_util.h"

namespace kflint {
namespace {

std::string slice(const SourceText& s, ByteRange r) { return std::string(s.view().substr(r.start, r.end - r.start)); }

TEST(Document, SplitsStreamsAtMarkersOnly) {
  const SourceText s("---\na: 1\n---\nb: |\n  --- not a marker\n...\n---\nc: 3\n");
  const auto docs = parse_documents(s);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].values.at(docs[1].values.get(docs[1].values.root, "b")).text, "--- not a marker\n");
  EXPECT_EQ(docs[2].values.at(docs[2].values.get(docs[2].values.root, "c")).int_value, 3);
}

TEST(Document, RangesAreAbsoluteAndExact) {
  const SourceText s("\xEF\xBB\xBFx: 1\r\n---\r\nname: \"é😀\"\r\nlist:\r\n  - a\r\n  - {b: c}\r\n");
  const auto docs = parse_documents(s);
  ASSERT_EQ(docs.size(), 2u);
  const Document& d = docs[1];
  const NodeId name = d.values.get(d.values.root, "name");
  EXPECT_EQ(slice(s, d.range(name)), "\"é😀\"");
  EXPECT_EQ(slice(s, d.key_range(name)), "name");
  const NodeId list = d.values.get(d.values.root, "list");
  EXPECT_EQ(slice(s, d.range(list)), "- a\r\n  - {b: c}");
  EXPECT_EQ(slice(s, d.range(d.values.at(list).items[1])), "{b: c}");
  EXPECT_EQ(d.values.path(d.values.get(d.values.at(list).items[1], "b")), "list[1].b");
  const Position p = s.position(d.range(name).start);
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column_chars, 6u);
}

TEST(Document, JsonIsRead) {
  const SourceText s("{\n  \"kind\": \"TFJob\",\n  \"spec\": {\"n\": 2, \"ok\": true, \"s\": \"yes\"}\n}\n");
  const auto docs = parse_documents(s);
  ASSERT_EQ(docs.size(), 1u);
  const ValueTree& v = docs[0].values;
  const NodeId spec = v.get(v.root, "spec");
  EXPECT_EQ(v.at(v.get(spec, "n")).kind, Kind::Int);
  EXPECT_EQ(v.at(v.get(spec, "ok")).kind, Kind::Bool);
  EXPECT_EQ(v.at(v.get(spec, "s")).kind, Kind::String);  // quoted: stays a string
  EXPECT_EQ(slice(s, docs[0].range(v.get(spec, "n"))), "2");
}

TEST(Document, AnchorsAliasesAndMergeKeys) {
  const SourceText s("base: &base {cpu: \"1\", memory: 2Gi}\nlimits:\n  <<: *base\n  memory: 4Gi\ncopy: *base\n");
  const auto docs = parse_documents(s);
  const ValueTree& v = docs[0].values;
  const NodeId limits = v.get(v.root, "limits");
  EXPECT_EQ(v.str(v.get(limits, "cpu")), "1");
  EXPECT_EQ(v.str(v.get(limits, "memory")), "4Gi");  // a later explicit key replaces the merged one
  EXPECT_EQ(v.get(limits, "<<"), kNoNode);
  EXPECT_EQ(v.str(v.get(v.get(v.root, "copy"), "memory")), "2Gi");
  // go-yaml's strict reading calls the override repeated; it is marked, and KF002 lets it be.
  ASSERT_EQ(docs[0].duplicates.size(), 1u);
  EXPECT_TRUE(docs[0].duplicates[0].via_merge);
}

TEST(Document, DuplicateKeysKeepTheLastValue) {
  const SourceText s("a: 1\nb: 2\na: 3\n");
  const auto docs = parse_documents(s);
  const ValueTree& v = docs[0].values;
  EXPECT_EQ(v.at(v.get(v.root, "a")).int_value, 3);
  ASSERT_EQ(docs[0].duplicates.size(), 1u);
  EXPECT_EQ(s.position(v.at(docs[0].duplicates[0].first_key).start).line, 0u);
  EXPECT_EQ(s.position(v.at(docs[0].duplicates[0].second_key).start).line, 2u);
}

TEST(Document, SyntaxErrorDoesNotHideOtherDocuments) {
  const std::string text =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: [\n---\n"
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: Bad_Name\nspec:\n  tfReplicaSpecs: {}\n";
  const FileResult r = test::lint_string(text);
  EXPECT_TRUE(test::has_rule(r, "KF001"));
  EXPECT_TRUE(test::has_rule(r, "KF504"));
  EXPECT_TRUE(test::has_rule(r, "KF201"));
}

TEST(Document, ListKindsLintEachItemAtItsPosition) {
  const std::string text =
      "apiVersion: v1\nkind: List\nitems:\n"
      "- apiVersion: kubeflow.org/v1\n  kind: TFJob\n  metadata: {name: a}\n  spec: {tfReplicaSpecs: {}}\n"
      "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n"
      "- apiVersion: kubeflow.org/v1\n  kind: MXJob\n  metadata: {name: B}\n  spec: {jobMode: MXTrain, mxReplicaSpecs: {}}\n";
  const FileResult r = test::lint_string(text);
  EXPECT_EQ(r.jobs, 2u);
  const auto lines = test::rendered(r, "KF201");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].substr(0, 2), "7:");
  EXPECT_EQ(lines[1].substr(0, 3), "14:");
  EXPECT_TRUE(test::has_rule(r, "KF504"));
}

TEST(Document, NonKubeflowDocumentsAreSilent) {
  const FileResult r = test::lint_string("apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: \"x\"}\n---\nfoo: [1, 2\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.skipped.size(), 2u);
}

TEST(Document, NestingLimit) {
  std::string deep = "kind: TFJob\nx: ";
  for (int i = 0; i < 300; ++i) deep += "[";
  for (int i = 0; i < 300; ++i) deep += "]";
  const FileResult r = test::lint_string(deep + "\n");
  ASSERT_TRUE(test::has_rule(r, "KF003"));
  EXPECT_NE(test::rendered(r, "KF003")[0].find("nesting deeper than 256"), std::string::npos);
}

TEST(Document, AliasBombIsAnErrorNotAnOutOfMemory) {
  std::string bomb = "kind: TFJob\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  const FileResult r = test::lint_string(bomb);
  EXPECT_TRUE(test::has_rule(r, "KF003"));
}

TEST(Document, UndefinedAliasIsASyntaxError) {
  const FileResult r = test::lint_string("apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: *nowhere\n");
  EXPECT_TRUE(test::has_rule(r, "KF001"));
}

}  // namespace
}  // namespace kflint

namespace kflint {
namespace {

TEST(Document, LongLinesGetExactRangesWithoutTreeSitter) {
  // Minified JSON on one line longer than tree-sitter-yaml's 16-bit columns.
  std::string labels;
  for (int i = 0; i < 4000; ++i) labels += (i ? ", " : "") + std::string("\"key") + std::to_string(i) + "\": \"v\"";
  const std::string text = "{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\", \"metadata\": {\"name\": \"x\", \"labels\": {" + labels +
                           "}}, \"spec\": {\"tfReplicaSpecs\": {\"Worker\": {\"replica\": 2, \"template\": {\"spec\": {\"containers\": []}}}}}}";
  ASSERT_GT(text.size(), 40000u);
  const FileResult r = test::lint_string(text);
  const auto unknown = test::rendered(r, "KF101");
  ASSERT_EQ(unknown.size(), 1u);
  const size_t col = text.find("\"replica\"") + 1;
  EXPECT_EQ(unknown[0].substr(0, unknown[0].find(' ')), "1:" + std::to_string(col) + "-1:" + std::to_string(col + 9));
  const auto empty = test::rendered(r, "KF205");
  ASSERT_EQ(empty.size(), 1u);
  const size_t list = text.find("[]") + 1;
  EXPECT_EQ(empty[0].substr(0, empty[0].find(' ')), "1:" + std::to_string(list) + "-1:" + std::to_string(list + 2));
}

TEST(Document, DuplicateKeysInLargeMaps) {
  std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: a\n  labels:\n";
  for (int i = 0; i < 200; ++i) text += "    k" + std::to_string(i) + ": v\n";
  text += "    k3: again\n    k150: again\n";
  const FileResult r = test::lint_string(text);
  const auto dups = test::rendered(r, "KF002");
  ASSERT_EQ(dups.size(), 2u);
  EXPECT_EQ(dups[0].substr(0, 2), "9:");
  EXPECT_EQ(dups[1].substr(0, 4), "156:");
}

}  // namespace
}  // namespace kflint
