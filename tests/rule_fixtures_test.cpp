// Every rule has tests/rules/<stem>/{bad.yaml,good.yaml,bad.expected}: bad.yaml raises exactly
// the findings of bad.expected for that rule (range and message), good.yaml raises none.
// A rule with fixes also has the text its fixes produce on bad.yaml, as ruff's snapshot tests and
// clang-tidy's CHECK-FIXES show it: bad.fixed.yaml (its safe fixes, as `kflint check --fix` and
// the editor's fix-all choose them) and bad.unsafe-fixed.yaml (with --unsafe-fixes too).
// A fixture may start with `# target: cci` (or legacy, kubeflow) and `# operation: replace` (or
// create, patch) lines. Set KFLINT_UPDATE_FIXTURES=1
// to write bad.expected and the fixed texts from the current output (then review the diff).

#include <gtest/gtest.h>

#include <filesystem>

#include "core/fix_apply.h"
#include "rules/engine/registry.h"
#include "test_util.h"

namespace kflint {

// Readable test names and messages instead of a byte dump of the parameter.
void PrintTo(const GeneratedRule& g, std::ostream* os) { *os << g.stem; }

namespace {

FileResult lint_fixture(const std::string& text) { return analyze(text, test::header_options(text)); }

std::string fixture_dir(std::string_view stem) { return std::string(KFLINT_SOURCE_DIR) + "/tests/rules/" + std::string(stem); }

class RuleFixture : public ::testing::TestWithParam<GeneratedRule> {};

TEST_P(RuleFixture, BadRaisesExpectedFindings) {
  const GeneratedRule& g = GetParam();
  const std::string dir = fixture_dir(g.stem);
  ASSERT_TRUE(std::filesystem::exists(dir + "/bad.yaml")) << dir << "/bad.yaml is missing";
  const std::string text = test::read_text(dir + "/bad.yaml");
  const FileResult report = lint_fixture(text);
  const std::vector<std::string> actual = test::rendered(report, g.def->id);
  std::string joined;
  for (const std::string& line : actual) joined += line + "\n";
  if (std::getenv("KFLINT_UPDATE_FIXTURES")) {
    std::ofstream(dir + "/bad.expected", std::ios::binary) << joined;
  }
  ASSERT_FALSE(actual.empty()) << g.def->id << " raised nothing on " << dir << "/bad.yaml";
  EXPECT_EQ(joined, test::read_text(dir + "/bad.expected")) << "for " << dir;
}

TEST_P(RuleFixture, GoodRaisesNothing) {
  const GeneratedRule& g = GetParam();
  const std::string dir = fixture_dir(g.stem);
  ASSERT_TRUE(std::filesystem::exists(dir + "/good.yaml")) << dir << "/good.yaml is missing";
  const std::string text = test::read_text(dir + "/good.yaml");
  const FileResult report = lint_fixture(text);
  EXPECT_EQ(test::rendered(report, g.def->id), std::vector<std::string>{}) << "for " << dir << "/good.yaml";
}

// The rule's own fixes on bad.yaml, one selection (whole fixes, none overlapping, each guarded).
void expect_fixed(const std::string& dir, const std::string& text, const FileResult& report, std::string_view id, bool unsafe) {
  std::vector<Diagnostic> own;
  for (const Diagnostic& d : report.diagnostics)
    if (d.rule->id == id) own.push_back(d);
  const FixSelection chosen = select_fixes(*report.source, own, unsafe);
  const FixSelection safe_only = select_fixes(*report.source, own, false);
  const std::string file = dir + (unsafe ? "/bad.unsafe-fixed.yaml" : "/bad.fixed.yaml");
  // An unsafe snapshot only where the unsafe fixes change something the safe ones do not.
  const bool shown = !chosen.edits.empty() && (!unsafe || apply_edits(text, chosen.edits) != apply_edits(text, safe_only.edits));
  if (!shown) {
    EXPECT_FALSE(std::filesystem::exists(file)) << file << " exists, but " << id << " has no such fix on bad.yaml";
    return;
  }
  const std::string fixed = apply_edits(text, chosen.edits);
  if (std::getenv("KFLINT_UPDATE_FIXTURES")) std::ofstream(file, std::ios::binary) << fixed;
  ASSERT_TRUE(std::filesystem::exists(file)) << file << " is missing: " << id << " has " << (unsafe ? "unsafe" : "safe") << " fixes";
  EXPECT_EQ(fixed, test::read_text(file)) << "for " << file;
  // What a fix produces is read again: it must resolve findings of its rule, and what it inserts
  // must be clean (it may reveal findings its error hid, never bring new ones: KF304 once copied
  // `nvidia.com/gpu: 0.5` into limits).
  const FileResult after = lint_fixture(fixed);
  EXPECT_LT(test::rendered(after, id).size(), own.size()) << id << "'s fixes resolve none of its findings in " << file;
  const Diagnostic* brought = finding_brought_by(chosen.edits, after.diagnostics);
  EXPECT_EQ(brought, nullptr) << id << "'s fixes in " << file << " bring a finding: " << (brought ? brought->message : "");
}

// Fixes that are alternatives (KF301: raise the limit, or lower the request) are never chosen by
// --fix; each is offered in the editor. bad.alternative-N.yaml is bad.yaml with the N-th
// alternative of every such finding applied, as choosing it in the editor for each would give.
void expect_alternatives(const std::string& dir, const std::string& text, const FileResult& report, std::string_view id) {
  size_t most = 0;
  for (const Diagnostic& d : report.diagnostics)
    if (d.rule->id == id && d.fixes.size() > 1) most = std::max(most, d.fixes.size());
  for (size_t n = 0; n < std::max<size_t>(most, 1) + 1; ++n) {
    const std::string file = dir + "/bad.alternative-" + std::to_string(n + 1) + ".yaml";
    if (n >= most) {
      EXPECT_FALSE(std::filesystem::exists(file)) << file << " exists, but " << id << " has no alternative " << n + 1;
      continue;
    }
    std::vector<TextEdit> edits;
    for (const Diagnostic& d : report.diagnostics)
      if (d.rule->id == id && d.fixes.size() > n && d.fixes.size() > 1)
        edits.insert(edits.end(), d.fixes[n].edits.begin(), d.fixes[n].edits.end());
    const std::string fixed = apply_edits(text, edits);
    if (std::getenv("KFLINT_UPDATE_FIXTURES")) std::ofstream(file, std::ios::binary) << fixed;
    ASSERT_TRUE(std::filesystem::exists(file)) << file << " is missing: " << id << " offers alternative fixes";
    EXPECT_EQ(fixed, test::read_text(file)) << "for " << file;
    EXPECT_LT(test::rendered(lint_fixture(fixed), id).size(), test::rendered(report, id).size()) << file << " resolves nothing";
  }
}

TEST_P(RuleFixture, FixesGiveTheFixedText) {
  const GeneratedRule& g = GetParam();
  const std::string dir = fixture_dir(g.stem);
  const std::string text = test::read_text(dir + "/bad.yaml");
  const FileResult report = lint_fixture(text);
  expect_fixed(dir, text, report, g.def->id, false);
  expect_fixed(dir, text, report, g.def->id, true);
  expect_alternatives(dir, text, report, g.def->id);
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleFixture, ::testing::ValuesIn(generated_rules()),
                         [](const ::testing::TestParamInfo<GeneratedRule>& info) { return std::string(info.param.stem); });

}  // namespace
}  // namespace kflint
