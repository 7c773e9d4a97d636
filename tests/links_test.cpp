// Every link kflint prints leads somewhere: it uses the configured base (-DKFLINT_DOCS_URL) or
// is a file:// URI of a page that exists. Checked on the real binary's output in every format,
// `kflint rules`, and the language server's diagnostics and hover.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/protocol.h"
#include "rules/engine/registry.h"
#include "test_util.h"

namespace kflint {
namespace {

std::string run(const std::string& args) {
  const std::string command = std::string(KFLINT_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  char buf[65536];
  for (size_t n; pipe && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (pipe) ::pclose(pipe);
  return out;
}

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Links that are not kflint's own: the SARIF log names its schema.
const std::set<std::string> kExternalReferences = {"https://json.schemastore.org/sarif-2.1.0.json"};

void expect_links_lead_somewhere(const std::string& output, const std::string& what, size_t& links) {
  static const std::regex kLink(R"(((https?|file)://[^\s"'`)\]>\\]+))");
  const std::string base = KFLINT_DOCS_URL;
  for (auto it = std::sregex_iterator(output.begin(), output.end(), kLink); it != std::sregex_iterator(); ++it) {
    std::string link = (*it)[1];
    while (!link.empty() && (link.back() == '.' || link.back() == ',')) link.pop_back();
    ++links;
    if (kExternalReferences.count(link)) continue;
    if (link.rfind("file://", 0) == 0) {
      EXPECT_TRUE(std::filesystem::is_regular_file(percent_decoded(link.substr(7)))) << what << ": " << link << " does not exist";
      continue;
    }
    EXPECT_TRUE(!base.empty() && link.rfind(base, 0) == 0) << what << ": " << link << " is neither the configured base nor a file";
  }
}

TEST(Links, EveryLinkInEveryFormatLeadsSomewhere) {
  size_t links = 0;
  const std::string examples = std::string(KFLINT_SOURCE_DIR) + "/examples";
  for (const char* format : {"text", "json", "sarif", "github", "junit", "gitlab"})
    expect_links_lead_somewhere(run("check --no-config -f " + std::string(format) + " " + examples), format, links);
  expect_links_lead_somewhere(run("rules"), "rules", links);
  expect_links_lead_somewhere(run("rules --format json"), "rules --format json", links);
  for (const Rule& r : all_rules()) {
    const std::string page = run("rules " + std::string(r.info.id));
    expect_links_lead_somewhere(page, "rules " + std::string(r.info.id), links);
    // Each rule's page is linked: the installed copy (or the published one).
    EXPECT_NE(page.find(rule_doc_url(r.info.id)), std::string::npos) << r.info.id;
    EXPECT_FALSE(rule_doc_url(r.info.id).empty()) << r.info.id;
  }
  EXPECT_GT(links, all_rules().size());
}

TEST(Links, TheLanguageServerLinksTheSamePages) {
  const FileResult r = test::lint_string(test::read_text(std::string(KFLINT_SOURCE_DIR) + "/examples/bad/tfjob-typos.yaml"));
  ASSERT_FALSE(r.diagnostics.empty());
  size_t links = 0;
  for (const Diagnostic& d : r.diagnostics) {
    const nlohmann::json j = lsp::diagnostic_json(*r.source, "file:///x.yaml", d, lsp::Encoding{});
    expect_links_lead_somewhere(j.dump(), "LSP diagnostic", links);
    EXPECT_EQ(j["codeDescription"]["href"], rule_doc_url(d.rule->id));
  }
  EXPECT_GE(links, r.diagnostics.size());
}

}  // namespace
}  // namespace kflint
