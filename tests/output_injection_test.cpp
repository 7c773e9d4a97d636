// Output that cannot be read as commands (hardening, round three): hostile file names, keys and
// values through all six formats, and --diff under GitHub Actions. The control syntax of each:
// GitHub workflow commands (a line whose first visible characters are "::", in any log a runner
// prints, so in every human-readable format), JSON (parsed back, names round-trip), XML (JUnit).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_test_util.h"

namespace kflint {
namespace {

using test::CliRun;
using test::run_cli;

const std::vector<std::string> kHostileNames = {
    "::add-mask::x.yaml", " ::error::indented.yaml", "a%0A::error::b.yaml", "line\n::warning file=x::injected.yaml",
    "cr\r::notice::x.yaml", "comma,colon:name.yaml", "::stop-commands::tok.yaml",
};

// A TFJob whose keys and values carry workflow commands after line breaks; every one is reported.
const std::string kHostileJob =
    "apiVersion: kubeflow.org/v1\n"
    "kind: TFJob\n"
    "metadata:\n"
    "  name: \"bad\\n::add-mask::secret\"\n"
    "spec:\n"
    "  \"x\\n::error file=a,line=1::injected\": 1\n"
    "  tfReplicaSpecs:\n"
    "    \"::warning::w\\r\\n::error::r\":\n"
    "      replicas: 1\n"
    "      template:\n"
    "        spec:\n"
    "          containers:\n"
    "            - name: tensorflow\n"
    "              image: \"::add-mask::img\\n::error::x\"\n"
    "              resources: {limits: {cpu: \"1\\n::error::q\"}}\n";

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && std::isxdigit(static_cast<unsigned char>(s[i + 1])) && std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool starts_command(const std::string& line) {
  const size_t visible = line.find_first_not_of(" \t");
  return visible != std::string::npos && line.compare(visible, 2, "::") == 0;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at = 0; at <= text.size(); ++at)
    if (at == text.size() || text[at] == '\n') {
      out.push_back(text.substr(start, at - start));
      start = at + 1;
    }
  return out;
}

// The runner splits on \n and also treats a lone \r as a line break when it renders; either way
// no piece of a line may start a command.
void expect_no_injected_command(const std::string& output, const std::string& what, bool annotations_allowed) {
  static const std::regex annotation(
      R"(^::(error|warning|notice) file=[^:,\r\n]*,line=[0-9]+,endLine=[0-9]+(,col=[0-9]+,endColumn=[0-9]+)?,title=KF[0-9]+ [a-z0-9-]+::[^\r\n]*$)");
  std::string stopped;  // inside ::stop-commands::TOKEN ... ::TOKEN::
  for (const std::string& whole : lines_of(output)) {
    for (const std::string& line : lines_of(std::regex_replace(whole, std::regex("\r"), "\n"))) {
      if (!stopped.empty()) {
        if (line == "::" + stopped + "::") stopped.clear();
        continue;
      }
      if (!starts_command(line)) continue;
      if (line.rfind("::stop-commands::kflint-", 0) == 0 && line.find('\r') == std::string::npos) {
        stopped = line.substr(std::string("::stop-commands::").size());
        continue;
      }
      EXPECT_TRUE(annotations_allowed && std::regex_match(line, annotation)) << what << ": a line reads as a command: " << line;
    }
  }
  EXPECT_TRUE(stopped.empty()) << what << ": stop-commands never resumed";
}

CliRun lint_as(const std::string& name, const std::string& format, bool verbose = false) {
  cli::CheckOptions o;
  o.paths = {"-"};
  o.stdin_filename = name;
  o.format = format;
  o.no_config = true;
  o.verbose = verbose;
  o.threads = 1;
  return run_cli(o, kHostileJob);
}

TEST(OutputInjection, HostileNamesAndValuesInEveryFormat) {
  for (const std::string& name : kHostileNames) {
    for (const std::string format : {"text", "github", "junit", "json", "sarif", "gitlab"}) {
      const CliRun r = lint_as(name, format, format == "text");
      ASSERT_EQ(r.code, 1) << format << " " << name << "\n" << r.out << r.err;
      expect_no_injected_command(r.out, format + " with " + name, format == "github");
      expect_no_injected_command(r.err, format + " (stderr) with " + name, false);
      if (format == "json" || format == "sarif" || format == "gitlab") {
        const nlohmann::json doc = nlohmann::json::parse(r.out);  // throws (fails) on broken structure
        // SARIF names files by URI (percent-encoded); the others by the name itself.
        const std::string uri = doc.contains("runs") ? doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] : "";
        const std::string shown = doc.contains("runs") ? percent_decoded(uri) : name;
        EXPECT_EQ(shown, name) << format << ": the name does not round-trip";
        EXPECT_NE(doc.dump().find(nlohmann::json(doc.contains("runs") ? uri : name).dump()), std::string::npos) << format << " " << name;
      }
      if (format == "junit") {
        EXPECT_EQ(r.out.find("<testcase "), r.out.rfind("<testcase ")) << "one test case for one file";
      }
    }
  }
}

TEST(OutputInjection, ManyFindingsPastTheAnnotationCapStayPlainLines) {
  // Past 10 annotations per level the github format prints plain lines: they start with the name.
  std::string many = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: a}\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template:\n";
  for (int i = 0; i < 15; ++i) many += "        \"::add-mask::k" + std::to_string(i) + "\": 1\n";
  cli::CheckOptions o;
  o.paths = {"-"};
  o.stdin_filename = "::add-mask::x.yaml";
  o.format = "github";
  o.no_config = true;
  const CliRun r = run_cli(o, many);
  EXPECT_NE(r.out.find("more finding"), std::string::npos) << r.out;
  expect_no_injected_command(r.out, "github past the cap", true);
}

TEST(OutputInjection, DiffUnderGithubActionsStopsCommands) {
  test::TempDir dir;
  // A fixable finding in a file whose own lines look like commands: the diff shows them as context.
  const std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: a\n  annotations:\n    note: |\n      ::add-mask::c\n"
                           "spec:\n  tfReplicaSpecs:\n    Ps:\n      replicas: 1\n      template:\n        spec:\n          containers:\n"
                           "            - name: tensorflow\n              image: repo/img:1\n";
  cli::CheckOptions o;
  o.paths = {dir.write("::add-mask::d.yaml", text)};
  o.fix = o.diff = true;
  o.no_config = true;
  o.format = "text";
  ::setenv("GITHUB_ACTIONS", "true", 1);
  const CliRun r = run_cli(o);
  ::unsetenv("GITHUB_ACTIONS");
  ASSERT_NE(r.out.find("@@"), std::string::npos) << "a diff was printed:\n" << r.out;
  // The file's own line is in the diff as context, a line that would read as a command.
  const std::vector<std::string> lines = lines_of(r.out);
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return starts_command(l) && l.find("add-mask::c") != std::string::npos; }))
      << r.out;
  EXPECT_NE(r.out.find("::stop-commands::kflint-"), std::string::npos) << r.out;
  expect_no_injected_command(r.out, "--diff", false);
}

}  // namespace
}  // namespace kflint
