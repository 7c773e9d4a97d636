// The editor's analysis after an edit in place (lsp::OpenDocument::apply_change, then relint with
// the changed range) must equal a fresh analysis of the same text: random edits, in batches, on a
// stream made of every rule's fixtures, including edits that add, join or remove documents.

#include <gtest/gtest.h>

#include <filesystem>

#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "test_util.h"

namespace kflint {
namespace {

std::string fixture_stream() {
  std::string stream;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(KFLINT_SOURCE_DIR) + "/tests/rules"))
    for (const char* name : {"/bad.yaml", "/good.yaml"})
      if (std::filesystem::exists(e.path().string() + name)) files.push_back(e.path().string() + name);
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    const std::string text = test::read_text(f);
    if (check_text_encoding(text) || text.rfind("{", 0) == 0 || text.rfind("# operation", 0) == 0) continue;
    if (analyze(text, LintOptions{}).go_template) continue;  // one Go/Helm template would make the whole stream a single notice
    stream += (stream.empty() ? "" : "---\n") + text + (text.empty() || text.back() == '\n' ? "" : "\n");
  }
  return stream;
}

std::vector<std::string> findings(const std::shared_ptr<const SourceText>& source, const std::vector<Diagnostic>& diags) {
  FileResult r;
  r.source = source;
  r.diagnostics = diags;
  return test::rendered(r);
}

// Random edits on `stream`, in batches, each batch checked against a fresh analysis. Besides
// random places, some edits delete or type one character of a document marker line (`...`,
// `---`), where a document ends or starts: the cases that move document boundaries.
void expect_edits_agree(const std::string& stream, const std::string& eol, uint64_t seed, int rounds) {
  auto next = [&](uint32_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((seed >> 33) % std::max<uint32_t>(n, 1));
  };
  const std::vector<std::string> inserts = {"x", "", eol, "---" + eol, "..." + eol, "  ", ": ", "replicas: 0" + eol, "\r", "\n", "- ",
                                            "kind: TFJob" + eol, "{", "é", "\t", ".", "-"};
  lsp::OpenDocument doc;
  doc.text = std::make_shared<SourceText>(stream);
  LintOptions options;
  lsp::relint(doc, options);
  size_t partial = 0;
  for (int round = 0; round < rounds; ++round) {
    for (int k = 0, n = 1 + static_cast<int>(next(3)); k < n; ++k) {
      const uint32_t lines = static_cast<uint32_t>(doc.text->line_count());
      if (next(4) == 0) {  // a marker line: delete or add one of its characters
        std::vector<uint32_t> markers;
        for (uint32_t l = 0; l < lines; ++l) {
          const std::string_view t = doc.text->line_text(l);
          if (t.rfind("...", 0) == 0 || t.rfind("---", 0) == 0 || t == ".." || t == "--") markers.push_back(l);
        }
        if (!markers.empty()) {
          const uint32_t l = markers[next(static_cast<uint32_t>(markers.size()))];
          const uint32_t c = next(3);
          const bool remove = next(2) == 0;
          ASSERT_TRUE(doc.apply_change(true, l, c, l, remove ? c + 1 : c, remove ? "" : std::string(1, doc.text->line_text(l)[0]), true));
          continue;
        }
      }
      const uint32_t l1 = next(lines), l2 = std::min(lines - 1, l1 + next(3));
      const uint32_t c1 = next(12), c2 = l2 == l1 ? c1 + next(6) : next(12);
      ASSERT_TRUE(doc.apply_change(true, l1, c1, l2, c2, inserts[next(static_cast<uint32_t>(inserts.size()))], true));
    }
    lsp::relint(doc, options);
    partial += doc.result.analyzed < doc.result.documents.size() ? 1 : 0;
    const FileResult fresh = analyze(std::string(doc.text->view()), options);
    ASSERT_EQ(findings(doc.result.source, doc.diagnostics()), test::rendered(fresh)) << "line breaks " << (eol == "\n" ? "LF" : eol == "\r" ? "CR" : "CRLF")
                                                                                      << ", round " << round;
    ASSERT_EQ(doc.result.skipped, fresh.skipped) << "round " << round;
    ASSERT_EQ(doc.result.jobs, fresh.jobs) << "round " << round;
  }
  // Almost every edit read only the documents it touched (lone-CR text is analyzed whole: rare,
  // and correct either way).
  if (eol != "\r") EXPECT_GT(partial, static_cast<size_t>(rounds) * 3 / 4);
}

