// The bad-input suite: for each kind of hostile or broken input, the message and exit code.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli_test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

struct Result {
  int code;
  std::string out;
};

Result check_text(const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("kflint-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "input.yaml").string();
  std::ofstream(path, std::ios::binary) << text;
  cli::CheckOptions o;
  o.no_config = true;
  o.color = "never";
  o.no_source = true;
  o.paths = {path};
  std::istringstream in;
  std::ostringstream out, err;
  const int code = cli::run_check(o, in, out, err);
  fs::remove_all(dir);
  return {code, out.str()};
}

const std::string kHead = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\n";

TEST(BadInput, EmptyCommentsOnlyAndMarkersOnly) {
  for (const std::string text : {"", "# just a comment\n# another\n", "---\n"}) {
    const Result r = check_text(text);
    EXPECT_EQ(r.code, 0) << text;
    EXPECT_NE(r.out.find("No problems found in 1 file (0 jobs)."), std::string::npos) << r.out;
  }
  // `...` with no document before it is refused by kubectl's reader: not clean, though silent
  // (nothing in the file mentions Kubeflow), and counted as not read.
  const Result r = check_text("---\n...\n---\n");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.find("No problems found"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Not linted: 1 document is not YAML kflint can read"), std::string::npos) << r.out;
}

TEST(BadInput, BinaryAndEncodings) {
  EXPECT_EQ(check_text(std::string("\x7f" "ELF\0\0\0", 7)).code, 2);
  EXPECT_NE(check_text("name: caf\xe9\n").out.find("invalid UTF-8 at line 1"), std::string::npos);
  EXPECT_NE(check_text(std::string("\xFE\xFF\0k", 4)).out.find("UTF-16"), std::string::npos);
  // A UTF-8 BOM is fine, and positions ignore it.
  const Result bom = check_text("\xEF\xBB\xBF" + kHead + "spec:\n  tfReplicaSpecs: {}\n");
  EXPECT_EQ(bom.code, 1);
  EXPECT_NE(bom.out.find("input.yaml:6:19: error:"), std::string::npos) << bom.out;
}

// kubectl's go-yaml refuses control characters before parsing ("control characters are not
// allowed"); kflint reported on (and "fixed") such a document at shifted offsets.
TEST(BadInput, ControlCharactersAreASyntaxErrorWithNoFix) {
  const std::string job =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmet\x1c\x1c" "adata:\n  name: x\nspec:\n  tfReplicaSpecs:\n    Worker:\n"
      "      replicas: 1\n      template:\n        spec:\n          containers:\n          - name: tensorflow\n"
      "            image: \"busybox:1.36 \"\n";
  const FileResult r = test::lint_string(job);
  ASSERT_EQ(test::rendered(r), std::vector<std::string>{"3:4-3:4 KF001 YAML syntax error: control characters are not allowed (U+001C)"});
  EXPECT_TRUE(r.diagnostics[0].fixes.empty());
  // `--fix` leaves such a file alone.
  const fs::path dir = fs::temp_directory_path() / ("kflint-cc-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "job.yaml").string();
  std::ofstream(path, std::ios::binary) << job;
  cli::CheckOptions o;
  o.no_config = true;
  o.fix = true;
  o.paths = {path};
  EXPECT_EQ(test::run_cli(o).code, 1);
  EXPECT_EQ(test::read_text(path), job);
  fs::remove_all(dir);
  // Only the document holding the character is refused; the next one is linted as usual.
  const FileResult two = test::lint_string("kind: TFJob\nx: \"\x7f\"\n---\n" + kHead + "spec:\n  tfReplicaSpecs: {}\n");
  EXPECT_EQ(test::rendered(two), (std::vector<std::string>{"2:5-2:5 KF001 YAML syntax error: control characters are not allowed (U+007F)",
                                                           "9:19-9:21 KF201 `spec.tfReplicaSpecs` is empty: the job is accepted and nothing ever runs; add at least a `Worker`"}));
}

// tree-sitter-yaml keeps rows in 16 bits: 65,533 comment lines in one document corrupted the
// heap when ranges were built. Such documents get ranges and comments from a byte scan.
TEST(BadInput, SeventyThousandCommentLinesInOneDocument) {
  std::string text = kHead;
  for (int i = 0; i < 70000; ++i) text += "# note\n";
  text += "spec:\n  tfReplicaSpecs: {}\n";
  const FileResult r = test::lint_string(text);
  EXPECT_EQ(test::rendered(r), std::vector<std::string>{"70006:19-70006:21 KF201 `spec.tfReplicaSpecs` is empty: the job is accepted and nothing ever runs; add at least a `Worker`"});
  const FileResult suppressed = test::lint_string(text.substr(0, text.size() - 1) + "  # kflint: disable=KF201\n");
  EXPECT_TRUE(suppressed.diagnostics.empty()) << test::rendered(suppressed).size();
}

// KF204 compared every pair of replica types: 30,000 of them took 8.9 s (and blocked the language
// server on every keystroke). Every rule stays linear here; the suite's time limit would catch it.
TEST(BadInput, ThirtyThousandReplicaTypes) {
  std::string text = kHead + "spec:\n  tfReplicaSpecs:\n";
  for (int i = 0; i < 15000; ++i) text += "    Type" + std::to_string(i) + ": {}\n    TYPE" + std::to_string(i) + ": {}\n";
  const FileResult r = test::lint_string(text);
  EXPECT_EQ(test::rendered(r, "KF204").size(), 15000u);
  EXPECT_EQ(test::rendered(r, "KF204").front(), "8:5-8:10 KF204 replica types `Type0` and `TYPE0` are the same type: the operator keeps only one of them");
}

TEST(BadInput, LineEndings) {
  const Result crlf = check_text("apiVersion: kubeflow.org/v1\r\nkind: TFJob\r\nmetadata:\r\n  name: x\r\nspec:\r\n  tfReplicaSpecs: {}\r\n");
  EXPECT_NE(crlf.out.find("input.yaml:6:19: error:"), std::string::npos) << crlf.out;
  const Result cr = check_text("apiVersion: kubeflow.org/v1\rkind: TFJob\rmetadata:\r  name: x\rspec:\r  tfReplicaSpecs: {}\r");
  EXPECT_LE(cr.code, 2) << "lone CR: never a crash";
}

TEST(BadInput, TabsForIndentation) {
  const Result r = check_text(kHead + "spec:\n\ttfReplicaSpecs: {}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("tabs cannot indent YAML"), std::string::npos) << r.out;
}

TEST(BadInput, TenMegabyteSingleLine) {
  const std::string line = "{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\", \"metadata\": {\"name\": \"x\", \"annotations\": {\"a\": \"" +
                           std::string(10'000'000, 'x') + "\"}}, \"spec\": {\"tfReplicaSpecs\": {}}}";
  const Result r = check_text(line);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("[KF506 invalid-annotation]"), std::string::npos);
  EXPECT_NE(r.out.find("[KF201 empty-replica-specs]"), std::string::npos);
}

TEST(BadInput, DeeplyNestedFlowCollections) {
  const Result r = check_text(kHead + "spec: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("[KF003 parse-limit]"), std::string::npos) << r.out.substr(0, 300);
}

// Failing open: 10 million levels made yaml-cpp's look-ahead run out of memory, and the file was
// then reported clean (the other document's finding lost). The limit now applies to the bytes
// before anything is built, and a document that could not be read is never clean.
TEST(BadInput, DeepJsonNeverEndsClean) {
  // (A comment first: a stream that starts with `{` is JSON to kubectl, with its own depth limit.)
  const std::string deep = "# YAML\n{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\", \"x\": " + std::string(2000000, '[') +
                           std::string(2000000, ']') + "}\n---\n" + kHead + "spec: {tfReplicaSpecs: {}}\n";
  const FileResult r = test::lint_string(deep);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(test::render(r, r.diagnostics[0]), "2:312-2:312 KF003 nesting deeper than 256 levels");
  EXPECT_EQ(r.diagnostics[1].rule->id, "KF201");
}

// A syntax error in a document that is not a job, beside a TFJob: kubectl refuses the apply.
TEST(BadInput, SyntaxErrorsInEveryDocumentOfAKubeflowFile) {
  const FileResult r = test::lint_string("apiVersion: v1\nkind: ConfigMap\ndata: {a: [1, 2}\n---\n" + kHead + "spec: {tfReplicaSpecs: {Worker: {}}}\n");
  EXPECT_TRUE(test::has_rule(r, "KF001")) << test::rendered(r).size();
  // A file with no Kubeflow job at all (a CI workflow in the same folder) stays silent.
  EXPECT_TRUE(test::lint_string("name: ci\non: [push\n").diagnostics.empty());
}

TEST(BadInput, MessagesSayWhatHappened) {
  // A big list with no alias is not an "alias bomb".
  std::string list = "[";
  for (int i = 0; i < 1000001; ++i) list += "1,";
  list += "1]\n";
  const FileResult big = test::lint_string("# TFJob values\n" + list);
  ASSERT_EQ(big.diagnostics.size(), 1u);
  EXPECT_EQ(big.diagnostics[0].message, "more than 1000000 values in one document");
  // UTF-32 byte-order marks, little and big endian.
  EXPECT_NE(check_text(std::string("\xFF\xFE\0\0a\0\0\0", 8)).out.find("file is UTF-32"), std::string::npos);
  EXPECT_NE(check_text(std::string("\0\0\xFE\xFF\0\0\0a", 8)).out.find("file is UTF-32"), std::string::npos);
}

TEST(BadInput, Aliases) {
  EXPECT_NE(check_text(kHead + "spec: *nowhere\n").out.find("[KF001 yaml-syntax-error]"), std::string::npos);
  const Result recursive = check_text(kHead + "spec: &a\n  tfReplicaSpecs: *a\n");
  EXPECT_LE(recursive.code, 2);
  // Duplicate anchors: the later definition wins for later aliases (YAML semantics).
  const Result dup = check_text(kHead + "x: &a {tfReplicaSpecs: {}}\ny: &a {tfReplicaSpecs: {Worker: {replicas: 0}}}\nspec: *a\n");
  EXPECT_NE(dup.out.find("[KF209 replicas-below-one]"), std::string::npos) << dup.out;
  // Merge keys apply (a value from a merged map is linted).
  const Result merge = check_text(kHead + "base: &b {replicas: -1}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      <<: *b\n");
  EXPECT_NE(merge.out.find("[KF209 replicas-below-one]"), std::string::npos) << merge.out;
}

TEST(BadInput, HugeAndSpecialNumbers) {
  // What kubectl sends: 1e400 stays the string "1e400"; a long decimal is a float.
  for (const char* value : {"1e400", "99999999999999999999999"}) {
    const Result r = check_text(kHead + "spec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: " + value + "\n");
    EXPECT_EQ(r.code, 1) << value;
    EXPECT_TRUE(r.out.find("[KF102 wrong-type]") != std::string::npos || r.out.find("[KF104 value-out-of-range]") != std::string::npos)
        << value << "\n" << r.out;
  }
  // .inf and .nan cannot be sent at all: Go's JSON encoder refuses them, so kubectl refuses the file.
  for (const char* value : {".inf", "-.Inf", ".nan"}) {
    const Result r = check_text(kHead + "spec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: " + value + "\n");
    EXPECT_EQ(r.code, 1) << value;
    EXPECT_NE(r.out.find("json: unsupported value"), std::string::npos) << value << "\n" << r.out;
    EXPECT_NE(r.out.find("[KF001 yaml-syntax-error]"), std::string::npos) << value << "\n" << r.out;
  }
}

TEST(BadInput, KeysThatAreNotStrings) {
  const Result r = check_text(kHead + "  1: one\n  true: yes\nspec:\n  tfReplicaSpecs: {}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("unknown field `1` in `metadata`"), std::string::npos) << r.out;
  // A sequence or mapping as a key: kubectl refuses the document (`invalid map key`).
  const Result complex = check_text(kHead + "  ? [a, b]\n  : c\nspec:\n  tfReplicaSpecs: {}\n");
  EXPECT_NE(complex.out.find("invalid map key"), std::string::npos) << complex.out;
}

TEST(BadInput, StdinClosedEarly) {
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {"-"};
  std::istringstream in("apiVersion: kubeflow.org/v1\nkind: TFJ");
  std::ostringstream out, err;
  EXPECT_EQ(cli::run_check(o, in, out, err), 0);  // a truncated non-job document: nothing to report
}

}  // namespace
}  // namespace kflint

namespace kflint {
namespace {

TEST(Limits, DocumentsPerStream) {
  std::string stream;
  for (int i = 0; i < 100'005; ++i) stream += "---\na: 1\n";
  const FileResult r = test::lint_string(stream);
  const auto limit = test::rendered(r, "KF003");
  ASSERT_EQ(limit.size(), 1u);
  EXPECT_NE(limit[0].find("more than 100000 documents in one stream"), std::string::npos);
}

}  // namespace
}  // namespace kflint
