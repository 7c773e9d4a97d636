// `.kflint.yaml`: parsing with positions, rule resolution, severities, ignores, target.
#include <gtest/gtest.h>

#include "core/config.h"
#include "rules/engine/options.h"
#include "test_util.h"

namespace kflint {
namespace {

ResolvedConfig resolved(const std::string& text) {
  auto parsed = parse_config("/repo/.kflint.yaml", text);
  EXPECT_TRUE(std::holds_alternative<Config>(parsed)) << std::get<ConfigError>(parsed).to_string();
  auto r = resolve_config(std::get<Config>(parsed));
  EXPECT_TRUE(std::holds_alternative<ResolvedConfig>(r)) << std::get<ConfigError>(r).to_string();
  return std::get<ResolvedConfig>(r);
}

ConfigError error_of(const std::string& text) {
  auto parsed = parse_config("/repo/.kflint.yaml", text);
  if (auto* e = std::get_if<ConfigError>(&parsed)) return *e;
  auto r = resolve_config(std::get<Config>(parsed));
  EXPECT_TRUE(std::holds_alternative<ConfigError>(r)) << "expected an error for:\n" << text;
  return std::holds_alternative<ConfigError>(r) ? std::get<ConfigError>(r) : ConfigError{};
}

TEST(Config, RulesBySlugOrIdWithSeverityAndOptions) {
  const ResolvedConfig c = resolved(
      "target: cci\nrules:\n  KF405: off\n  requests-exceed-limits: warning\n  KF406: {severity: error, secret: my-secret}\n");
  EXPECT_EQ(c.options.target, Target::Cci);
  EXPECT_FALSE(c.options.rules.at("KF405").enabled);
  EXPECT_EQ(c.options.rules.at("KF301").severity, Severity::Warning);
  EXPECT_EQ(c.options.rules.at("KF406").options.at("secret"), "my-secret");
}

TEST(Config, ErrorsNameThePosition) {
  const ConfigError unknown = error_of("rules:\n  KF301: error\n  requests-exceeds-limit: off\n");
  EXPECT_EQ(unknown.line, 3u);
  EXPECT_EQ(unknown.column, 3u);
  EXPECT_NE(unknown.message.find("did you mean `requests-exceed-limits`"), std::string::npos) << unknown.message;
  const ConfigError level = error_of("rules:\n  KF301: loud\n");
  EXPECT_EQ(level.line, 2u);
  EXPECT_EQ(error_of("target: openshift\n").line, 1u);
  EXPECT_EQ(error_of("colour: red\n").message, "unknown key `colour` (target, rules, include, exclude, ignore)");
  EXPECT_GT(error_of("rules: [\n").line, 0u);
}

TEST(Config, SeverityOverrideAndDisableApplyToLint) {
  const ResolvedConfig c = resolved("rules:\n  KF209: info\n  KF405: off\n");
  const std::string text =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: a}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 0\n"
      "      template: {spec: {containers: [{name: tensorflow, image: busybox}]}}\n";
  const cli::FileReport r = cli::lint_text("x.yaml", text, c.options);
  ASSERT_TRUE(test::has_rule(r, "KF209"));
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule->id == "KF209") EXPECT_EQ(d.severity, Severity::Info);
  EXPECT_FALSE(test::has_rule(r, "KF405"));
}

TEST(Config, PathAndObjectIgnores) {
  const ResolvedConfig c = resolved(
      "ignore:\n  - paths: [\"legacy/**\"]\n    rules: [KF209]\n  - kind: TFJob\n    name: \"smoke-*\"\n    rules: [image-latest-tag]\n"
      "exclude: [\"vendor/**\"]\n");
  EXPECT_EQ(c.options_for("/repo/legacy/a/job.yaml").ignored_rules, std::vector<std::string>{"KF209"});
  EXPECT_TRUE(c.options_for("/repo/jobs/job.yaml").ignored_rules.empty());
  EXPECT_TRUE(c.excluded("/repo/vendor/x.yaml"));
  EXPECT_FALSE(c.excluded("/repo/jobs/x.yaml"));
  const std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: smoke-1}\nspec:\n  tfReplicaSpecs:\n    Worker:\n"
                           "      template: {spec: {containers: [{name: tensorflow, image: busybox}]}}\n";
  EXPECT_FALSE(test::has_rule(cli::lint_text("x.yaml", text, c.options), "KF405"));
  const std::string other = text.substr(0, text.find("smoke-1")) + "prod-1" + text.substr(text.find("smoke-1") + 7);
  EXPECT_TRUE(test::has_rule(cli::lint_text("x.yaml", other, c.options), "KF405"));
}

}  // namespace
}  // namespace kflint
