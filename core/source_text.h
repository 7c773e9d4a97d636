#pragma once
// SourceText: the bytes of one input, checked once (UTF-8, NUL bytes, size) and indexed by line
// so that any byte offset converts to a line and a column in bytes, characters or UTF-16 units.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kflint {

struct Position {
  uint32_t line = 0;        // 0-based
  uint32_t column_bytes = 0;
  uint32_t column_chars = 0;  // Unicode code points (what the text output shows, 1-based there)
  uint32_t column_utf16 = 0;  // UTF-16 code units (LSP default, SARIF utf16CodeUnits)
};

class SourceText {
 public:
  SourceText() = default;
  explicit SourceText(std::string bytes);

  const std::string& bytes() const { return bytes_; }
  std::string_view view() const { return bytes_; }
  size_t size() const { return bytes_.size(); }
  // Length of a leading UTF-8 byte-order mark (0 or 3).
  uint32_t bom_length() const { return bom_; }
  // The text's own line break, the one its first line ends with: "\r\n", "\r" or "\n" (also
  // for a text with none). Every line an edit inserts is written with it.
  std::string_view line_break() const;
  size_t line_count() const { return line_starts_.size(); }
  uint32_t line_start(uint32_t line) const { return line_starts_[line]; }
  // The line's text without its line break.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_of(uint32_t offset) const;
  Position position(uint32_t offset) const;
  // Whether the whole text passes `test` (a scan for Kubeflow words), computed once per text
  // and shared by the threads that lint its documents.
  bool mentions_kubeflow(bool (*test)(std::string_view)) const {
    int8_t v = kubeflow_.load(std::memory_order_relaxed);
    if (v < 0) kubeflow_.store(v = test(bytes_) ? 1 : 0, std::memory_order_relaxed);
    return v == 1;
  }
  // Inverse of position() for LSP positions (UTF-16 or UTF-8 columns); clamps to the line end.
  uint32_t offset_of(uint32_t line, uint32_t column, bool utf16) const;

  // Replaces bytes [start, end) with `inserted` in place (the editor's keystroke): the line index
  // is spliced, not rebuilt, so the cost is the bytes moved and the lines after shifted, with no
  // new allocation of the text. Offsets before `start` keep their meaning; the cached Kubeflow
  // scan is forgotten.
  void edit(uint32_t start, uint32_t end, std::string_view inserted);
  // Forgets the cached Kubeflow scan (the text changed under documents that were not re-read).
  void forget_kubeflow_scan() const { kubeflow_.store(-1, std::memory_order_relaxed); }

 private:
  std::string bytes_;
  uint32_t bom_ = 0;
  std::vector<uint32_t> line_starts_;
  mutable std::atomic<int8_t> kubeflow_{-1};
  uint64_t id_ = 0;  // names these exact bytes (new on every edit) for position()'s per-thread marks
};

// Why a file cannot be linted as text, or nullopt when it can.
std::optional<std::string> check_text_encoding(std::string_view bytes);

// The first character YAML does not allow in a stream (C0 controls other than tab, LF and CR;
// DEL; C1 controls other than NEL; U+FFFE and U+FFFF), as go-yaml's reader refuses them with
// "control characters are not allowed" before it parses anything. Expects valid UTF-8.
struct ForbiddenChar {
  uint32_t offset;    // relative to `text`
  uint32_t codepoint;
};
std::optional<ForbiddenChar> find_forbidden_char(std::string_view text);
// "U+001C" for the diagnostic.
std::string codepoint_name(uint32_t codepoint);

// Byte length of the UTF-8 sequence starting with `lead` (1 for invalid lead bytes).
inline int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace kflint
