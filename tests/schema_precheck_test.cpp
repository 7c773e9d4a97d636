// The schema pre-check may only skip valijson when valijson has nothing to say: on every job in
// the examples, the rule fixtures and the fuzz seeds, "certainly valid" implies no finding.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/document.h"
#include "schema/schema.h"
#include "test_util.h"

namespace kflint {
namespace {

struct Tally {
  size_t jobs = 0, certain = 0, valijson_clean = 0;
};

void check_text(const std::string& text, const std::string& what, Tally& tally) {
  const SourceText source(text);
  for (const Document& doc : parse_documents(source)) {
    const ValueTree& t = doc.values;
    if (!t.is_map(t.root)) continue;
    const std::string kind(t.str(t.get(t.root, "kind")));
    if (kind != "TFJob" && kind != "MXJob") continue;
    ++tally.jobs;
    const bool certain = schema::certainly_valid(t, t.root, kind);
    const std::vector<schema::Finding> findings = schema::validate(t, t.root, kind, /*use_precheck=*/false);
    tally.certain += certain;
    tally.valijson_clean += findings.empty();
    if (certain) EXPECT_TRUE(findings.empty()) << what << " document " << doc.index() << ": pre-check said valid, valijson found "
                                               << findings.size();
  }
}

TEST(SchemaPrecheck, CertainlyValidMeansValijsonFindsNothing) {
  Tally tally;
  for (const char* dir : {"examples", "tests/rules", "fuzz/corpus/pipeline", "fuzz/corpus/yaml_values"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + "/" + dir))
      if (entry.is_regular_file()) check_text(test::read_text(entry.path().string()), entry.path().string(), tally);
  // Not vacuous: most of these jobs are schema-clean, and the pre-check recognises them.
  EXPECT_GT(tally.jobs, 100u);
  EXPECT_GT(tally.valijson_clean, tally.jobs / 2);
  EXPECT_EQ(tally.certain, tally.valijson_clean) << "the pre-check left clean jobs to valijson";
}

TEST(SchemaPrecheck, NotSureCases) {
  const std::string head = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: a\nspec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: ";
  const auto certain = [&](const std::string& replicas) {
    const SourceText source(head + replicas + "\n");
    const std::vector<Document> docs = parse_documents(source);
    return schema::certainly_valid(docs[0].values, docs[0].values.root, "TFJob");
  };
  EXPECT_TRUE(certain("2"));
  EXPECT_FALSE(certain("two"));                  // wrong type: valijson reports it
  EXPECT_FALSE(certain("2.0"));                  // an integral float: valijson's call
  EXPECT_FALSE(certain("99999999999999999999"));  // beyond int64
  EXPECT_FALSE(certain("3000000000"));           // above the int32 maximum
}

}  // namespace
}  // namespace kflint
