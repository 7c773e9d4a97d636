// Every input the user names is read fully or reported (hardening, round three): a manifest, a
// merge patch, a patch's base and standard input. The property, over every bundled manifest cut
// short at fixed points and broken in the ways YAML breaks (an unclosed flow, an undefined alias,
// a bad indent): whenever the reference reader (yaml-cpp) cannot read a variant, kflint never
// says "No problems found"; as a merge patch (the user said what it is) it is an error at a line;
// and a broken patch never hides its base's own findings.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <random>

#include "cli_test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::run_cli;

std::vector<std::string> seeds() {
  std::vector<std::string> paths;
  for (const char* root : {"/examples", "/tests/rules"})
    for (const auto& e : fs::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + root)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json") && e.path().filename() != ".kflint.yaml")
        paths.push_back(e.path().string());
    }
  std::sort(paths.begin(), paths.end());
  return paths;
}

bool reference_reads(const std::string& text) {
  try {
    YAML::LoadAll(text);
    return true;
  } catch (const YAML::Exception&) {
    return false;
  }
}

// Broken variants of a text: cut at fixed points, and with a break inserted at a line start.
std::vector<std::string> broken_variants(const std::string& text, std::mt19937& rng) {
  std::vector<std::string> out;
  for (int i = 0; i < 3 && !text.empty(); ++i) out.push_back(text.substr(0, std::uniform_int_distribution<size_t>(1, text.size() - 1)(rng)));
  std::vector<size_t> line_starts;
  for (size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    line_starts.push_back(at);
    if (text.find('\n', at) == std::string::npos) break;
  }
  for (const char* breaker : {"  bad: [\n", "x: *undefined_anchor\n", "   - misplaced\n"}) {
    const size_t at = line_starts[std::uniform_int_distribution<size_t>(0, line_starts.size() - 1)(rng)];
    out.push_back(text.substr(0, at) + breaker + text.substr(at));
  }
  return out;
}

bool says_clean(const CliRun& r) { return r.out.find("No problems found") != std::string::npos; }

// A finding reported in the file at a line: "name:LINE:COL: severity: ..." (an error, or what says
// why the rest is not read: KF008's dropped lines, KF009's template notice).
bool reports_at_a_line(const CliRun& r, const std::string& name) {
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(name + ":", 0) == 0 && line.size() > name.size() + 1 && std::isdigit(static_cast<unsigned char>(line[name.size() + 1])))
      return true;
  return false;
}

TEST(InputPaths, UnreadableInputIsNeverCalledClean) {
  test::TempDir dir;
  std::mt19937 rng(20261208);
  size_t unreadable = 0;
  for (const std::string& seed : seeds()) {
    for (const std::string& variant : broken_variants(test::read_text(seed), rng)) {
      if (reference_reads(variant)) continue;
      ++unreadable;
      const std::string ext = fs::path(seed).extension().string();
      const std::string file = dir.write("v" + ext, variant);
      cli::CheckOptions o;
      o.no_config = true;
      o.no_source = true;
      o.threads = 1;
      o.paths = {file};
      const CliRun as_file = run_cli(o);
      EXPECT_FALSE(says_clean(as_file)) << seed << " cut or broken:\n" << variant << "\n---\n" << as_file.out;
      o.paths = {"-"};
      o.stdin_filename = "stdin" + ext;
      const CliRun as_stdin = run_cli(o, variant);
      EXPECT_FALSE(says_clean(as_stdin)) << seed << " on stdin:\n" << as_stdin.out;
      o.paths = {file};
      o.stdin_filename.clear();
      o.operation = "patch";
      const CliRun as_patch = run_cli(o);
      EXPECT_FALSE(says_clean(as_patch)) << seed << " as a patch:\n" << variant << "\n---\n" << as_patch.out;
      EXPECT_TRUE(reports_at_a_line(as_patch, file)) << seed << " as a patch:\n" << variant << "\n---\n" << as_patch.out << as_patch.err;
    }
  }
  EXPECT_GT(unreadable, 200u) << "the property must meet many unreadable inputs";
}

TEST(InputPaths, ABrokenPatchKeepsItsBaseFindings) {
  test::TempDir dir;
  const std::string base = std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-typos.yaml";
  cli::CheckOptions o;
  o.no_config = true;
  o.no_source = true;
  o.operation = "patch";
  o.patch_base = base;
  o.paths = {dir.write("empty.yaml", "{}\n")};
  const CliRun with_empty = run_cli(o);
  // The base's own findings, as an empty patch leaves them.
  std::vector<std::string> base_lines;
  std::istringstream lines(with_empty.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(base + ":", 0) == 0) base_lines.push_back(line);
  ASSERT_GE(base_lines.size(), 3u) << with_empty.out;
  for (const std::string& patch : {std::string("spec:\n  tfReplicaSpecs: [\n"), std::string("{\"spec\": {\"tfReplicaSpecs\": {"),
                                   std::string("spec: *nowhere\n"), std::string("\"a string\"\n"), std::string("- a\n- list\n"),
                                   std::string("kind: Deployment\n")}) {
    o.paths = {dir.write("p.yaml", patch)};
    const CliRun r = run_cli(o);
    for (const std::string& line : base_lines) EXPECT_NE(r.out.find(line), std::string::npos) << "patch:\n" << patch << "\n---\n" << r.out;
    EXPECT_FALSE(says_clean(r));
  }
}

}  // namespace
}  // namespace kflint
