// `.kflint.yaml`: parsing with positions, rule resolution, severities, ignores, target.
#include <gtest/gtest.h>

#include "core/config.h"
#include "core/text_util.h"
#include "rules/engine/options.h"
#include "rules/engine/registry.h"
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
  EXPECT_EQ(error_of("colour: red\n").message, "unknown key `colour` (target, operation, rules, include, exclude, ignore)");
  EXPECT_GT(error_of("rules: [\n").line, 0u);
}

// Rule options are declared by their rules (name, type, default, doc): a typo in an option's
// name, an option for a rule that takes none, or a value of the wrong type is an error at the
// option's line and column, never silently ignored.
TEST(Config, RuleOptionsAreTyped) {
  const ConfigError typo = error_of("rules:\n  KF406:\n    severity: error\n    secrets: mine\n");
  EXPECT_EQ(typo.line, 4u);
  EXPECT_EQ(typo.column, 5u);
  EXPECT_EQ(typo.message, "rule `KF406` has no option `secrets`; its options: secret");
  const ConfigError none = error_of("rules:\n  KF301: {limit: 2}\n");
  EXPECT_EQ(none.line, 2u);
  EXPECT_EQ(none.message, "rule `KF301` has no option `limit` (it takes none)");
  const ConfigError not_a_string = error_of("rules:\n  KF406: {secret: [a, b]}\n");
  EXPECT_EQ(not_a_string.message, "rule `KF406` option `secret` must be a string");
  const ConfigError not_a_list = error_of("rules:\n  KF403: {public-registries: {a: b}}\n");
  EXPECT_NE(not_a_list.message.find("must be a list of strings"), std::string::npos);
  // A list is a YAML sequence or one comma-separated string; both reach the rule the same way.
  const ResolvedConfig listed = resolved("rules:\n  KF403: {public-registries: [registry.example.com, r.example.org]}\n");
  const ResolvedConfig joined = resolved("rules:\n  KF403: {public-registries: \"registry.example.com,r.example.org\"}\n");
  EXPECT_EQ(listed.options.rules.at("KF403").options.at("public-registries"), joined.options.rules.at("KF403").options.at("public-registries"));
  const std::string job =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: a}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template: {spec: {containers: "
      "[{name: tensorflow, image: r.example.org/team/train:1, resources: {limits: {cpu: 1, memory: 1Gi}}}]}}\n";
  EXPECT_TRUE(test::has_rule(analyze(job, LintOptions{}), "KF403"));
  EXPECT_FALSE(test::has_rule(analyze(job, listed.options), "KF403"));
  // Every declared option has a type, a default and a doc.
  for (const Rule& r : all_rules())
    for (const RuleOption& o : rule_options(r.info.id)) {
      EXPECT_FALSE(o.default_value.empty()) << r.info.id << " " << o.name;
      EXPECT_FALSE(o.doc.empty()) << r.info.id << " " << o.name;
    }
}

TEST(Config, SeverityOverrideAndDisableApplyToLint) {
  const ResolvedConfig c = resolved("rules:\n  KF209: info\n  KF405: off\n");
  const std::string text =
      "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: a}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 0\n"
      "      template: {spec: {containers: [{name: tensorflow, image: busybox}]}}\n";
  const FileResult r = analyze(text, c.options);
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
  EXPECT_FALSE(test::has_rule(analyze(text, c.options), "KF405"));
  const std::string other = text.substr(0, text.find("smoke-1")) + "prod-1" + text.substr(text.find("smoke-1") + 7);
  EXPECT_TRUE(test::has_rule(analyze(other, c.options), "KF405"));
}

// Globs: the old backtracking matcher took over 30 s on ~22 `**` or ~60 `*`; matching is now
// linear in the text for any pattern, and an absurd pattern is a configuration error.
TEST(Glob, SemanticsAndNoBacktracking) {
  EXPECT_TRUE(glob_match("*.yaml", "deploy/job.yaml"));  // no slash: the file name in any folder
  EXPECT_TRUE(glob_match("deploy/**/job.yaml", "deploy/job.yaml"));
  EXPECT_TRUE(glob_match("deploy/**/job.yaml", "deploy/a/b/job.yaml"));
  EXPECT_FALSE(glob_match("deploy/*/job.yaml", "deploy/a/b/job.yaml"));
  EXPECT_TRUE(glob_match("job-?.yaml", "job-1.yaml"));
  EXPECT_FALSE(glob_match("a?b", "a/b"));
  EXPECT_TRUE(glob_match("**", "a/b/c"));
  std::string stars, starstars;
  for (int i = 0; i < 60; ++i) stars += "*a";
  for (int i = 0; i < 30; ++i) starstars += "**/a";
  const std::string text(5000, 'a');
  EXPECT_TRUE(glob_match(stars, text));
  EXPECT_FALSE(glob_match(stars + "b", text));
  EXPECT_FALSE(glob_match(starstars + "b", text + "/" + text));
}

TEST(Config, AbsurdGlobsAreErrorsWithTheirPosition) {
  std::string many;
  for (int i = 0; i < 70; ++i) many += "*";
  const ConfigError e = error_of("exclude:\n  - ok/**\n  - \"" + many + "\"\n");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 5u);
  EXPECT_NE(e.message.find("more than 64 wildcards"), std::string::npos) << e.message;
  EXPECT_EQ(error_of("ignore:\n  - name: \"" + many + "\"\n").line, 2u);
  EXPECT_NE(error_of("include: \"" + std::string(2000, 'x') + "\"\n").message.find("longer than 1024"), std::string::npos);
}

}  // namespace
}  // namespace kflint
