// Edits keep the file's shape (hardening, round three): every fix of every finding, and the
// editor's "disable" edits, on every bad fixture and example in each shape a file comes in — LF,
// CRLF, a BOM, no final newline, comments at the ends of lines — keep the file's line breaks (no
// bare LF in a CRLF file), its BOM, whether it ends with a line break, and every commented line an
// edit does not replace (a comment never moves to an inserted line). tests/line_shapes/ adds the
// cases no fixture has: a line inserted inside an Argo manifest block.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "core/fix_apply.h"
#include "core/suppression.h"
#include "rules/engine/pipeline.h"
#include "test_util.h"

namespace kflint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> seeds() {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + "/tests/rules"))
    if (e.path().filename() == "bad.yaml") paths.push_back(e.path().string());
  for (const char* dir : {"/examples/bad", "/examples/good", "/tests/embedded", "/tests/line_shapes"})
    for (const auto& e : fs::directory_iterator(std::string(KFLINT_SOURCE_DIR) + dir))
      if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string to_crlf(const std::string& lf) { return std::regex_replace(lf, std::regex("\n"), "\r\n"); }

std::string without_final_break(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// `key: value` lines (a plain scalar: not a block or flow start, no quote, no comment yet) get a
// comment at their end.
std::string with_trailing_comments(const std::string& text) {
  static const std::regex plain(R"(^( *-? *[A-Za-z0-9_./-]+: +[A-Za-z0-9_.:/-]+)$)");
  std::string out;
  size_t start = 0, n = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool last = end == std::string::npos;
    if (last) end = text.size();
    std::string line = text.substr(start, end - start);
    if (std::regex_match(line, plain)) line += "  # note " + std::to_string(++n);
    out += line + (last ? "" : "\n");
    start = end + 1;
  }
  return out;
}

struct Shape {
  std::string name;
  std::string text;
};

std::vector<Shape> shapes_of(const std::string& lf) {
  const std::string commented = with_trailing_comments(lf);
  return {{"LF", lf},
          {"CRLF", to_crlf(lf)},
          {"BOM+CRLF", "\xEF\xBB\xBF" + to_crlf(lf)},
          {"CRLF, no final newline", without_final_break(to_crlf(lf))},
          {"BOM+CRLF, no final newline", "\xEF\xBB\xBF" + without_final_break(to_crlf(lf))},
          {"LF, no final newline", without_final_break(lf)},
          {"trailing comments", commented},
          {"trailing comments, CRLF", to_crlf(commented)},
          {"trailing comments, tabs", std::regex_replace(commented, std::regex("  # note"), "\t# note")}};
}

bool bare_lf(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) return true;
  return false;
}

bool ends_with_break(const std::string& s) { return !s.empty() && (s.back() == '\n' || s.back() == '\r'); }

// The lines of `text` that hold a comment and that no edit touches.
std::vector<std::string> untouched_commented_lines(const SourceText& source, const std::vector<TextEdit>& edits) {
  std::vector<std::string> out;
  for (uint32_t l = 0; l < source.line_count(); ++l) {
    const std::string_view line = source.line_text(l);
    if (line.find(" #") == std::string_view::npos && line.find("\t#") == std::string_view::npos) continue;
    const uint32_t begin = static_cast<uint32_t>(line.data() - source.bytes().data());
    const uint32_t end = begin + static_cast<uint32_t>(line.size());
    bool touched = false;
    for (const TextEdit& e : edits) touched = touched || (e.range.start <= end && e.range.end >= begin);
    if (!touched) out.emplace_back(line);
  }
  return out;
}

void expect_shape_kept(const Shape& shape, const std::string& seed, const std::string& what, const std::vector<TextEdit>& edits) {
  const SourceText before(shape.text);
  const std::string after = apply_edits(shape.text, edits);
  const std::string where = seed + " (" + shape.name + "): " + what;
  if (shape.name.find("CRLF") != std::string::npos) EXPECT_FALSE(bare_lf(after)) << where << "\n" << after;
  EXPECT_EQ(after.rfind("\xEF\xBB\xBF", 0) == 0, shape.text.rfind("\xEF\xBB\xBF", 0) == 0) << where << ": the BOM";
  EXPECT_EQ(ends_with_break(after), ends_with_break(shape.text)) << where << ": the final newline";
  const SourceText result(after);
  std::vector<std::string> lines;
  for (uint32_t l = 0; l < result.line_count(); ++l) lines.emplace_back(result.line_text(l));
  for (const std::string& kept : untouched_commented_lines(before, edits))
    EXPECT_NE(std::find(lines.begin(), lines.end(), kept), lines.end()) << where << ": the line `" << kept << "` changed\n" << after;
}

TEST(LineShapes, EveryFixAndEditorEditKeepsTheFilesShape) {
  size_t fixes = 0, editor_edits = 0;
  for (const std::string& seed : seeds()) {
    for (const Shape& shape : shapes_of(test::read_text(seed))) {
      const FileResult r = analyze(shape.text, test::header_options(shape.text));
      if (r.input_error) continue;  // not text kflint reads (KF000): nothing is offered on it
      for (const Diagnostic& d : r.diagnostics) {
        for (const Fix& f : d.fixes) {
          if (f.edits.empty()) continue;
          ++fixes;
          expect_shape_kept(shape, seed, std::string(d.rule->id) + " fix `" + f.title + "`", f.edits);
        }
        const std::string id(d.rule->id);
        expect_shape_kept(shape, seed, "disable " + id + " above its line", {disable_on_line(*r.source, d.range.start, id, true)});
        expect_shape_kept(shape, seed, "disable " + id + " on its line", {disable_on_line(*r.source, d.range.start, id, false)});
        ++editor_edits;
      }
      // "Disable for this file": the directive at the start of each document.
      for (const ByteRange& span : split_documents(*r.source)) {
        expect_shape_kept(shape, seed, "disable for the document", {disable_in_document(*r.source, span, "KF101")});
        ++editor_edits;
      }
    }
  }
  EXPECT_GT(fixes, 500u);
  EXPECT_GT(editor_edits, 1000u);
}

// A manifest block with an indentation indicator (`manifest: |2`) maps exactly too: its findings
// at their own line and column (they were all at the key) and its fixes offered.
TEST(LineShapes, ManifestWithAnIndentationIndicatorIsMappedExactly) {
  const std::string text = test::read_text(std::string(KFLINT_SOURCE_DIR) + "/tests/line_shapes/argo-manifest-indicator.yaml");
  const FileResult r = analyze(text, LintOptions{});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule->id, "KF304");
  const Position p = r.source->position(d.range.start);
  EXPECT_EQ(r.source->line_text(p.line).substr(p.column_bytes), "1");  // the request's value, not the `manifest` key
  ASSERT_EQ(d.fixes.size(), 1u);
  const std::string fixed = apply_edits(text, d.fixes[0].edits);
  EXPECT_TRUE(analyze(fixed, LintOptions{}).diagnostics.empty()) << fixed;
}

}  // namespace
}  // namespace kflint
