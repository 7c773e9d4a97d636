// Every rule has tests/rules/<stem>/{bad.yaml,good.yaml,bad.expected}: bad.yaml raises exactly
// the findings of bad.expected for that rule (range and message), good.yaml raises none.
// A fixture may start with `# target: cci` (or legacy, kubeflow). Set KFLINT_UPDATE_FIXTURES=1
// to write bad.expected from the current output (then review the diff before committing).

#include <gtest/gtest.h>

#include <filesystem>

#include "rules/engine/registry.h"
#include "test_util.h"

namespace kflint {

// Readable test names and messages instead of a byte dump of the parameter.
void PrintTo(const GeneratedRule& g, std::ostream* os) { *os << g.stem; }

namespace {

Target fixture_target(const std::string& text) {
  Target t = Target::Auto;
  if (text.rfind("# target: ", 0) == 0) parse_target(text.substr(10, text.find('\n') - 10), t);
  return t;
}

std::string fixture_dir(std::string_view stem) { return std::string(KFLINT_SOURCE_DIR) + "/tests/rules/" + std::string(stem); }

class RuleFixture : public ::testing::TestWithParam<GeneratedRule> {};

TEST_P(RuleFixture, BadRaisesExpectedFindings) {
  const GeneratedRule& g = GetParam();
  const std::string dir = fixture_dir(g.stem);
  ASSERT_TRUE(std::filesystem::exists(dir + "/bad.yaml")) << dir << "/bad.yaml is missing";
  const std::string text = test::read_text(dir + "/bad.yaml");
  const FileResult report = test::lint_string(text, fixture_target(text));
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
  const FileResult report = test::lint_string(text, fixture_target(text));
  EXPECT_EQ(test::rendered(report, g.def->id), std::vector<std::string>{}) << "for " << dir << "/good.yaml";
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleFixture, ::testing::ValuesIn(generated_rules()),
                         [](const ::testing::TestParamInfo<GeneratedRule>& info) { return std::string(info.param.stem); });

}  // namespace
}  // namespace kflint
