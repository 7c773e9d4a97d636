// No input crashes the engine: every prefix of every fixture and example, and seeded random
// byte mutations of them, go through parse + all rules + fixes without a crash, and every
// finding's range lies inside the text. (The libFuzzer targets of issue 5 go further.)
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/fix_apply.h"
#include "test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpus() {
  std::vector<std::string> texts;
  for (const char* dir : {"/tests/rules", "/examples"})
    for (const auto& e : fs::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + dir))
      if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".json")) texts.push_back(test::read_text(e.path()));
  return texts;
}

void check_all(const std::string& text, Target target) {
  const FileResult r = test::lint_string(text, target);
  for (const Diagnostic& d : r.diagnostics) {
    ASSERT_LE(d.range.start, d.range.end);
    ASSERT_LE(d.range.end, r.source->size());
    for (const Fix& f : d.fixes)
      for (const TextEdit& e : f.edits) ASSERT_LE(e.range.end, r.source->size());
    std::vector<TextEdit> edits;
    for (const Fix& f : d.fixes) edits.insert(edits.end(), f.edits.begin(), f.edits.end());
    const std::string fixed = apply_edits(r.source->view(), edits);
    (void)test::lint_string(fixed, target);
  }
}

TEST(Robustness, EveryPrefixOfEveryFixture) {
  for (const std::string& text : corpus())
    for (size_t n = 0; n <= text.size(); n += 3) check_all(text.substr(0, n), Target::Auto);
}

TEST(Robustness, SeededByteMutations) {
  std::mt19937 rng(20261129);
  const char kBytes[] = ":-[]{}#&*!|>'\"\n\t ,?%@`0aZ\xc3\xa9";
  for (const std::string& text : corpus()) {
    for (int round = 0; round < 40; ++round) {
      std::string m = text;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !m.empty(); ++e) {
        const size_t at = rng() % m.size();
        switch (rng() % 3) {
          case 0: m[at] = kBytes[rng() % (sizeof kBytes - 1)]; break;
          case 1: m.insert(at, 1, kBytes[rng() % (sizeof kBytes - 1)]); break;
          default: m.erase(at, 1 + rng() % 8);
        }
      }
      check_all(m, round % 2 ? Target::Cci : Target::Auto);
    }
  }
}

}  // namespace
}  // namespace kflint
