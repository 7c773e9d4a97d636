#include "lsp/diagnostics_json.h"

#include <string_view>

namespace kflint::lsp {
namespace {

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

DiagnosticsJson::Piece DiagnosticsJson::serialize(const FileResult& result, size_t from, size_t to, uint32_t base_line, const std::string& uri,
                                                  Encoding enc) {
  Piece piece;
  for (size_t k = from; k < to; ++k) {
    const std::string one = dump(diagnostic_json(*result.source, uri, result.diagnostics[k], enc));
    if (!piece.json.empty()) piece.json += ',';
    // Every `"line":` in the JSON is a position's key: inside a string a quote is escaped, so
    // `e"` cannot occur there.
    static constexpr std::string_view kKey = "\"line\":";
    size_t copied = 0;
    for (size_t at = one.find(kKey); at != std::string::npos; at = one.find(kKey, at + 1)) {
      const size_t number = at + kKey.size();
      size_t end = number;
      while (end < one.size() && one[end] >= '0' && one[end] <= '9') ++end;
      const uint32_t line = static_cast<uint32_t>(std::stoul(one.substr(number, end - number)));
      piece.json.append(one, copied, number - copied);
      piece.lines.push_back({piece.json.size(), end - number, line - base_line});
      copied = number;  // the digits stay in `json`; write() replaces them
    }
    piece.json.append(one, copied, std::string::npos);
  }
  return piece;
}

void DiagnosticsJson::write(const Piece& piece, uint32_t base_line, std::string& out) {
  size_t copied = 0;
  for (const Piece::Line& line : piece.lines) {
    out.append(piece.json, copied, line.at - copied);
    out += std::to_string(base_line + line.relative);
    copied = line.at + line.digits;
  }
  out.append(piece.json, copied, std::string::npos);
}

std::string DiagnosticsJson::array(const FileResult& result, const std::string& uri, Encoding enc) {
  if (uri != uri_ || enc.utf16 != encoding_.utf16) pieces_.clear(), uri_ = uri, encoding_ = enc;
  serialized_ = 0;
  std::unordered_map<uint64_t, Piece> kept;
  std::string out = "[";
  const SourceText& text = *result.source;
  const std::vector<Diagnostic>& all = result.diagnostics;
  for (size_t i = 0; i < all.size();) {
    // The diagnostics of one document are together, in stream order (pipeline's assemble()).
    size_t j = i + 1;
    while (j < all.size() && all[j].document == all[i].document) ++j;
    const AnalyzedDocument* doc = all[i].document < result.documents.size() ? &result.documents[all[i].document] : nullptr;
    // Kept only when the file's diagnostics for the document are exactly its own findings (not a
    // file-wide summary, nor dropped for a template elsewhere in the file) and the document starts
    // a line (then its columns depend on its own bytes only).
    bool keep = doc && doc->serial != 0 && j - i == doc->relative.size();
    for (size_t k = i; keep && k < j; ++k) keep = !all[k].once_per_file;
    const uint32_t base_line = doc ? text.line_of(doc->span.start) : 0;
    keep = keep && text.line_start(base_line) == doc->span.start;
    if (out.size() > 1) out += ',';
    if (!keep) {
      Piece fresh = serialize(result, i, j, 0, uri, enc);
      serialized_ += j - i;
      out += fresh.json;
    } else {
      auto it = pieces_.find(doc->serial);
      if (it == pieces_.end()) {
        it = pieces_.emplace(doc->serial, serialize(result, i, j, base_line, uri, enc)).first;
        serialized_ += j - i;
      }
      write(it->second, base_line, out);
      kept.insert(pieces_.extract(it));
    }
    i = j;
  }
  pieces_ = std::move(kept);
  out += ']';
  return out;
}

}  // namespace kflint::lsp
