// The whole pipeline on arbitrary bytes: the engine's analyze() (encoding check, documents, all
// rules) under two targets, every formatter of the CLI face, the language server's re-analysis;
// then the safe fixes applied and the result analyzed again.
// Oracles: ranges inside the text; safe fixes never add a finding of the rule they fix and never
// break YAML that parsed; the language server's per-document cache gives the CLI's diagnostics.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

#include "cli/formatters/formatters.h"  // the CLI face: its formatters on every result
#include "core/fix_apply.h"
#include "core/rule_info.h"
#include "lsp/documents.h"
#include "rules/engine/pipeline.h"

namespace {

void fail(const char* what) {
  std::fprintf(stderr, "fuzz_pipeline oracle failed: %s\n", what);
  std::abort();
}

std::map<std::string, int> count_by_rule(const kflint::FileResult& r) {
  std::map<std::string, int> out;
  for (const kflint::Diagnostic& d : r.diagnostics) ++out[std::string(d.rule->id)];
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (Target target : {Target::Auto, Target::Cci}) {
    LintOptions options;
    options.target = target;
    const FileResult report = analyze(text, options);
    for (const Diagnostic& d : report.diagnostics) {
      if (d.range.start > d.range.end || d.range.end > report.source->size()) fail("diagnostic range outside the text");
      for (const Fix& f : d.fixes)
        for (const TextEdit& e : f.edits)
          if (e.range.start > e.range.end || e.range.end > report.source->size()) fail("fix edit outside the text");
    }
    std::ostringstream sink;
    cli::FormatOptions fo;
    cli::FileReport as_report;
    as_report.path = as_report.display = "fuzz.yaml";
    as_report.source = report.source;
    as_report.diagnostics = report.diagnostics;
    as_report.skipped = report.skipped;
    as_report.jobs = report.jobs;
    as_report.input_error = report.input_error;
    const std::vector<cli::FileReport> reports{as_report};
    cli::format_text(reports, fo, sink);
    cli::format_json(reports, fo, sink);
    cli::format_sarif(reports, fo, sink);
    cli::format_github(reports, fo, sink);
    cli::format_junit(reports, fo, sink);
    cli::format_gitlab(reports, fo, sink);
    if (report.input_error) continue;

    // The language server's analysis (documents kept, trees kept, reused after an edit) must
    // agree with the plain one, before and after an edit that leaves the text as it was.
    lsp::OpenDocument doc;
    doc.text = std::make_shared<SourceText>(std::string(report.source->view()));
    lsp::relint(doc, options);
    doc.apply_change(true, 0, 0, 0, 0, "", true);  // an empty edit in place: every document reused by position
    lsp::relint(doc, options);
    const std::vector<Diagnostic>& kept = doc.diagnostics();
    if (kept.size() != report.diagnostics.size()) fail("LSP and CLI disagree on the number of findings");
    for (size_t i = 0; i < kept.size(); ++i)
      if (kept[i].rule != report.diagnostics[i].rule || kept[i].range.start != report.diagnostics[i].range.start ||
          kept[i].range.end != report.diagnostics[i].range.end || kept[i].message != report.diagnostics[i].message)
        fail("LSP and CLI disagree on a finding");

    // Safe fixes, one rule at a time, chosen as `--fix` and the editor's fix-all choose them
    // (whole fixes, each passing the safe-write guard).
    const std::map<std::string, int> before = count_by_rule(report);
    const bool parsed = before.count("KF001") == 0;
    std::map<std::string, std::vector<Diagnostic>> by_rule;
    for (const Diagnostic& d : report.diagnostics) by_rule[std::string(d.rule->id)].push_back(d);
    for (const auto& [rule, diags] : by_rule) {
      const FixSelection chosen = select_fixes(*report.source, diags, false);
      if (chosen.edits.empty()) continue;
      const std::string fixed = apply_edits(report.source->view(), chosen.edits);
      const FileResult after = analyze(fixed, options);
      const std::map<std::string, int> counts = count_by_rule(after);
      const auto was = before.find(rule);
      const auto now = counts.find(rule);
      if (now != counts.end() && (was == before.end() || now->second > was->second)) {
        std::fprintf(stderr, "rule %s: %d findings before its safe fixes, %d after\n", rule.c_str(), was == before.end() ? 0 : was->second, now->second);
        fail("a safe fix added a finding of its own rule");
      }
      if (parsed && (counts.count("KF001") || counts.count("KF003"))) {
        std::fprintf(stderr, "rule %s's safe fix broke the YAML\n", rule.c_str());
        fail("a safe fix that the guard let through produced text that does not parse");
      }
    }
  }
  return 0;
}
