#include <cstring>

#include "core/document.h"
#include "core/kubectl_refusals.h"

namespace kflint {
namespace {

bool marker_line(std::string_view line, const char* marker) {
  if (line.size() < 3 || std::memcmp(line.data(), marker, 3) != 0) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n';
}

// kubectl reads a stream whose first non-blank byte is `{` as JSON (apimachinery's
// YAMLOrJSONDecoder): a sequence of JSON values, one object per line in JSON Lines files. A new
// document starts at each line that begins (after blanks) with `{` or `[` once the previous value
// closed; anything else after a value stays in its document, where it is refused as trailing content.
std::vector<ByteRange> split_json_stream(const SourceText& source, uint32_t from) {
  std::vector<ByteRange> chunks;
  const std::string_view text = source.view();
  uint32_t chunk_start = from;
  int depth = 0;
  bool in_string = false, closed = false;
  for (uint32_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (closed && (c == '{' || c == '[')) {
      const uint32_t line_begin = source.line_start(source.line_of(i));
      if (text.substr(line_begin, i - line_begin).find_first_not_of(" \t") == std::string_view::npos && line_begin > chunk_start) {
        chunks.push_back({chunk_start, line_begin});
        chunk_start = line_begin;
      }
      closed = false;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) closed = true;
    else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') closed = false;  // trailing content: keep it in this document
  }
  chunks.push_back({chunk_start, static_cast<uint32_t>(text.size())});
  return chunks;
}

}  // namespace

bool json_stream(const SourceText& source) {
  const std::string_view text = source.view();
  const size_t first = text.find_first_not_of(" \t\r\n", source.bom_length());
  return first != std::string_view::npos && text[first] == '{';
}

std::vector<ByteRange> split_documents(const SourceText& source) {
  if (json_stream(source)) return split_json_stream(source, source.bom_length());
  return split_yaml_documents_in(source, {source.bom_length(), static_cast<uint32_t>(source.size())});
}

std::vector<ByteRange> split_yaml_documents_in(const SourceText& source, ByteRange region) {
  std::vector<ByteRange> chunks;
  const std::string_view text = source.view().substr(0, region.end);
  uint32_t chunk_start = region.start;
  bool chunk_has_content = false;  // a `---` right at the start does not end an (empty) document
  for (uint32_t line = source.line_of(region.start); line < source.line_count() && source.line_start(line) < region.end; ++line) {
    const uint32_t start = line == 0 ? source.bom_length() : std::max(source.line_start(line), region.start);
    const uint32_t next = line + 1 < source.line_count() ? std::min(source.line_start(line + 1), region.end) : static_cast<uint32_t>(text.size());
    const std::string_view l = text.substr(start, next - start);
    // kubectl's reader splits lines at LF only: after a lone CR, `---` is not a marker to it.
    if (start > source.bom_length() && text[start - 1] != '\n') {
      chunk_has_content = true;
      continue;
    }
    if (is_separator_line(l.substr(0, l.find('\n')))) {
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
  if (chunk_start < region.end || chunks.empty()) chunks.push_back({chunk_start, region.end});
  return chunks;
}

}  // namespace kflint
