#include "lsp/documents.h"

#include <algorithm>
#include <optional>

#include <atomic>
#include <thread>

#include "core/document.h"

namespace kflint::lsp {

bool OpenDocument::apply_change(bool has_range, uint32_t start_line, uint32_t start_char, uint32_t end_line, uint32_t end_char,
                                const std::string& new_text, bool utf16) {
  // A replaced text, or inserted bytes that are not UTF-8 (KF000 reads the whole text): no edit
  // in place, the next analysis reads everything.
  if (!has_range || check_text_encoding(new_text)) {
    if (has_range && start_line <= text->line_count() && end_line <= text->line_count()) {
      std::string whole = text->bytes();
      const uint32_t a = text->offset_of(start_line, start_char, utf16), b = text->offset_of(end_line, end_char, utf16);
      whole.replace(std::min(a, b), std::max(a, b) - std::min(a, b), new_text);
      text = std::make_shared<SourceText>(std::move(whole));
    } else if (has_range) {
      return false;
    } else {
      text = std::make_shared<SourceText>(new_text);
    }
    whole_text_changed = true;
    changed.reset();
    return true;
  }
  const SourceText& index = *text;
  if (start_line > index.line_count() || end_line > index.line_count()) return false;
  auto offset = [&](uint32_t line, uint32_t ch) -> uint32_t {
    if (line == index.line_count()) return static_cast<uint32_t>(index.size());
    uint32_t o = index.offset_of(line, ch, utf16);
    if (line == 0 && o < index.bom_length()) o = index.bom_length();
    return o;
  };
  uint32_t start = offset(start_line, start_char);
  uint32_t end = offset(end_line, end_char);
  if (end < start) std::swap(start, end);
  text->edit(start, end, new_text);
  const uint32_t new_end = start + static_cast<uint32_t>(new_text.size());
  if (!whole_text_changed) {
    if (!changed) {
      changed = ChangedRange{start, end, new_end};
    } else {
      // Compose with the earlier edits: both in terms of the text analyzed last.
      ChangedRange& c = *changed;
      const int64_t shift = static_cast<int64_t>(c.new_end) - static_cast<int64_t>(c.old_end);  // earlier edits' length change
      const uint32_t end_before = end >= c.new_end ? static_cast<uint32_t>(static_cast<int64_t>(end) - shift) : c.old_end;
      c.old_end = std::max(c.old_end, end_before);
      c.new_end = static_cast<uint32_t>(std::max<int64_t>(c.new_end, end) + static_cast<int64_t>(new_text.size()) - (end - start));
      c.start = std::min(c.start, start);
    }
  }
  return true;
}

void relint(OpenDocument& doc, const LintOptions& options) {
  AnalyzeOptions settings;
  settings.keep_documents = true;
  // Trees are kept for the editor's features; in a very large file they would cost several times
  // its size, so there they are parsed per request instead.
  settings.keep_trees = doc.text->size() <= kKeepTreesUpTo;
  settings.threads = doc.text->size() >= kParallelFrom ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  if (!doc.whole_text_changed && !doc.changed && !doc.result.documents.empty()) {  // nothing changed since the last analysis
    doc.dirty = false;
    return;
  }
  if (!doc.whole_text_changed) settings.changed = doc.changed;  // edited in place: read only what the edits touched
  doc.result = analyze(std::shared_ptr<const SourceText>(doc.text), options, settings, &doc.result);
  static std::atomic<uint64_t> analyses{0};
  doc.result_id = ++analyses;
  doc.fix_all.reset();
  doc.changed.reset();
  doc.whole_text_changed = false;
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
