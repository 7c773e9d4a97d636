#include "lsp/documents.h"

#include <algorithm>
#include <optional>

#include <thread>

#include "core/document.h"

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

void relint(OpenDocument& doc, const LintOptions& options) {
  AnalyzeOptions settings;
  settings.keep_documents = true;
  // Trees are kept for the editor's features; in a very large file they would cost several times
  // its size, so there they are parsed per request instead.
  settings.keep_trees = doc.text->size() <= kKeepTreesUpTo;
  settings.threads = doc.text->size() >= kParallelFrom ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  doc.result = analyze(doc.text, options, settings, &doc.result);
  doc.fix_all.reset();
  doc.text = doc.result.source;
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
