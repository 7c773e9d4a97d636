// A fix may reveal findings that its error hid, never bring new ones with what it inserts
// (hardening, round three): finding_brought_by, and KF304 on a fractional GPU request.
#include <gtest/gtest.h>

#include "cli_test_util.h"
#include "core/fix_apply.h"
#include "rules/engine/registry.h"

namespace kflint {
namespace {

Diagnostic at(uint32_t start) {
  Diagnostic d;
  d.rule = &find_rule("KF304")->info;
  d.range = {start, start + 1};
  return d;
}

TEST(FixBrings, OnlyFindingsInsideInsertedTextCount) {
  // "ab|cd" with "XYZ" inserted at 2 and "c" replaced by "Q": the fixed text is "abXYZQd".
  const std::vector<TextEdit> edits = {{{2, 2}, "XYZ"}, {{2, 3}, "Q"}};
  EXPECT_EQ(apply_edits("abcd", edits), "abXYZQd");
  const std::vector<ByteRange> inserted = inserted_ranges(edits);
  ASSERT_EQ(inserted.size(), 1u);
  EXPECT_EQ(inserted[0].start, 2u);
  EXPECT_EQ(inserted[0].end, 5u);
  EXPECT_EQ(finding_brought_by(edits, {at(0), at(5), at(6)}), nullptr);  // before, on the replacement, after
  const std::vector<Diagnostic> inside = {at(0), at(3)};
  EXPECT_EQ(finding_brought_by(edits, inside), &inside[1]);
}

TEST(FixBrings, AFractionalGpuRequestGetsNoSafeLimitAndFixChangesNothing) {
  const std::string text = test::kClean.substr(0, test::kClean.find("              resources")) +
                           "              resources:\n                requests:\n                  nvidia.com/gpu: 0.5\n"
                           "                limits:\n                  memory: 1Gi\n";
  test::TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {dir.write("job.yaml", text)};
  o.fix = true;
  const test::CliRun r = test::run_cli(o);
  EXPECT_EQ(test::read_text(o.paths[0]), text) << r.out;
  EXPECT_NE(r.out.find("is requested without a limit"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Add the same limit"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kflint
