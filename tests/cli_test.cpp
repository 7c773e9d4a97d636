// `kflint check` end to end in-process: exit codes, stdin, folders, bad inputs, --fix round trips.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <sys/xattr.h>

#include <csignal>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/check_command.h"
#include "core/fix_apply.h"
#include "test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
CliRun run(const cli::CheckOptions& o, const std::string& stdin_text = "") { return test::run_cli(o, stdin_text); }

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("kflint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& content) {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

const std::string kClean =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: ok\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template:\n"
    "        spec:\n          containers:\n            - name: tensorflow\n              image: kubeflow/tf-mnist:1.0\n"
    "              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n";
const std::string kWarnOnly = kClean.substr(0, kClean.find("              resources")) ;  // KF305 warning only

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

// --- Issue 11: output safety and writes that never lose or break a user's file ---

namespace hardening {

const std::string kFixable = kClean.substr(0, kClean.find("              resources")) +
                             "              resources: {requests: {cpu: &half 0.5, memory: 1Gi}, limits: {cpu: *half, memory: 1Gi}}\n";

cli::CheckOptions fix_options(const std::string& path) {
  cli::CheckOptions o;
  o.no_config = true;
  o.fix = true;
  o.paths = {path};
  return o;
}

TEST(CliHardening, StdinObeysTheSizeLimit) {
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {"-"};
  o.max_file_size = 1000;
  const CliRun r = run(o, std::string(5000, 'y'));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("input is larger than the limit of 1000 bytes"), std::string::npos) << r.out;
}

TEST(CliHardening, ReportNeverOverwritesAnInputAndWriteFailuresExitTwo) {
  TempDir dir;
  const std::string job = dir.write("job.yaml", kClean);
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {job};
  o.output = job;
  CliRun r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("refusing to overwrite"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_text(job), kClean);
  o.output = "/dev/full";
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot write /dev/full"), std::string::npos) << r.err;
}

TEST(CliHardening, TerminalControlsInValuesAreEscaped) {
  // A YAML escape puts ESC and BEL into a value; the message names the value.
  const std::string text = kClean.substr(0, kClean.find("              image:")) + "              image: \"evil\\e]0;title\\a:1\"\n";
  TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {dir.write("job.yaml", text)};
  for (const char* format : {"text", "github"}) {
    o.format = format;
    const CliRun r = run(o);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << format;
    EXPECT_EQ(r.out.find('\a'), std::string::npos) << format;
    EXPECT_NE(r.out.find("evil\\x1b]0;title\\x07"), std::string::npos) << format << r.out;
  }
}

TEST(CliHardening, JunitStaysValidXmlWithForbiddenCharacters) {
  const std::string text = kClean.substr(0, kClean.find("              image:")) + "              image: \"bad\\uFFFE\\x01:1\"\n";
  TempDir dir;
  cli::CheckOptions o;
  o.no_config = true;
  o.format = "junit";
  o.paths = {dir.write("job.yaml", text)};
  const CliRun r = run(o);
  EXPECT_EQ(r.out.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(r.out.find('\x01'), std::string::npos);
  EXPECT_NE(r.out.find("bad\xEF\xBF\xBD\xEF\xBF\xBD"), std::string::npos) << r.out;
}

TEST(CliHardening, FixFollowsSymlinksAndKeepsTheLink) {
  TempDir dir;
  const std::string target = dir.write("real.yaml", kFixable);
  const std::string link = dir.path() + "/link.yaml";
  fs::create_symlink("real.yaml", link);
  EXPECT_EQ(run(fix_options(link)).code, 0);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(test::read_text(target).find("&half \"500m\""), std::string::npos);
}

TEST(CliHardening, FixRefusesReadOnlyFilesAndHardLinks) {
  TempDir dir;
  const std::string ro = dir.write("ro.yaml", kFixable);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  CliRun r = run(fix_options(ro));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("read-only for you"), std::string::npos) << r.out;
  EXPECT_EQ(test::read_text(ro), kFixable);
  const std::string a = dir.write("a.yaml", kFixable);
  fs::create_hard_link(a, dir.path() + "/b.yaml");
  r = run(fix_options(a));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("2 hard links"), std::string::npos) << r.out;
  EXPECT_EQ(test::read_text(a), kFixable);
  for (const auto& e : fs::directory_iterator(dir.path())) EXPECT_EQ(e.path().filename().string().find(".kflint-"), std::string::npos);
}

