#pragma once
// analyze(): the only path from bytes to findings, for the CLI, the language server, the tests
// and the fuzzers alike. Text in; KF000 (encoding), the document split, every parse limit, parsing,
// linting and suppressions; a FileResult out. The language server passes its previous result, so
// a document whose bytes did not change is neither parsed nor linted again.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/source_text.h"
#include "rules/engine/lint.h"
#include "rules/engine/patch_base.h"

namespace kflint {

// What an editor changed since the previous analysis: the bytes outside [start, new_end) of the
// new text are the previous text's bytes outside [start, old_end), and the caller checked the
// encoding of the bytes it inserted.
struct ChangedRange {
  uint32_t start = 0, old_end = 0, new_end = 0;
};

struct AnalyzeOptions {
  unsigned threads = 1;      // > 1: the documents of one stream are parsed and linted on that many cores
  bool keep_documents = false;  // keep each document's findings (and, below, its tree) for reuse and features
  bool keep_trees = false;      // with keep_documents: keep the parsed trees of the documents parsed
  ParseLimits limits;
  // With Operation::Patch: the manifest each patch applies to (load_patch_base; without error).
  std::shared_ptr<const PatchBase> patch_base;
  // With `previous` and keep_documents: only the documents the change touched are split, parsed
  // and linted again; the others are taken by position (no scan of the whole text).
  std::optional<ChangedRange> changed;
};

struct AnalyzedDocument {
  ByteRange span;                       // in the FileResult's source
  std::vector<Diagnostic> relative;     // findings, offsets relative to span.start
  std::vector<std::string> skipped;     // why it holds no job (without the "document N: " prefix)
  uint32_t jobs = 0;
  uint32_t embedded = 0;                // of jobs: inside a Katib Experiment or an Argo manifest
  uint32_t unread = 0;                  // LintResult::unread
  std::vector<std::string> notes;       // which embedded jobs were linted (LintResult::notes)
  std::vector<Diagnostic> in_base;      // with a patch base: findings at the base's offsets
  bool go_template = false;             // a Go/Helm template: the file is linted once rendered (go_template.h)
  bool file_scan = false;               // its findings depend on the whole file's text (LintResult::file_scan)
  mutable std::shared_ptr<const Document> tree;  // parsed against the FileResult's source, or null
  // Which analysis produced these findings: a new number each time the document is parsed and
  // linted, the same one while it is reused (the editor keeps what it serialized from them).
  uint64_t serial = 0;
};

struct FileResult {
  std::shared_ptr<const SourceText> source;
  std::vector<Diagnostic> diagnostics;  // every document's findings, in stream order, absolute offsets
  std::vector<std::string> skipped;     // "document 2: kind Deployment is not a Kubeflow TFJob or MXJob"
  uint32_t jobs = 0;
  uint32_t embedded = 0;                // of jobs: inside a Katib Experiment or an Argo manifest
  uint32_t unread = 0;                  // documents not read as YAML and left silent (they never mention Kubeflow)
  bool go_template = false;             // a Go/Helm template: not linted until rendered (KF009)
  std::vector<std::string> notes;       // "document 1: linted the TFJob trial template of Katib Experiment `x` (line 40)"
  bool input_error = false;             // KF000: the text was not linted at all
  std::vector<Diagnostic> base_diagnostics;  // with a patch base: about values the base kept, in its source
  std::vector<AnalyzedDocument> documents;  // with AnalyzeOptions::keep_documents
  size_t analyzed = 0;                  // documents parsed and linted by this call (the rest were reused)
  ParseLimits limits;
  int8_t mentions_kubeflow = -1;  // the whole-text scan some document's verdict used (-1: none did)
  Operation operation = Operation::Apply;  // what the text was linted as (editor features find jobs alike)

  // The document holding `offset` (the last one for an offset at the end); documents.size() when none.
  size_t document_at(uint32_t offset) const;
  // Document i's tree: the kept one, else parsed now (and kept when `keep`). Editor features call
  // this; on a document analyzed with keep_trees it parses nothing.
  std::shared_ptr<const Document> tree(size_t i, bool keep = true) const;
};

FileResult analyze(std::string text, const LintOptions& options, const AnalyzeOptions& settings = {}, const FileResult* previous = nullptr);
// The same for a text already indexed (the language server's buffer); a text that is not UTF-8
// keeps its source, so that the KF000 finding has a place in the editor.
FileResult analyze(std::shared_ptr<const SourceText> source, const LintOptions& options, const AnalyzeOptions& settings = {},
                   const FileResult* previous = nullptr);

// A FileResult holding only a KF000 finding (an input that could not be read or linted).
FileResult input_error_result(std::string message);

}  // namespace kflint
