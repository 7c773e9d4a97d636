#include <cstring>

#include "core/document.h"

namespace kflint {
namespace {

bool marker_line(std::string_view line, const char* marker) {
  if (line.size() < 3 || std::memcmp(line.data(), marker, 3) != 0) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n';
}

}  // namespace

std::vector<ByteRange> split_documents(const SourceText& source) {
  std::vector<ByteRange> chunks;
  const std::string_view text = source.view();
  uint32_t chunk_start = source.bom_length();
  bool chunk_has_content = false;  // a `---` right at the start does not end an (empty) document
  for (uint32_t line = 0; line < source.line_count(); ++line) {
    const uint32_t start = line == 0 ? source.bom_length() : source.line_start(line);
    const uint32_t next = line + 1 < source.line_count() ? source.line_start(line + 1) : static_cast<uint32_t>(text.size());
    const std::string_view l = text.substr(start, next - start);
    if (marker_line(l, "---")) {
      if (chunk_has_content) chunks.push_back({chunk_start, start});
      chunk_start = start;
      chunk_has_content = true;
    } else if (marker_line(l, "...")) {
      chunks.push_back({chunk_start, next});
      chunk_start = next;
      chunk_has_content = false;
    } else {
      chunk_has_content = true;
    }
  }
  if (chunk_start < text.size() || chunks.empty()) chunks.push_back({chunk_start, static_cast<uint32_t>(text.size())});
  return chunks;
}

}  // namespace kflint
