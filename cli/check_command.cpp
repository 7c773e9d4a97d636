#include "cli/check_command.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "cli/check_parts.h"
#include "core/fix_apply.h"
#include "rules/engine/registry.h"

namespace kflint::cli {
namespace detail {

Diagnostic input_error(std::string message) {
  Diagnostic d;
  d.rule = &find_rule("KF000")->info;
  d.severity = Severity::Error;
  d.message = std::move(message);
  return d;
}

FileReport error_report(const std::string& path, const std::string& display, std::string message) {
  FileReport r;
  r.path = path;
  r.display = display;
  r.source = std::make_shared<SourceText>(std::string());
  r.diagnostics.push_back(input_error(std::move(message)));
  r.input_error = true;
  return r;
}

namespace {

// Applies the chosen fixes (core/fix_apply.h: whole fixes, each guarded), re-lints, and repeats
// until nothing changes.
FileReport fix_loop(const std::string& display, std::string text, const LintOptions& options, bool unsafe, size_t& applied) {
  FileReport report = lint_text(display, text, options);
  std::vector<std::string> refused;
  for (int round = 0; round < 8 && !report.input_error; ++round) {
    FixSelection chosen = select_fixes(*report.source, report.diagnostics, unsafe);
    if (round == 0) refused = std::move(chosen.refused);
    if (chosen.edits.empty()) break;
    std::string next = apply_edits(text, chosen.edits);
    if (next == text) break;
    applied += chosen.fixes;
    text = std::move(next);
    report = lint_text(display, text, options);
  }
  report.fixes_refused = std::move(refused);
  return report;
}

}  // namespace

FileReport check_text(const Input& input, const std::string& display, std::string text, const CheckOptions& options, const LintOptions& lint_options,
                      unsigned threads) {
  const bool is_stdin = input.path == "-";
  if (!options.fix) {
    FileReport r = lint_text(display, std::move(text), lint_options, threads);
    r.path = input.path;
    return r;
  }
  size_t applied = 0;
  const std::string original = text;
  FileReport r = fix_loop(display, std::move(text), lint_options, options.unsafe_fixes, applied);
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
        FileReport failed = lint_text(display, original, lint_options);
        failed.path = input.path;
        failed.diagnostics.push_back(input_error("fixes not written: " + write_error));
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

using detail::input_error;

FileReport lint_text(const std::string& display, std::string text, const LintOptions& options, unsigned threads) {
  FileReport r;
  r.display = display;
  if (auto bad = check_text_encoding(text)) {
    r.source = std::make_shared<SourceText>(std::string());
    r.diagnostics.push_back(input_error(*bad));
    r.input_error = true;
    return r;
  }
  auto source = std::make_shared<SourceText>(std::move(text));
  const std::vector<ByteRange> spans = split_documents(*source);
  const ParseLimits limits;
  std::vector<LintResult> results(std::min<size_t>(spans.size(), limits.max_documents + 1));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < results.size(); i = next++) {
      if (i == limits.max_documents) {  // the stream is over the limit: one finding, then stop
        Document over(*source, spans[i], static_cast<uint32_t>(i));
        over.limit_error = Document::Problem{spans[i].start, "more than " + std::to_string(limits.max_documents) + " documents in one stream"};
        results[i] = lint_document(over, options);
        continue;
      }
      const Document doc = parse_document(*source, spans[i], static_cast<uint32_t>(i), limits);
      results[i] = lint_document(doc, options);
    }
  };
  const unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), std::max<size_t>(1, results.size() / 4)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  r.source = source;
  for (LintResult& one : results) {
    r.diagnostics.insert(r.diagnostics.end(), std::make_move_iterator(one.diagnostics.begin()), std::make_move_iterator(one.diagnostics.end()));
    r.skipped.insert(r.skipped.end(), one.skipped.begin(), one.skipped.end());
    r.jobs += one.jobs;
  }
  return r;
}

}  // namespace kflint::cli
