#include "core/source_text.h"

#include <algorithm>
#include <cstring>

#include "core/byte_words.h"

namespace kflint {
namespace {

std::atomic<uint64_t> next_text_id{1};

// Per thread, the last positions computed: findings are reported in offset order, so a column is
// counted on from the previous one on the same line rather than from the line's start. Without
// it a long line costs its length for every finding on it: a 2 MB one-line JSON job with 100,000
// findings took 40 s (quadratic); with it, the cost is the line's length once.
struct ColumnMark {
  uint64_t text = 0;
  uint32_t line = 0, offset = 0, chars = 0, utf16 = 0;
};
constexpr size_t kMarks = 4;  // a finding's start and end, a related location's, and one more
thread_local ColumnMark marks[kMarks];
thread_local size_t next_mark = 0;

}  // namespace

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)), id_(next_text_id.fetch_add(1, std::memory_order_relaxed)) {
  if (bytes_.size() >= 3 && std::memcmp(bytes_.data(), "\xEF\xBB\xBF", 3) == 0) bom_ = 3;
  line_starts_.push_back(0);
  const char* data = bytes_.data();
  const size_t n = bytes_.size();
  if (!std::memchr(data, '\r', n)) {  // the usual text: only LF ends a line, found by memchr
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', n - static_cast<size_t>(p - data)))); ++p)
      line_starts_.push_back(static_cast<uint32_t>(p - data + 1));
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    const char c = data[i];
    if (c == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r' && (i + 1 >= n || data[i + 1] != '\n')) {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));  // a lone CR ends a line too
    }
  }
}

void SourceText::edit(uint32_t start, uint32_t end, std::string_view inserted) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(bytes_.size()));
  start = std::min(start, end);
  // Lines from the one before the edit's (a CR there may meet an inserted LF) are scanned again.
  const uint32_t first_line = line_of(start) > 0 ? line_of(start) - 1 : 0;
  const uint32_t last_line = line_of(end);
  const int64_t delta = static_cast<int64_t>(inserted.size()) - static_cast<int64_t>(end - start);
  bytes_.replace(start, end - start, inserted);
  // The scan runs from the first line's start to the first line break after the inserted text.
  const uint32_t scan_from = line_starts_[first_line];
  const uint32_t old_next = last_line + 1 < line_starts_.size() ? line_starts_[last_line + 1] : static_cast<uint32_t>(bytes_.size() - delta);
  const uint32_t scan_to = static_cast<uint32_t>(std::max<int64_t>(static_cast<int64_t>(old_next) + delta, start + inserted.size()));
  std::vector<uint32_t> fresh;
  const char* data = bytes_.data();
  const size_t n = bytes_.size();
  for (size_t i = scan_from; i < n && i < scan_to; ++i) {
    const char c = data[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= n || data[i + 1] != '\n'))) fresh.push_back(static_cast<uint32_t>(i + 1));
  }
  // Lines after the scanned part keep their breaks, shifted.
  std::vector<uint32_t>::iterator tail = line_starts_.begin() + last_line + 1;
  for (auto it = tail; it != line_starts_.end(); ++it) *it = static_cast<uint32_t>(static_cast<int64_t>(*it) + delta);
  // Drop shifted starts the scan covered (at or before scan_to), then splice the scanned ones in.
  auto keep_from = std::upper_bound(tail, line_starts_.end(), scan_to);
  fresh.erase(std::remove_if(fresh.begin(), fresh.end(), [&](uint32_t s) { return keep_from != line_starts_.end() && s >= *keep_from; }), fresh.end());
  // In place: the entries [head, keep_from) become `fresh`; the index is moved only when the
  // number of lines changed (no copy of the index per keystroke: at a million lines it is 4 MB).
  const auto first = line_starts_.begin() + static_cast<std::ptrdiff_t>(first_line + 1);
  const size_t replaced = static_cast<size_t>(keep_from - first);
  const size_t common = std::min(replaced, fresh.size());
  std::copy(fresh.begin(), fresh.begin() + static_cast<std::ptrdiff_t>(common), first);
  if (fresh.size() < replaced) line_starts_.erase(first + static_cast<std::ptrdiff_t>(common), keep_from);
  else line_starts_.insert(keep_from, fresh.begin() + static_cast<std::ptrdiff_t>(common), fresh.end());
  if (line_starts_.back() > n) line_starts_.pop_back();
  bom_ = bytes_.size() >= 3 && std::memcmp(bytes_.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  kubeflow_.store(-1, std::memory_order_relaxed);
  id_ = next_text_id.fetch_add(1, std::memory_order_relaxed);  // other bytes: no earlier mark applies
}

std::string_view SourceText::line_break() const {
  if (line_starts_.size() < 2) return "\n";
  const uint32_t end = line_starts_[1];  // just after the first line's break
  if (bytes_[end - 1] == '\r') return "\r";
  return end >= 2 && bytes_[end - 2] == '\r' ? "\r\n" : "\n";
}

std::string_view SourceText::line_text(uint32_t line) const {
  if (line >= line_starts_.size()) return {};
  uint32_t start = line_starts_[line];
  uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : static_cast<uint32_t>(bytes_.size());
  while (end > start && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
  if (line == 0) start = std::max(start, bom_);
  return std::string_view(bytes_).substr(start, end - start);
}

uint32_t SourceText::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;
}

