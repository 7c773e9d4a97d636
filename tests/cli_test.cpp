// `kflint check` end to end in-process: exit codes, stdin, folders, bad inputs, --fix round trips.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/check_command.h"
#include "core/fix_apply.h"
#include "cli_test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
CliRun run(const cli::CheckOptions& o, const std::string& stdin_text = "") { return test::run_cli(o, stdin_text); }

using test::kClean;
using test::kWarnOnly;
using test::TempDir;

TEST(Cli, ExitCodes) {
  TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {dir.write("clean.yaml", kClean)};
  EXPECT_EQ(run(o).code, 0);
  o.paths = {dir.write("warn.yaml", kWarnOnly)};
  EXPECT_EQ(run(o).code, 0) << "warnings do not fail by default";
  o.fail_on = "warning";
  EXPECT_EQ(run(o).code, 1);
  o.fail_on = "error";
  o.paths = {std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-typos.yaml"};
  EXPECT_EQ(run(o).code, 1);
  o.fail_on = "loud";
  EXPECT_EQ(run(o).code, 2);
}

TEST(Cli, BadInputsAreReportedAndOthersStillLinted) {
  TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  const std::string binary = dir.write("binary.yaml", std::string("kind: TFJob\0\x01\x02", 14));
  const std::string latin1 = dir.write("latin1.yaml", "kind: TFJob\nname: caf\xe9\n");
  const std::string utf16 = dir.write("utf16.yaml", std::string("\xFF\xFEk\0i\0", 6));
  const std::string bad = std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-typos.yaml";
  o.paths = {binary, latin1, utf16, dir.path() + "/missing.yaml", dir.path(), bad};
  const CliRun r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("binary.yaml:1:1: error: binary data: NUL byte at line 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("latin1.yaml:1:1: error: invalid UTF-8 at line 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("utf16.yaml:1:1: error: file is UTF-16"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missing.yaml:1:1: error: no such file or directory [KF000 input-error]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tfjob-typos.yaml:8:5: error: unknown TFJob replica type `Wroker`"), std::string::npos) << "other files are still linted";
}

TEST(Cli, OversizedFile) {
  TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  o.max_file_size = 100;
  o.paths = {dir.write("big.yaml", kClean)};
  const CliRun r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("larger than the limit of 100 bytes"), std::string::npos) << r.out;
}

TEST(Cli, StdinWithFilename) {
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {"-"};
  o.stdin_filename = "jobs/from-stdin.yaml";
  const CliRun r = run(o, "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: x}\nspec: {tfReplicaSpecs: {}}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("jobs/from-stdin.yaml:4:24: error:"), std::string::npos) << r.out;
}

TEST(Cli, WalksFoldersForYamlAndJsonOnlyAndSurvivesSymlinkLoops) {
  TempDir dir;
  dir.write("a/job.yaml", kClean);
  dir.write("a/b/job.yml", kClean);
  dir.write("a/b/c/job.json", "{\"apiVersion\": \"kubeflow.org/v1\", \"kind\": \"TFJob\", \"metadata\": {\"name\": \"Q\"}, \"spec\": {\"tfReplicaSpecs\": {}}}");
  dir.write("a/readme.md", "kind: TFJob\n");
  dir.write("a/.git/x.yaml", "kind: TFJob\nspec: [\n");
  fs::create_directory_symlink(dir.path() + "/a", dir.path() + "/a/b/loop");
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {dir.path()};
  o.format = "json";
  const CliRun r = run(o);
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["files"].size(), 3u) << r.out;
  EXPECT_EQ(doc["summary"]["jobs"], 3);
  EXPECT_EQ(r.code, 1);
}

TEST(Cli, ConfigIsFoundByWalkingUpAndErrorsExitTwo) {
  TempDir dir;
  dir.write(".kflint.yaml", "rules:\n  KF405: error\n");
  const std::string job = dir.write("deep/er/job.yaml", kClean.substr(0, kClean.find(":1.0")) + "\n              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n");
  cli::CheckOptions o;
  o.paths = {job};
  CliRun r = run(o);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("error: image `kubeflow/tf-mnist` has no tag"), std::string::npos) << r.out;
  o.no_config = true;
  EXPECT_EQ(run(o).code, 0);
  o.no_config = false;
  o.config = dir.write("broken.yaml", "rules:\n  KF405: loud\n");
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("broken.yaml:2:10: rule `KF405`: expected off, on, error, warning, info or hint"), std::string::npos) << r.err;
  // Files that were not linted are never reported clean.
  EXPECT_EQ(r.out.find("No problems found"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 file not checked: the configuration is invalid"), std::string::npos) << r.out;
  // A typo in a rule option is an error too, at the option's key.
  o.config = dir.write("typo.yaml", "rules:\n  KF403: {secrets: x}\n");
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("typo.yaml:2:11: rule `KF403` has no option `secrets`; its options: secret, public-registries"), std::string::npos) << r.err;
}

TEST(Cli, FixRoundTripKeepsLineEndingsModeAndFinalNewline) {
  TempDir dir;
  std::string crlf =
      "apiVersion: kubeflow.org/v1\r\nkind: TFJob\r\nmetadata:\r\n  name: fixme\r\n  uid: abc\r\nspec:\r\n  tfReplicaSpecs:\r\n    Worker:\r\n"
      "      replicas: \"2\"\r\n      template:\r\n        spec:\r\n          containers:\r\n            - name: trainer\r\n"
      "              image: kubeflow/tf-mnist:1.0\r\n              resources: {limits: {cpu: 0.5, memory: 1Gi}}\r\n";
  const std::string path = dir.write("job.yaml", crlf);
  ::chmod(path.c_str(), 0640);
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {path};
  o.fix = true;
  const CliRun r = run(o);
  EXPECT_EQ(r.code, 0) << r.out;
  const std::string fixed = test::read_text(path);
  EXPECT_EQ(fixed,
            "apiVersion: kubeflow.org/v1\r\nkind: TFJob\r\nmetadata:\r\n  name: fixme\r\nspec:\r\n  tfReplicaSpecs:\r\n    Worker:\r\n"
            "      replicas: 2\r\n      template:\r\n        spec:\r\n          containers:\r\n            - name: tensorflow\r\n"
            "              image: kubeflow/tf-mnist:1.0\r\n              resources: {limits: {cpu: \"500m\", memory: 1Gi}}\r\n");
  struct stat st {};
  ::stat(path.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_NE(r.out.find("Fixed 4 problems."), std::string::npos) << r.out;
  // Fixing again changes nothing.
  EXPECT_EQ(run(o).code, 0);
  EXPECT_EQ(test::read_text(path), fixed);
}

TEST(Cli, DiffShowsFixesWithoutWriting) {
  TempDir dir;
  const std::string text = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: x\n  resourceVersion: \"1\"\nspec:\n  tfReplicaSpecs: {}\n";
  const std::string path = dir.write("job.yaml", text);
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {path};
  o.fix = true;
  o.diff = true;
  const CliRun r = run(o);
  EXPECT_NE(r.out.find("-  resourceVersion: \"1\"\n"), std::string::npos) << r.out;
  EXPECT_EQ(test::read_text(path), text);
}

TEST(Cli, UnsafeFixesOnlyWhenAsked) {
  TempDir dir;
  const std::string text = kClean.substr(0, kClean.find("    Worker:")) + "    Worker:\n      replica: 3\n" + kClean.substr(kClean.find("      template:"));
  const std::string path = dir.write("job.yaml", text);
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {path};
  o.fix = true;
  EXPECT_EQ(run(o).code, 1);
  EXPECT_EQ(test::read_text(path), text) << "renaming a field is an unsafe fix";
  o.unsafe_fixes = true;
  EXPECT_EQ(run(o).code, 0);
  EXPECT_NE(test::read_text(path).find("      replicas: 3\n"), std::string::npos);
}

TEST(Cli, AtomicWriteLeavesNothingBehindOnError) {
  TempDir dir;
  EXPECT_NE(write_file_atomically(dir.path() + "/no/such/dir/job.yaml", "x"), "");
  const std::string path = dir.write("job.yaml", "original");
  EXPECT_EQ(write_file_atomically(path, "replaced"), "");
  EXPECT_EQ(test::read_text(path), "replaced");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1u) << "no temporary file is left";
}

TEST(Cli, OutputIsDeterministicAcrossThreadCounts) {
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {std::string(KFLINT_SOURCE_DIR) + "/examples"};
  o.format = "json";
  o.threads = 1;
  const std::string one = run(o).out;
  o.threads = 4;
  EXPECT_EQ(run(o).out, one);
}


}  // namespace
}  // namespace kflint
