#pragma once
// Open documents and their lint results, cached per YAML document: an edit re-parses and
// re-lints only the documents of the stream whose bytes changed; the others keep their findings
// (stored relative to their document's start and shifted into place).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_text.h"
#include "rules/engine/lint.h"

namespace kflint::lsp {

struct OpenDocument {
  std::string uri;
  std::string path;  // file system path for config lookup ("" for untitled documents)
  int64_t version = 0;
  std::shared_ptr<const SourceText> text;
  std::vector<Diagnostic> diagnostics;  // for `text`, absolute offsets
  uint32_t jobs = 0;
  bool dirty = true;        // needs a re-lint
  bool unpublished = true;  // its current diagnostics were not sent yet

  struct Chunk {
    ByteRange span;
    std::vector<Diagnostic> relative;  // offsets relative to span.start
    uint32_t jobs = 0;
  };
  // Chunk bytes -> results for the last linted text. The keys view `cache_text`, so an edit
  // copies no document bytes; only the changed documents are parsed and linted again.
  std::unordered_map<std::string_view, Chunk> cache;
  std::shared_ptr<const SourceText> cache_text;
  size_t relinted_last = 0;                       // documents re-linted by the last update (tests, bench)
};

// Applies one LSP content change (`range` in the negotiated encoding, or a full replacement).
// Returns false when the range is outside the document.
// `index`, when given, must be the SourceText of `text` (saves rebuilding the line index).
bool apply_change(std::string& text, const SourceText* index, bool has_range, uint32_t start_line, uint32_t start_char, uint32_t end_line, uint32_t end_char,
                  const std::string& new_text, bool utf16);

// Re-lints `doc` with `options`, reusing cached results for unchanged YAML documents.
void relint(OpenDocument& doc, const LintOptions& options);

// File system path of a file:// URI ("" otherwise), percent-decoded.
std::string uri_to_path(const std::string& uri);

}  // namespace kflint::lsp
