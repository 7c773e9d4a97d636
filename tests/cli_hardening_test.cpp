// `kflint check` hardened (issue 11): output safety, reports that never overwrite an input or
// fail silently, writes that never lose or break a user's file, safe configuration lookup, and
// memory that does not grow with the number of files.
#include <gtest/gtest.h>

#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "cli/check_command.h"
#include "core/fix_apply.h"
#include "cli_test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::kClean;
using test::kWarnOnly;
using test::TempDir;
CliRun run(const cli::CheckOptions& o, const std::string& stdin_text = "") { return test::run_cli(o, stdin_text); }


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
  // U+FFFE (not an XML character) is replaced; the control character is written as text.
  EXPECT_NE(r.out.find("bad\xEF\xBF\xBD\\x01"), std::string::npos) << r.out;
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

// A signal that ends the process while `--fix` writes (Ctrl-C, kill, a closed terminal or SSH
// session, Ctrl-\\): the temporary file is removed and the original is untouched. The child is
// caught mid-write by watching the folder for the temporary file (inotify).
TEST(CliHardening, SignalDuringTheWriteLeavesNoTemporaryFile) {
  for (const int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT}) {
    TempDir dir;
    const std::string path = dir.write("job.yaml", kClean);
    const int watch = ::inotify_init1(IN_CLOEXEC);
    ASSERT_GE(watch, 0);
    ASSERT_GE(::inotify_add_watch(watch, dir.path().c_str(), IN_CREATE), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      struct rlimit no_core {0, 0};
      ::setrlimit(RLIMIT_CORE, &no_core);  // SIGQUIT's default action would write a core file
      const std::string big(512u << 20, '#');
      ::_exit(write_file_atomically(path, big).empty() ? 0 : 3);
    }
    char events[4096];
    ASSERT_GT(::read(watch, events, sizeof events), 0);  // the temporary file exists: the write is under way
    ::kill(child, sig);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ::close(watch);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << "signal " << sig << ": status " << status;
    EXPECT_EQ(test::read_text(path), kClean) << "signal " << sig;
    for (const auto& e : fs::directory_iterator(dir.path())) EXPECT_EQ(e.path().filename().string(), "job.yaml") << "signal " << sig;
  }
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
// linted to JSON and SARIF under an 80 MB address-space limit, where the previous code (one JSON
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
    // One malloc arena: glibc reserves 64 MB of address space per thread arena (128 MB while it
    // creates one), which put a worker thread at 149.5 MB of a 150 MB limit before it read any
    // file, and a refused arena is retried on every allocation. Without them kflint peaks at
    // ~24 MB here, so 80 MB is a real bound on what 20 files may cost.
    const std::string command = "ulimit -v 80000; MALLOC_ARENA_MAX=1 " + std::string(KFLINT_BINARY) + " check -j 2 --no-config -f " + format + " " + dir.path() +
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


// Running out of memory in one file is that file's KF000 (exit 2); the other files are still
// linted and reported. A 120 MB file under a 117 MB address-space limit cannot even be read (the
// file is read into a buffer of its size, so 150 MB would be enough to read and lint it).
TEST(CliHardening, OutOfMemoryInOneFileIsThatFilesError) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "address-space limits do not apply under AddressSanitizer";
#else
  TempDir dir;
  {
    std::ofstream big(dir.path() + "/a-big.yaml", std::ios::binary);
    const std::string line(1023, '#');
    for (int i = 0; i < 120 * 1024; ++i) big << line << '\n';
  }
  dir.write("b-small.yaml", kWarnOnly);
  const std::string command = "ulimit -v 120000; " + std::string(KFLINT_BINARY) + " check -j 1 --no-config --no-source --max-file-size 1000000000 " +
                              dir.path() + " 2>&1; echo \"exit=$?\"";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  EXPECT_NE(out.find("a-big.yaml:1:1: error: out of memory while linting this file"), std::string::npos) << out;
  EXPECT_NE(out.find("b-small.yaml"), std::string::npos) << out;
  EXPECT_NE(out.find("[KF305 missing-resources]"), std::string::npos) << out;
  EXPECT_NE(out.find("exit=2"), std::string::npos) << out;
#endif
}

// The same file named twice with --fix (by two spellings, and through its folder): linted and
// fixed once, and the output is the same whatever -j says.
TEST(CliHardening, AFileNamedTwiceIsFixedOnceWhateverTheThreads) {
  std::string outputs[2];
  for (const unsigned threads : {1u, 2u}) {
    TempDir dir;
    const std::string path = dir.write("job.yaml", kFixable);
    cli::CheckOptions o = fix_options(path);
    o.paths = {path, dir.path() + "/./job.yaml", dir.path()};
    o.threads = threads;
    o.no_source = true;
    const CliRun r = run(o);
    EXPECT_NE(r.out.find(" in 1 file "), std::string::npos) << r.out;
    outputs[threads - 1] = r.out.substr(r.out.find("Fixed"));
    cli::CheckOptions once = fix_options(dir.write("once.yaml", kFixable));
    once.no_source = true;
    const CliRun single = run(once);
    EXPECT_EQ(test::read_text(path), test::read_text(dir.path() + "/once.yaml"));
    EXPECT_EQ(outputs[threads - 1].substr(0, outputs[threads - 1].find('\n')), single.out.substr(single.out.find("Fixed"), single.out.find('\n', single.out.find("Fixed")) - single.out.find("Fixed")));
  }
  EXPECT_EQ(outputs[0], outputs[1]);
}

const std::string kRequestAboveLimit = kClean.substr(0, kClean.find("              resources")) +
                                       "              resources:\n                requests: {cpu: \"2\", memory: 1Gi}\n"
                                       "                limits: {cpu: \"1\", memory: 1Gi}\n";

// --unsafe-fixes alone changes nothing (it shows; --fix applies), and a finding whose fixes are
// alternatives (KF301: raise the limit, or lower the request) gets none of them, with a reason.
TEST(CliHardening, UnsafeFixesAloneWriteNothingAndAlternativesAreNotChosen) {
  TempDir dir;
  const std::string path = dir.write("job.yaml", kRequestAboveLimit);
  cli::CheckOptions o;
  o.no_config = true;
  o.paths = {path};
  o.unsafe_fixes = true;
  CliRun r = run(o);
  EXPECT_EQ(test::read_text(path), kRequestAboveLimit);
  EXPECT_NE(r.err.find("--unsafe-fixes without --fix changes nothing"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("fix (unsafe): Raise the limit"), std::string::npos) << r.out;
  o.fix = true;
  r = run(o);
  EXPECT_EQ(test::read_text(path), kRequestAboveLimit) << "one of two alternative fixes was applied";
  EXPECT_NE(r.out.find("KF301: 2 alternative fixes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("none applied"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Fixed"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kflint
