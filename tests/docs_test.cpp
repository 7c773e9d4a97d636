// The outputs docs/api-operations.md and docs/embedded-jobs.md show are the outputs: every ```console block that runs
// `kflint` is run (the real binary, from the repository's root) and its standard output
// compared. KFLINT_UPDATE_DOCS=1 writes the current outputs into the page (then review the diff).

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "test_util.h"

namespace kflint {
namespace {

std::string run_from_source_dir(const std::string& args) {
  const std::string command = "cd '" + std::string(KFLINT_SOURCE_DIR) + "' && NO_COLOR=1 '" + KFLINT_BINARY + "' " + args + " 2>&1";
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

// Runs every `$ kflint ...` console block of the page and compares (or rewrites) its output;
// returns how many blocks there were.
size_t check_page(const std::string& name) {
  const std::string path = std::string(KFLINT_SOURCE_DIR) + "/docs/" + name;
  std::string page = test::read_text(path);
  const std::string open = "```console\n$ kflint ";
  size_t blocks = 0;
  for (size_t at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
    const size_t args_start = at + open.size();
    const size_t args_end = page.find('\n', args_start);
    const size_t close = page.find("```", args_end);
    if (close == std::string::npos) {
      ADD_FAILURE() << "unclosed block at byte " << at << " of " << name;
      return blocks;
    }
    const std::string args = page.substr(args_start, args_end - args_start);
    const std::string shown = page.substr(args_end + 1, close - args_end - 1);
    const std::string actual = run_from_source_dir(args);
    if (std::getenv("KFLINT_UPDATE_DOCS")) page.replace(args_end + 1, shown.size(), actual);
    else EXPECT_EQ(shown, actual) << "kflint " << args;
    ++blocks;
  }
  if (std::getenv("KFLINT_UPDATE_DOCS")) std::ofstream(path, std::ios::binary) << page;
  return blocks;
}

TEST(Docs, ApiOperationsShowsTheRealOutput) { EXPECT_GE(check_page("api-operations.md"), 9u); }

TEST(Docs, EmbeddedJobsShowsTheRealOutput) { EXPECT_GE(check_page("embedded-jobs.md"), 5u); }

}  // namespace
}  // namespace kflint
