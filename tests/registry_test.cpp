// The registry's promises: unique ids and slugs, ids in their family, docs with Why / Bad / Good /
// Fix, and each doc's Bad example raising its rule while the Good example does not.

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/text_util.h"
#include <set>

#include "rules/engine/registry.h"
#include "test_util.h"

namespace kflint {
namespace {

std::vector<std::string> yaml_blocks_after(std::string_view doc, std::string_view heading) {
  std::vector<std::string> out;
  const size_t at = doc.find(heading);
  if (at == std::string_view::npos) return out;
  const size_t next = doc.find("\n## ", at + heading.size());
  std::string_view section = doc.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
  size_t pos = 0;
  while ((pos = section.find("```yaml\n", pos)) != std::string_view::npos) {
    const size_t end = section.find("```", pos + 8);
    out.emplace_back(section.substr(pos + 8, end - pos - 8));
    pos = end + 3;
  }
  return out;
}

TEST(Registry, IdsAndSlugsAreUniqueAndWellFormed) {
  std::set<std::string_view> ids, slugs;
  const std::regex id_re("KF[0-5][0-9][0-9]"), slug_re("[a-z0-9]+(-[a-z0-9]+)*");
  for (const Rule& r : all_rules()) {
    EXPECT_TRUE(ids.insert(r.info.id).second) << "duplicate id " << r.info.id;
    EXPECT_TRUE(slugs.insert(r.info.slug).second) << "duplicate slug " << r.info.slug;
    EXPECT_TRUE(std::regex_match(std::string(r.info.id), id_re)) << r.info.id;
    EXPECT_TRUE(std::regex_match(std::string(r.info.slug), slug_re)) << r.info.slug;
    EXPECT_FALSE(r.info.summary.empty()) << r.info.id;
  }
  EXPECT_GE(all_rules().size(), 40u);
}

TEST(Registry, StemsMatchIdsAndSlugs) {
  for (const GeneratedRule& g : generated_rules()) {
    std::string expected = to_lower(g.def->id) + "_" + std::string(g.def->slug);
    for (char& c : expected)
      if (c == '-') c = '_';
    EXPECT_EQ(g.stem, expected) << "file name and rule metadata disagree";
  }
}

TEST(Registry, EveryDocHasTheRequiredSections) {
  for (const Rule& r : all_rules()) {
    const std::string_view doc = r.info.doc;
    EXPECT_EQ(doc.rfind("# " + std::string(r.info.id) + " " + std::string(r.info.slug), 0), 0u) << r.info.id << " doc title";
    for (const char* h : {"\n## Why\n", "\n## Bad\n", "\n## Good\n", "\n## Fix\n"})
      EXPECT_NE(doc.find(h), std::string_view::npos) << r.info.id << " lacks" << h;
  }
}

TEST(Registry, DocExamplesBehave) {
  for (const Rule& r : all_rules()) {
    const Target target = r.info.category == "cci" ? Target::Cci : Target::Auto;
    const auto bad = yaml_blocks_after(r.info.doc, "## Bad");
    const auto good = yaml_blocks_after(r.info.doc, "## Good");
    if (r.info.id == "KF000") continue;  // its Bad example is a file that is not UTF-8: tested in cli_test
    ASSERT_FALSE(bad.empty()) << r.info.id << " has no yaml Bad example";
    ASSERT_FALSE(good.empty()) << r.info.id << " has no yaml Good example";
    for (const std::string& text : bad)
      EXPECT_TRUE(test::has_rule(analyze(text, test::header_options(text, target)), r.info.id)) << r.info.id << " Bad example:\n" << text;
    for (const std::string& text : good) {
      const FileResult rep = analyze(text, test::header_options(text, target));
      EXPECT_FALSE(test::has_rule(rep, r.info.id)) << r.info.id << " Good example:\n" << text << "\n" << (test::rendered(rep, r.info.id).empty() ? "" : test::rendered(rep, r.info.id)[0]);
    }
  }
}

}  // namespace
}  // namespace kflint