std::string with_line_breaks(const std::string& lf, const std::string& eol) {
  std::string out;
  for (char c : lf) c == '\n' ? out += eol : out += c;
  return out;
}

TEST(IncrementalAnalysis, EditsInPlaceAgreeWithAFreshAnalysis) {
  const std::string stream = fixture_stream();
  ASSERT_GT(stream.size(), 20000u);
  expect_edits_agree(stream, "\n", 20261205, 300);
}

// The case that was found by hand: in a CRLF document, deleting one `.` of a `...` line left a
// KF008 warning ("dropped: they follow a `...` line") that a fresh open of the same text has not.
TEST(IncrementalAnalysis, DeletingADotOfAnEndMarkerInCrlfText) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string text = with_line_breaks(test::kClean, eol) + "..." + eol + "apiVersion: v1" + eol + "kind: ConfigMap" + eol;
    lsp::OpenDocument doc;
    doc.text = std::make_shared<SourceText>(text);
    LintOptions options;
    lsp::relint(doc, options);
    const uint32_t marker = static_cast<uint32_t>(doc.text->line_of(static_cast<uint32_t>(text.find("..."))));
    for (uint32_t column : {0u, 1u, 2u}) {
      lsp::OpenDocument edited;
      edited.text = std::make_shared<SourceText>(text);
      lsp::relint(edited, options);
      ASSERT_TRUE(edited.apply_change(true, marker, column, marker, column + 1, "", true));
      lsp::relint(edited, options);
      const FileResult fresh = analyze(std::string(edited.text->view()), options);
      EXPECT_EQ(findings(edited.result.source, edited.diagnostics()), test::rendered(fresh)) << "column " << column << ", " << (eol == "\n" ? "LF" : eol == "\r" ? "CR" : "CRLF");
    }
  }
}

// The same with CRLF and with lone-CR line breaks (old Mac files, which YAML reads as breaks too).
TEST(IncrementalAnalysis, EditsInPlaceAgreeInCrlfAndCrText) {
  const std::string stream = fixture_stream();
  expect_edits_agree(with_line_breaks(stream, "\r\n"), "\r\n", 20261208, 200);
  expect_edits_agree(with_line_breaks(stream, "\r"), "\r", 20261209, 100);
}

// The JSON the editor publishes, kept per YAML document between analyses (lsp::DiagnosticsJson),
// is byte for byte the JSON of every diagnostic serialized afresh, in both position encodings,
// after random edits; and an edit re-serializes only what the documents it touched found.
TEST(IncrementalAnalysis, KeptDiagnosticsJsonEqualsAFreshSerialization) {
  const std::string stream = fixture_stream();
  uint64_t seed = 20261206;
  auto next = [&](uint32_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((seed >> 33) % std::max<uint32_t>(n, 1));
  };
  const char* const inserts[] = {"x", "", "\n", "---\n", "  ", "replicas: 0\n", "é😀", "kind: TFJob\n", "\t", "# kflint-disable-line\n"};
  const std::string uri = "file:///tmp/stream.yaml";
  lsp::OpenDocument doc;
  doc.text = std::make_shared<SourceText>(stream);
  LintOptions options;
  lsp::relint(doc, options);
  lsp::DiagnosticsJson utf16, utf8;
  size_t published = 0, serialized = 0;
  for (int round = 0; round < 200; ++round) {
    const uint32_t lines = static_cast<uint32_t>(doc.text->line_count());
    const uint32_t l1 = next(lines), l2 = std::min(lines - 1, l1 + next(2));
    ASSERT_TRUE(doc.apply_change(true, l1, next(10), l2, next(10), inserts[next(10)], true));
    lsp::relint(doc, options);
    for (const bool wide : {true, false}) {
      const lsp::Encoding enc{wide};
      std::string fresh = "[";
      for (const Diagnostic& d : doc.diagnostics())
        fresh += (fresh.size() > 1 ? "," : "") + lsp::diagnostic_json(*doc.text, uri, d, enc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      fresh += "]";
      lsp::DiagnosticsJson& kept = wide ? utf16 : utf8;
      ASSERT_EQ(kept.array(doc.result, uri, enc), fresh) << "round " << round << (wide ? " (UTF-16)" : " (UTF-8)");
      if (wide && round > 0) published += doc.diagnostics().size(), serialized += kept.serialized();
    }
  }
  ASSERT_GT(published, 10000u);
  EXPECT_LT(serialized * 10, published);  // most of what was published was kept, not serialized again
}

}  // namespace
}  // namespace kflint
