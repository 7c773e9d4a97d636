// Positions never drift: a character inserted anywhere in a real manifest either makes its YAML
// document an error at exactly that character (what kubectl's go-yaml does with a control
// character), or leaves every finding and every fix edit that does not touch it pointing at the
// same text as before. A fix computed from drifted offsets would rewrite the wrong bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

struct Insertion {
  const char* name;
  std::string bytes;
  enum { Forbidden, Allowed, InvalidUtf8 } kind;
};

const std::vector<Insertion>& insertions() {
  static const std::vector<Insertion> all = {
      {"U+0001", "\x01", Insertion::Forbidden},         {"U+001C", "\x1c", Insertion::Forbidden},
      {"U+001B (ESC)", "\x1b", Insertion::Forbidden},   {"U+007F (DEL)", "\x7f", Insertion::Forbidden},
      {"U+0080", "\xc2\x80", Insertion::Forbidden},     {"U+009B (CSI)", "\xc2\x9b", Insertion::Forbidden},
      {"U+FFFE", "\xef\xbf\xbe", Insertion::Forbidden}, {"U+FFFF", "\xef\xbf\xbf", Insertion::Forbidden},
      {"NEL", "\xc2\x85", Insertion::Allowed},          {"LS", "\xe2\x80\xa8", Insertion::Allowed},
      {"PS", "\xe2\x80\xa9", Insertion::Allowed},       {"BOM", "\xef\xbb\xbf", Insertion::Allowed},
      {"e-acute", "\xc3\xa9", Insertion::Allowed},      {"emoji", "\xf0\x9f\x98\x80", Insertion::Allowed},
      {"invalid UTF-8", "\xff", Insertion::InvalidUtf8}, {"lone continuation", "\x80", Insertion::InvalidUtf8},
  };
  return all;
}

std::vector<std::string> manifests() {
  std::vector<std::string> out;
  const fs::path root(KFLINT_SOURCE_DIR);
  for (const char* dir : {"examples", "tests/rules"})
    for (const auto& e : fs::recursive_directory_iterator(root / dir))
      if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".json") &&
          e.path().filename() != "bad.expected")
        out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Places to insert at: in a comment, and at the start, middle and end of lines spread through
// the file; never inside a UTF-8 sequence or between CR and LF.
std::vector<uint32_t> insertion_points(const std::string& text) {
  std::set<uint32_t> points;
  if (const size_t hash = text.find('#'); hash != std::string::npos) points.insert(static_cast<uint32_t>(hash + 1));
  const SourceText src(text);
  const size_t lines = src.line_count();
  for (size_t k = 1; k <= 6 && lines > 0; ++k) {
    const uint32_t line = static_cast<uint32_t>(k * lines / 7);
    const std::string_view t = src.line_text(line);
    const uint32_t start = static_cast<uint32_t>(t.data() - src.bytes().data());
    points.insert(start);
    points.insert(start + static_cast<uint32_t>(t.size() / 2));
    points.insert(start + static_cast<uint32_t>(t.size()));
  }
  std::vector<uint32_t> out;
  for (uint32_t p : points)
    if (p <= text.size() && (p == text.size() || (static_cast<unsigned char>(text[p]) & 0xC0) != 0x80) &&
        !(p > 0 && text[p - 1] == '\r' && p < text.size() && text[p] == '\n'))
      out.push_back(p);
  return out;
}

// The text of `range` in the new text, mapped back to the old one: the same bytes must be there.
bool same_text(const std::string& before, const std::string& after, ByteRange r, uint32_t at, uint32_t inserted) {
  auto back = [&](uint32_t o) { return o <= at ? o : o - inserted; };
  if (r.start <= at && r.end > at) return true;  // touches the inserted character: nothing to compare
  const uint32_t s = back(r.start), e = back(r.end);
  if (e > before.size() || s > e) return false;
  return before.compare(s, e - s, after, r.start, r.end - r.start) == 0;
}

std::string describe(const FileResult& r, const Diagnostic& d) { return test::render(r, d); }

TEST(PositionDrift, InsertedCharactersNeverShiftRangesOrFixes) {
  size_t cases = 0;
  for (const std::string& path : manifests()) {
    const std::string original = test::read_text(path);
    const FileResult base = test::lint_string(original);
    if (base.input_error) continue;
    for (const uint32_t at : insertion_points(original)) {
      for (const Insertion& ins : insertions()) {
        std::string text = original;
        text.insert(at, ins.bytes);
        const uint32_t n = static_cast<uint32_t>(ins.bytes.size());
        const FileResult r = test::lint_string(text);
        const std::string where = path + " +" + ins.name + " at " + std::to_string(at);
        ++cases;
        if (ins.kind == Insertion::InvalidUtf8) {
          ASSERT_TRUE(r.input_error) << where;
          continue;
        }
        ASSERT_FALSE(r.input_error) << where;
        // The document that holds the character.
        uint32_t doc_index = 0;
        const std::vector<ByteRange> spans = split_documents(*r.source);
        for (uint32_t i = 0; i < spans.size(); ++i)
          if (at >= spans[i].start && at < std::max(spans[i].end, spans[i].start + 1)) doc_index = i;
        bool error_at_char = false;
        for (const Diagnostic& d : r.diagnostics) {
          if (ins.kind == Insertion::Forbidden && d.document == doc_index) {
            EXPECT_TRUE(d.fixes.empty()) << where << ": a fix in a document that kubectl refuses: " << describe(r, d);
            if (d.rule->id == "KF001" && d.range.start == at) error_at_char = true;
          }
          EXPECT_TRUE(same_text(original, text, d.range, at, n)) << where << ": range drifted: " << describe(r, d);
          for (const Fix& f : d.fixes)
            for (const TextEdit& e : f.edits)
              EXPECT_TRUE(same_text(original, text, e.range, at, n)) << where << ": fix edit drifted: " << describe(r, d);
        }
        // A document that kubectl reads (mentions Kubeflow) gets the error exactly at the character.
        const std::string_view doc_text = r.source->view().substr(spans[doc_index].start, spans[doc_index].end - spans[doc_index].start);
        if (ins.kind == Insertion::Forbidden && (doc_text.find("TFJob") != std::string_view::npos || doc_text.find("MXJob") != std::string_view::npos))
          EXPECT_TRUE(error_at_char) << where << ": no KF001 at the control character";
      }
    }
  }
  std::printf("%zu insertions into %zu manifests\n", cases, manifests().size());
  EXPECT_GT(cases, 1000u);
}

}  // namespace
}  // namespace kflint
