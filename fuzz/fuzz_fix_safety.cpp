// Fix safety: every fix the engine would write (safe and unsafe, chosen by select_fixes as
// `--fix --unsafe-fixes` and the editor's fix-all choose them) keeps the file readable and
// changes nothing it does not mean to.
// Oracles: each document that parsed before still parses; the whole-file guard (a second,
// independent pass over all documents at once) accepts the combined edits; the fixed text is
// linted again without a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/fix_apply.h"
#include "core/document.h"
#include "core/fix_guard.h"
#include "core/rule_info.h"
#include "rules/engine/pipeline.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_fix_safety oracle failed: %s %s\n", what, detail.c_str());
  std::abort();
}

size_t unreadable(const std::string& text) {
  const kflint::SourceText source(text);
  size_t n = 0;
  for (const kflint::Document& d : kflint::parse_documents(source)) n += d.syntax_error || d.limit_error;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  LintOptions options;
  const FileResult report = analyze(text, options);
  if (report.input_error) return 0;
  for (const bool unsafe : {false, true}) {
    const FixSelection chosen = select_fixes(text, report.diagnostics, unsafe);
    if (chosen.edits.empty()) continue;
    const std::string fixed = apply_edits(text, chosen.edits);
    if (const std::string why = fix_guard(text, chosen.edits, fixed); !why.empty()) fail("the whole-file guard refuses what was chosen:", why);
    const FileResult after = analyze(fixed, options);
    if (after.input_error) fail("the fixed text is not readable");
    // Unreadable documents, counted by the parser (not by reported KF001s: fixing `kind: tFJob`
    // makes the file a Kubeflow file, whose broken documents are then reported).
    if (unreadable(fixed) > unreadable(text)) fail("a chosen fix made a document unreadable");
  }
  return 0;
}
