#pragma once
// Open documents and the engine's results for them: an edit re-parses and re-lints only the
// documents of the stream whose bytes changed; the others keep their findings and trees.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_text.h"
#include "lsp/diagnostics_json.h"
#include "rules/engine/pipeline.h"

namespace kflint::lsp {

inline constexpr size_t kKeepTreesUpTo = 8u << 20;  // bytes of text whose document trees stay in memory
inline constexpr size_t kParallelFrom = 1u << 20;   // bytes of text from which documents are analyzed on every core

struct OpenDocument {
  std::string uri;
  std::string path;  // file system path for config lookup ("" for untitled documents)
  int64_t version = 0;
  // The latest text, edited in place keystroke by keystroke (SourceText::edit); result.source is
  // the same object once re-analyzed.
  std::shared_ptr<SourceText> text;
  // What the edits since the last analysis changed (nullopt with `whole_text_changed`, or none).
  std::optional<ChangedRange> changed;
  bool whole_text_changed = true;
  // The engine's result for the last analyzed text: findings, and each YAML document's findings
  // and tree, which the next analysis reuses for unchanged documents and the features read.
  FileResult result;
  bool dirty = true;        // needs a re-lint
  uint64_t result_id = 0;   // changes with every analysis (pull diagnostics' resultId)
  bool unpublished = true;  // its current diagnostics were not sent yet

  // The edits of "fix all" for `result`: chosen and guarded (which parses the fixed text) on the
  // first request, then kept until the next analysis.
  mutable std::optional<std::vector<TextEdit>> fix_all;
  // The JSON of its diagnostics, kept per YAML document between analyses.
  mutable DiagnosticsJson diagnostics_json;

  const std::vector<Diagnostic>& diagnostics() const { return result.diagnostics; }
  // Forget reused results (the configuration changed).
  void invalidate() { result = FileResult(), fix_all.reset(), dirty = unpublished = whole_text_changed = true, changed.reset(); }

  // Applies one LSP content change (`range` in the negotiated encoding, or the whole text when
  // `has_range` is false) in place, and remembers what changed. False when the range is outside
  // the document.
  bool apply_change(bool has_range, uint32_t start_line, uint32_t start_char, uint32_t end_line, uint32_t end_char, const std::string& new_text,
                    bool utf16);
};

// Re-analyzes `doc` with `options` (rules/engine/pipeline.h), reusing its previous result for the
// YAML documents whose bytes did not change.
void relint(OpenDocument& doc, const LintOptions& options);

// File system path of a file:// URI ("" otherwise), percent-decoded.
std::string uri_to_path(const std::string& uri);

}  // namespace kflint::lsp