Position SourceText::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(bytes_.size()));
  Position p;
  p.line = line_of(offset);
  uint32_t i = line_starts_[p.line];
  if (p.line == 0) i = std::min(std::max(i, bom_), offset);  // the BOM is not a column
  p.column_bytes = offset - i;
  const ColumnMark* best = nullptr;
  for (const ColumnMark& m : marks)
    if (m.text == id_ && m.line == p.line && m.offset >= i && m.offset <= offset && (!best || m.offset > best->offset)) best = &m;
  if (best) {
    i = best->offset;
    p.column_chars = best->chars;
    p.column_utf16 = best->utf16;
  }
  while (i < offset) {
    int len = utf8_sequence_length(static_cast<unsigned char>(bytes_[i]));
    p.column_chars += 1;
    p.column_utf16 += len == 4 ? 2 : 1;
    i += static_cast<uint32_t>(len);
  }
  if (i == offset) marks[next_mark++ % kMarks] = {id_, p.line, offset, p.column_chars, p.column_utf16};
  return p;
}

uint32_t SourceText::offset_of(uint32_t line, uint32_t column, bool utf16) const {
  if (line >= line_starts_.size()) return static_cast<uint32_t>(bytes_.size());
  std::string_view text = line_text(line);
  uint32_t start = static_cast<uint32_t>(text.data() - bytes_.data());
  if (!utf16) return start + std::min<uint32_t>(column, static_cast<uint32_t>(text.size()));
  uint32_t units = 0;
  size_t i = 0;
  while (i < text.size() && units < column) {
    int len = utf8_sequence_length(static_cast<unsigned char>(text[i]));
    units += len == 4 ? 2 : 1;
    i += static_cast<size_t>(len);
  }
  return start + static_cast<uint32_t>(std::min(i, text.size()));
}

std::optional<ForbiddenChar> find_forbidden_char(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if ((i & 7) == 0 && i + 8 <= n) {  // eight printable ASCII bytes (0x20..0x7E) at once
      const uint64_t w = words::load(text.data() + i);
      if (!words::any_below(w, 0x20) && !words::any_at_least(w, 0x7F)) {
        i += 7;
        continue;
      }
    }
    const unsigned char c = data[i];
    if (c >= 0x20 && c < 0x7F) continue;
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c < 0x80) return ForbiddenChar{static_cast<uint32_t>(i), c};
    // C1 controls are U+0080..U+009F (C2 80..C2 9F); NEL (U+0085) is a line break in YAML 1.1.
    if (c == 0xC2 && i + 1 < n && data[i + 1] >= 0x80 && data[i + 1] <= 0x9F && data[i + 1] != 0x85)
      return ForbiddenChar{static_cast<uint32_t>(i), static_cast<uint32_t>(data[i + 1])};
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < n && data[i + 1] == 0xBF && (data[i + 2] == 0xBE || data[i + 2] == 0xBF))
      return ForbiddenChar{static_cast<uint32_t>(i), 0xFFC0u | (data[i + 2] & 0x3Fu)};
  }
  return std::nullopt;
}

std::string codepoint_name(uint32_t codepoint) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string digits;
  for (int shift = codepoint > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) digits += kHex[(codepoint >> shift) & 0xF];
  return "U+" + digits;
}

std::optional<std::string> check_text_encoding(std::string_view bytes) {
  if (bytes.size() >= 4 && ((bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) || bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)))
    return std::string("file is UTF-32 (byte-order mark found); kflint reads UTF-8: convert it with iconv -f UTF-32 -t UTF-8");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return std::string("file is UTF-16 (byte-order mark found); kflint reads UTF-8: convert it with iconv -f UTF-16 -t UTF-8");
  // The line is counted only for the message: most texts are ASCII, read eight bytes at a time.
  auto line_at = [&](size_t offset) { return std::to_string(1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n')); };
  for (size_t i = 0; i < bytes.size();) {
    if (i + 8 <= bytes.size()) {
      const uint64_t w = words::load(bytes.data() + i);
      if (!words::any_non_ascii(w) && !words::any_below(w, 1)) {  // eight ASCII bytes, none of them NUL
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return "binary data: NUL byte at line " + line_at(i) + " (offset " + std::to_string(i) + ")";
    if (c < 0x80) { ++i; continue; }
    const int len = utf8_sequence_length(c);
    bool ok = len > 1 && i + static_cast<size_t>(len) <= bytes.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (ok) {
      // Reject overlong forms and surrogates, as a strict UTF-8 decoder does.
      const unsigned char c1 = static_cast<unsigned char>(bytes[i + 1]);
      if ((len == 2 && c < 0xC2) || (len == 3 && c == 0xE0 && c1 < 0xA0) || (len == 3 && c == 0xED && c1 >= 0xA0) ||
          (len == 4 && c == 0xF0 && c1 < 0x90) || (len == 4 && (c > 0xF4 || (c == 0xF4 && c1 >= 0x90))))
        ok = false;
    }
    if (!ok) return "invalid UTF-8 at line " + line_at(i) + " (offset " + std::to_string(i) + ")";
    i += static_cast<size_t>(len);
  }
  return std::nullopt;
}

}  // namespace kflint
