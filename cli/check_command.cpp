#include "cli/check_command.h"

#include "cli/check_parts.h"
#include "core/fix_apply.h"
#include "rules/engine/engine_rules.h"
#include "rules/engine/pipeline.h"
#include "rules/engine/registry.h"

namespace kflint::cli {
namespace detail {

ConfigOverrides overrides_of(const CheckOptions& options) {
  ConfigOverrides o;
  o.config_path = options.config;
  o.no_config = options.no_config;
  Target t;
  if (options.target && parse_target(*options.target, t)) o.target = t;
  Operation op;
  if (options.operation && parse_operation(*options.operation, op)) o.operation = op;
  for (const std::string& name : options.ignore)
    if (const Rule* r = find_rule(name)) o.rules[std::string(r->info.id)].enabled = false;
  return o;
}

// The engine's result as this face's per-file report.
FileReport report_of(const std::string& path, const std::string& display, FileResult result) {
  FileReport r;
  r.path = path;
  r.display = display;
  r.source = std::move(result.source);
  r.diagnostics = std::move(result.diagnostics);
  r.skipped = std::move(result.skipped);
  r.jobs = result.jobs;
  r.embedded = result.embedded;
  r.unread = result.unread;
  r.go_template = result.go_template;
  r.notes = std::move(result.notes);
  r.input_error = result.input_error;
  r.base_diagnostics = std::move(result.base_diagnostics);
  return r;
}

FileReport error_report(const std::string& path, const std::string& display, std::string message) {
  return report_of(path, display, input_error_result(std::move(message)));
}

namespace {

// Applies the chosen fixes (core/fix_apply.h: whole fixes, each guarded), re-lints, and repeats
// until nothing changes.
FileReport lint(const std::string& display, std::string text, const LintOptions& options, const PatchBasePtr& base, unsigned threads = 1) {
  AnalyzeOptions settings;
  settings.threads = threads;
  settings.patch_base = base;
  return report_of("", display, analyze(std::move(text), options, settings));
}

FileReport fix_loop(const std::string& display, std::string text, const LintOptions& options, const PatchBasePtr& base, bool unsafe,
                    size_t& applied) {
  FileReport report = lint(display, text, options, base);
  std::vector<std::string> refused;
  for (int round = 0; round < 8 && !report.input_error; ++round) {
    FixSelection chosen = select_fixes(*report.source, report.diagnostics, unsafe);
    if (round == 0) refused = std::move(chosen.refused);
    if (chosen.edits.empty()) break;
    std::string next = apply_edits(text, chosen.edits);
    if (next == text) break;
    FileReport after = lint(display, next, options, base);
    if (finding_brought_by(chosen.edits, after.diagnostics)) {
      // A fix must not bring findings with what it inserts (finding_brought_by): one at a time,
      // each kept only if what it inserts is clean.
      std::vector<TextEdit> kept;
      size_t kept_fixes = 0;
      for (const FixSelection::Chosen& c : chosen.chosen) {
        std::vector<TextEdit> trial = kept;
        trial.insert(trial.end(), c.fix->edits.begin(), c.fix->edits.end());
        const FileReport tried = lint(display, apply_edits(text, trial), options, base);
        if (const Diagnostic* brought = finding_brought_by(trial, tried.diagnostics)) {
          const Position p = report.source->position(c.diagnostic->range.start);
          refused.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column_chars + 1) + ": " + std::string(c.diagnostic->rule->id) +
                            " fix `" + c.fix->title + "` not applied: what it adds would be reported (" + std::string(brought->rule->id) + ")");
          continue;
        }
        kept = std::move(trial);
        ++kept_fixes;
      }
      if (kept.empty()) break;
      next = apply_edits(text, kept);
      after = lint(display, next, options, base);
      chosen.fixes = kept_fixes;
    }
    applied += chosen.fixes;
    text = std::move(next);
    report = std::move(after);
  }
  report.fixes_refused = std::move(refused);
  return report;
}

}  // namespace

FileReport check_text(const Input& input, const std::string& display, std::string text, const CheckOptions& options, const LintOptions& lint_options,
                      const PatchBasePtr& base, unsigned threads) {
  const bool is_stdin = input.path == "-";
  if (!options.fix) {
    FileReport r = lint(display, std::move(text), lint_options, base, threads);
    r.path = input.path;
    return r;
  }
  size_t applied = 0;
  const std::string original = text;
  FileReport r = fix_loop(display, std::move(text), lint_options, base, options.unsafe_fixes, applied);
  r.path = input.path;
  const std::string& fixed = r.source->bytes();
  if (applied > 0 && fixed != original) {
    if (options.diff || is_stdin) {
      r.diff = unified_diff(display, original, fixed);
    } else {
      // Refuse to overwrite a file that changed since it was read.
      std::string reread_error;
      const std::optional<std::string> now = read_file(input.path, options.max_file_size + (1u << 20), reread_error);
      const std::string write_error = !now || *now != original ? "the file changed while kflint was fixing it; nothing was written"
                                                               : write_file_atomically(input.path, fixed);
      if (!write_error.empty()) {
        FileReport failed = lint(display, original, lint_options, base);
        failed.path = input.path;
        failed.diagnostics.push_back(engine_diagnostic(engine_rules::input_error(), {0, 0}, "fixes not written: " + write_error, 0));
        failed.input_error = true;
        r = std::move(failed);
        applied = 0;
      }
    }
  }
  r.fixes_applied = applied;
  return r;
}

}  // namespace detail

}  // namespace kflint::cli
