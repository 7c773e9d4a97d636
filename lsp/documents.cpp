#include "lsp/documents.h"

#include <algorithm>
#include <optional>

#include "core/document.h"
#include "rules/engine/registry.h"

namespace kflint::lsp {

bool apply_change(std::string& text, const SourceText* given_index, bool has_range, uint32_t start_line, uint32_t start_char, uint32_t end_line, uint32_t end_char,
                  const std::string& new_text, bool utf16) {
  if (!has_range) {
    text = new_text;
    return true;
  }
  std::optional<SourceText> built;
  if (!given_index) built.emplace(text);
  const SourceText& index = given_index ? *given_index : *built;
  if (start_line > index.line_count() || end_line > index.line_count()) return false;
  auto offset = [&](uint32_t line, uint32_t ch) -> uint32_t {
    if (line == index.line_count()) return static_cast<uint32_t>(text.size());
    uint32_t o = index.offset_of(line, ch, utf16);
    if (line == 0 && o < index.bom_length()) o = index.bom_length();
    return o;
  };
  uint32_t start = offset(start_line, start_char);
  uint32_t end = offset(end_line, end_char);
  if (end < start) std::swap(start, end);
  text.replace(start, end - start, new_text);
  return true;
}

static void shift(Diagnostic& d, int64_t delta) {
  auto move = [delta](ByteRange& r) {
    r.start = static_cast<uint32_t>(static_cast<int64_t>(r.start) + delta);
    r.end = static_cast<uint32_t>(static_cast<int64_t>(r.end) + delta);
  };
  move(d.range);
  for (Fix& f : d.fixes)
    for (TextEdit& e : f.edits) move(e.range);
  for (RelatedLocation& r : d.related) move(r.range);
}

void relint(OpenDocument& doc, const LintOptions& options) {
  const SourceText& source = *doc.text;
  if (auto bad = check_text_encoding(source.view())) {  // NUL bytes can arrive through JSON too
    doc.cache.clear();
    doc.cache_text.reset();
    doc.diagnostics.clear();
    Diagnostic d;
    d.rule = &find_rule("KF000")->info;
    d.message = *bad;
    doc.diagnostics.push_back(std::move(d));
    doc.dirty = false;
    return;
  }
  const std::vector<ByteRange> spans = split_documents(source);
  std::unordered_map<std::string_view, OpenDocument::Chunk> next;
  doc.diagnostics.clear();
  doc.jobs = 0;
  doc.relinted_last = 0;
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const ByteRange span = spans[i];
    const std::string_view bytes = source.view().substr(span.start, span.end - span.start);
    auto cached = doc.cache.find(bytes);
    OpenDocument::Chunk chunk;
    if (cached != doc.cache.end()) {
      chunk = cached->second;
    } else {
      const Document parsed = parse_document(source, span, i);
      LintResult result = lint_document(parsed, options);
      for (Diagnostic& d : result.diagnostics) shift(d, -static_cast<int64_t>(span.start));
      chunk.relative = std::move(result.diagnostics);
      chunk.jobs = result.jobs;
      ++doc.relinted_last;
    }
    chunk.span = span;
    for (Diagnostic d : chunk.relative) {
      shift(d, span.start);
      d.document = i;
      doc.diagnostics.push_back(std::move(d));
    }
    doc.jobs += chunk.jobs;
    next.emplace(bytes, std::move(chunk));
  }
  doc.cache = std::move(next);
  doc.cache_text = doc.text;
  doc.dirty = false;
}

std::string uri_to_path(const std::string& uri) {
  const std::string prefix = "file://";
  if (uri.rfind(prefix, 0) != 0) return {};
  std::string out;
  for (size_t i = prefix.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

}  // namespace kflint::lsp