TEST(CliHardening, FixKeepsExtendedAttributes) {
  TempDir dir;
  const std::string path = dir.write("x.yaml", kFixable);
  if (::setxattr(path.c_str(), "user.kflint-test", "kept", 4, 0) != 0) GTEST_SKIP() << "no user xattrs on this filesystem";
  EXPECT_EQ(run(fix_options(path)).code, 0);
  char value[16] = {};
  EXPECT_EQ(::getxattr(path.c_str(), "user.kflint-test", value, sizeof value), 4);
  EXPECT_STREQ(value, "kept");
}

// A `.kflint.yaml` that another user planted in a world-writable folder is ignored (with -v saying
// so); the search stops at the repository root.
TEST(CliHardening, ConfigLookupIgnoresPlantedFilesAndStopsAtTheRepository) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to create another user's file";
  TempDir dir;
  const std::string off = "rules:\n  all-rules-off-by-mistake: off\n";  // invalid if it were read: exit 2
  const std::string shared = dir.path() + "/shared";
  fs::create_directories(shared);
  fs::permissions(shared, fs::perms::all | fs::perms::sticky_bit);
  const std::string planted = dir.write("shared/.kflint.yaml", off);
  ASSERT_EQ(::chown(planted.c_str(), 65534, 65534), 0);
  cli::CheckOptions o;
  o.verbose = true;
  o.paths = {dir.write("shared/job.yaml", kWarnOnly)};
  CliRun r = run(o);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("ignored " + planted + ": it is owned by another user (uid 65534)"), std::string::npos) << r.err;
  // Above a repository root nothing is read.
  dir.write(".kflint.yaml", off);
  fs::create_directories(dir.path() + "/repo/.git");
  o.paths = {dir.write("repo/jobs/job.yaml", kWarnOnly)};
  r = run(o);
  EXPECT_EQ(r.code, 0) << r.err;
}

// SIGTERM while `--fix` writes: the temporary file is removed and the original is untouched. The
// child is caught mid-write by watching the folder for the temporary file (inotify).
TEST(CliHardening, SignalDuringTheWriteLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string path = dir.write("job.yaml", kClean);
  const int watch = ::inotify_init1(IN_CLOEXEC);
  ASSERT_GE(watch, 0);
  ASSERT_GE(::inotify_add_watch(watch, dir.path().c_str(), IN_CREATE), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string big(512u << 20, '#');
    ::_exit(write_file_atomically(path, big).empty() ? 0 : 3);
  }
  char events[4096];
  ASSERT_GT(::read(watch, events, sizeof events), 0);  // the temporary file exists: the write is under way
  ::kill(child, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ::close(watch);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  EXPECT_EQ(test::read_text(path), kClean);
  for (const auto& e : fs::directory_iterator(dir.path())) EXPECT_EQ(e.path().filename().string(), "job.yaml");
}

// Root fixing another user's file: the file stays theirs (owner, group and mode).
TEST(CliHardening, FixKeepsOwnerAndGroup) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to own a file as another user";
  TempDir dir;
  const std::string path = dir.write("theirs.yaml", kFixable);
  ASSERT_EQ(::chown(path.c_str(), 65534, 65534), 0);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  EXPECT_EQ(run(fix_options(path)).code, 0);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 65534u);
  EXPECT_EQ(st.st_gid, 65534u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_NE(test::read_text(path).find("&half \"500m\""), std::string::npos);
}

// Memory does not grow with the number of files: 20 files of 256 KB (about 8,000 findings) are
// linted to JSON and SARIF under a 150 MB address-space limit, where the previous code (one JSON
// tree for the whole report, beside every file's text) peaked at 130-180 MB and aborted with
// bad_alloc. Skipped under AddressSanitizer, which reserves terabytes of address space.
TEST(CliHardening, ManyFilesFitInBoundedMemory) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "address-space limits do not apply under AddressSanitizer";
#else
  TempDir dir;
  std::string big;
  while (big.size() < (256u << 10)) big += kFixable + "---\n";
  for (int i = 0; i < 20; ++i) dir.write("f" + std::to_string(i) + ".yaml", big);
  for (const char* format : {"json", "sarif"}) {
    const std::string command = "ulimit -v 150000; " + std::string(KFLINT_BINARY) + " check -j 2 --no-config -f " + format + " " + dir.path() +
                                " > " + dir.path() + "/report.out 2>&1; echo $?";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char code[16] = {};
    ASSERT_NE(std::fgets(code, sizeof code, pipe), nullptr);
    ::pclose(pipe);
    EXPECT_EQ(std::string(code), "1\n") << format << ": " << test::read_text(dir.path() + "/report.out").substr(0, 300);
    fs::remove(dir.path() + "/report.out");
  }
#endif
}

}  // namespace hardening

}  // namespace
}  // namespace kflint
