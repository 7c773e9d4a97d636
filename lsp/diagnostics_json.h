#pragma once
// The JSON of a file's diagnostics (publishDiagnostics, textDocument/diagnostic), kept per YAML
// document between analyses. A keystroke re-lints one document of a 5,000-job file; the others
// keep their findings (AnalyzedDocument::serial says which), so their JSON is kept too and only
// its line numbers move by the lines the edit added or removed above them. What is written is
// byte for byte what diagnostic_json() writes for each diagnostic.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "lsp/protocol.h"
#include "rules/engine/pipeline.h"

namespace kflint::lsp {

class DiagnosticsJson {
 public:
  // The JSON array of result.diagnostics for `uri`. Serializes only the diagnostics of documents
  // analyzed since the last call (or not kept: see the .cpp); forgets the documents gone.
  std::string array(const FileResult& result, const std::string& uri, Encoding enc);
  // How many diagnostics the last call serialized (the others were kept).
  size_t serialized() const { return serialized_; }

 private:
  // One document's diagnostics as JSON, with the places of their line numbers.
  struct Piece {
    struct Line {
      size_t at, digits;  // where the number is in `json`, and its length
      uint32_t relative;  // the line, counted from the document's first line
    };
    std::string json;  // the diagnostics, comma-separated
    std::vector<Line> lines;
  };
  static Piece serialize(const FileResult& result, size_t from, size_t to, uint32_t base_line, const std::string& uri, Encoding enc);
  static void write(const Piece& piece, uint32_t base_line, std::string& out);

  std::unordered_map<uint64_t, Piece> pieces_;  // by AnalyzedDocument::serial
  Encoding encoding_;
  std::string uri_;
  size_t serialized_ = 0;
};

}  // namespace kflint::lsp
