// The safe-write guard and the one fix selection that `--fix` and the editor's fix-all share.
#include <gtest/gtest.h>

#include "core/fix_apply.h"
#include "core/fix_guard.h"
#include "test_util.h"

namespace kflint {
namespace {

const std::string kJob =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 1\n"
    "      template:\n        spec:\n          containers:\n          - name: tensorflow\n            image: busybox:1.36\n"
    "            resources:\n";

std::string fixed_by_cli(const std::string& text, bool unsafe = false) {
  const FileResult r = test::lint_string(text);
  return apply_edits(text, select_fixes(text, r.diagnostics, unsafe).edits);
}

TEST(FixGuard, AcceptsAnEditThatChangesOnlyItsValue) {
  const std::string before = "a: 1\nb: no\n";
  const std::vector<TextEdit> edits{{{8, 10}, "\"no\""}};
  EXPECT_EQ(fix_guard(before, edits, apply_edits(before, edits)), "");
}

TEST(FixGuard, RefusesTextThatNoLongerParses) {
  const std::string before = "a: &x 1\nb: *x\n";
  const std::vector<TextEdit> edits{{{3, 7}, "\"1\""}};  // drops the anchor
  EXPECT_NE(fix_guard(before, edits, apply_edits(before, edits)).find("would not parse"), std::string::npos);
}

TEST(FixGuard, RefusesAChangeOutsideTheEditedBytes) {
  // The edit is on `c`, but it defines a new anchor `x`, so the alias in `b` changes value.
  const std::string anchors = "a: &x 1\nc: 5\nb: *x\n";
  const std::vector<TextEdit> edits{{{11, 12}, "&x 5"}};
  EXPECT_EQ(fix_guard(anchors, edits, apply_edits(anchors, edits)), "`b` would change value");
  // A new document, a new duplicate key: refused too.
  const std::string before = "a:\n  x: 1\nb: 2\n";
  const std::vector<TextEdit> split{{{8, 9}, "1\n---"}};
  EXPECT_NE(fix_guard(before, split, apply_edits(before, split)).find("number of YAML documents"), std::string::npos)
      << fix_guard(before, split, apply_edits(before, split));
  const std::vector<TextEdit> dup{{{8, 9}, "1\n  x: 1"}};
  EXPECT_EQ(fix_guard(before, dup, apply_edits(before, dup)), "the fix would add a duplicate key");
  // A key added by the edit is what the edit means to do.
  const std::vector<TextEdit> add{{{8, 9}, "1\n  y: 2"}};
  EXPECT_EQ(fix_guard(before, add, apply_edits(before, add)), "");
}

// Round three: a value shared through an alias by fields of different names changes at both
// when its anchor's bytes change. A fix for one (KF206 renaming a container whose `name: *n`
// points at an annotation's `&n trainer`) is refused; a quantity shared by `requests.cpu` and
// `limits.cpu` changes at both on purpose (above).
TEST(FixGuard, RefusesRenamingAValueThatAnotherFieldSharesThroughAnAlias) {
  const std::string before = "metadata:\n  annotations:\n    owner: &n trainer\nspec:\n  name: *n\n";
  const size_t at = before.find("trainer");
  const std::vector<TextEdit> edits{{{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 7)}, "tensorflow"}};
  EXPECT_NE(fix_guard(before, edits, apply_edits(before, edits)).find("are one value (an anchor and its alias)"), std::string::npos)
      << fix_guard(before, edits, apply_edits(before, edits));
}

// Issue 11, item 8: KF007 and KF303 rewrote `&half 0.5` as `"0.5"`, dropping the anchor.
TEST(FixGuard, QuantityAndStringFixesKeepAnchors) {
  const std::string text = kJob +
                           "              requests: {cpu: &half 0.5, memory: 1Gi}\n"
                           "              limits: {cpu: *half, memory: 1Gi}\n"
                           "            env:\n            - name: FLAG\n              value: &flag no\n"
                           "            - name: OTHER\n              value: *flag\n";
  const std::string fixed = fixed_by_cli(text);
  EXPECT_NE(fixed.find("{cpu: &half \"500m\", memory: 1Gi}"), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("value: &flag \"no\""), std::string::npos) << fixed;
  EXPECT_FALSE(test::has_rule(test::lint_string(fixed), "KF001"));
}

// Issue 11, item 9: KF304's added limit under `limits: &l`, and in a CRLF file.
TEST(FixGuard, AddedLinesTakeTheKeysIndentationAndTheFilesLineBreaks) {
  std::string text = kJob +
                     "              requests:\n                cpu: 1\n                nvidia.com/gpu: 1\n"
                     "              limits: &l\n                cpu: 1\n";
  EXPECT_NE(fixed_by_cli(text).find("              limits: &l\n                cpu: 1\n                nvidia.com/gpu: 1\n"), std::string::npos)
      << fixed_by_cli(text);
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string fixed = fixed_by_cli(crlf);
  EXPECT_NE(fixed.find("                cpu: 1\r\n                nvidia.com/gpu: 1\r\n"), std::string::npos) << fixed;
  EXPECT_EQ(fixed.find("\n", 0) , fixed.find("\r\n") + 1);
  for (size_t i = fixed.find('\n'); i != std::string::npos; i = fixed.find('\n', i + 1)) EXPECT_EQ(fixed[i - 1], '\r') << i;
}

TEST(FixSelection, WholeFixesOnlyAndTheGuardsReasonIsReported) {
  Diagnostic d1, d2;
  RuleInfo info{"KF999", "test", "test", Severity::Error, "", ""};
  d1.rule = d2.rule = &info;
  d1.fixes.push_back({"first", Applicability::Safe, {{{3, 4}, "2"}}});
  // Two edits, the second overlapping the first fix: neither of its edits is taken.
  d2.fixes.push_back({"second", Applicability::Safe, {{{8, 9}, "3"}, {{3, 4}, "4"}}});
  const std::string text = "a: 1\nb: 1\n";
  const FixSelection s = select_fixes(text, {d1, d2}, false);
  EXPECT_EQ(s.fixes, 1u);
  EXPECT_EQ(apply_edits(text, s.edits), "a: 2\nb: 1\n");
  // A fix that breaks the YAML is refused with its reason; the others still apply.
  Diagnostic bad = d2;
  bad.fixes = {{"breaks", Applicability::Safe, {{{8, 9}, "[1"}}}};
  const FixSelection s2 = select_fixes(text, {d1, bad}, false);
  EXPECT_EQ(s2.fixes, 1u);
  ASSERT_EQ(s2.refused.size(), 1u);
  EXPECT_NE(s2.refused[0].find("KF999 fix `breaks` not applied: the fixed YAML would not parse"), std::string::npos) << s2.refused[0];
  EXPECT_EQ(apply_edits(text, s2.edits), "a: 2\nb: 1\n");
}

}  // namespace
}  // namespace kflint
