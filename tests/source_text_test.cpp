// Positions: lines and columns after multi-byte characters, tabs, a BOM, CRLF and lone CR.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/source_text.h"

namespace kflint {
namespace {

TEST(SourceText, ColumnsCountCharactersAndUtf16Units) {
  const SourceText s("a: \"é😀\"\nb: x\n");
  // 'x' is on line 1 column 3 (0-based): byte offset 3 + 2 + 4 + 2 ("\"é😀\"\n" spans 9 bytes) ...
  const uint32_t quote_end = static_cast<uint32_t>(std::string("a: \"é😀").size());
  const Position p = s.position(quote_end);
  EXPECT_EQ(p.line, 0u);
  EXPECT_EQ(p.column_bytes, 3u + 1u + 2u + 4u);
  EXPECT_EQ(p.column_chars, 3u + 1u + 1u + 1u);
  EXPECT_EQ(p.column_utf16, 3u + 1u + 1u + 2u);
  const Position b = s.position(static_cast<uint32_t>(s.view().find("b:")));
  EXPECT_EQ(b.line, 1u);
  EXPECT_EQ(b.column_chars, 0u);
}

TEST(SourceText, BomIsNotAColumn) {
  const SourceText s("\xEF\xBB\xBFkind: TFJob\n");
  EXPECT_EQ(s.bom_length(), 3u);
  const Position p = s.position(3 + 6);
  EXPECT_EQ(p.line, 0u);
  EXPECT_EQ(p.column_chars, 6u);
  EXPECT_EQ(s.line_text(0), "kind: TFJob");
}

TEST(SourceText, CrlfAndLoneCrEndLines) {
  const SourceText s("a: 1\r\nb: 2\rc: 3\n");
  ASSERT_EQ(s.line_count(), 4u);
  EXPECT_EQ(s.line_text(0), "a: 1");
  EXPECT_EQ(s.line_text(1), "b: 2");
  EXPECT_EQ(s.line_text(2), "c: 3");
  const Position c = s.position(static_cast<uint32_t>(s.view().find("c:")));
  EXPECT_EQ(c.line, 2u);
  EXPECT_EQ(c.column_chars, 0u);
}

TEST(SourceText, TabsAreOneCharacter) {
  const SourceText s("\tkey: v\n");
  EXPECT_EQ(s.position(1).column_chars, 1u);
}

TEST(SourceText, OffsetOfInvertsPosition) {
  const SourceText s("x: 😀y\n");
  const uint32_t y = static_cast<uint32_t>(s.view().find('y'));
  const Position p = s.position(y);
  EXPECT_EQ(s.offset_of(p.line, p.column_utf16, true), y);
  EXPECT_EQ(s.offset_of(p.line, p.column_bytes, false), y);
  EXPECT_EQ(s.offset_of(0, 999, true), s.line_start(0) + 8u);  // clamps to the line end (8 bytes)
}

// Printable ASCII is skipped eight bytes at a time; every forbidden character is still found at
// its exact offset, wherever it falls in a word, and allowed ones are not reported.
TEST(SourceText, ForbiddenCharactersAtEveryAlignment) {
  const std::pair<std::string, uint32_t> forbidden[] = {{"\x01", 1}, {"\x1F", 0x1F}, {"\x7F", 0x7F}, {"\xC2\x80", 0x80}, {"\xEF\xBF\xBF", 0xFFFF}};
  const std::string allowed[] = {"\t", "\n", "\r", "~", " ", "é", "\xC2\x85", "😀"};
  for (uint32_t at = 0; at < 40; ++at) {
    for (const auto& [bad, codepoint] : forbidden) {
      std::string text(48, 'a');
      text.insert(at, bad);
      const auto found = find_forbidden_char(text);
      ASSERT_TRUE(found) << at;
      EXPECT_EQ(found->offset, at);
      EXPECT_EQ(found->codepoint, codepoint);
    }
    for (const std::string& good : allowed) {
      std::string text(48, 'a');
      text.insert(at, good);
      EXPECT_FALSE(find_forbidden_char(text)) << at;
    }
  }
}

TEST(SourceText, EncodingChecks) {
  EXPECT_FALSE(check_text_encoding("kind: TFJob\n"));
  EXPECT_FALSE(check_text_encoding("name: \"é😀\"\n"));
  EXPECT_TRUE(check_text_encoding(std::string("a\0b", 3)));
  EXPECT_TRUE(check_text_encoding("name: caf\xe9\n"));
  EXPECT_TRUE(check_text_encoding("\xFF\xFEk\0i\0"));
  EXPECT_TRUE(check_text_encoding("\xC0\xAF"));          // overlong '/'
  EXPECT_TRUE(check_text_encoding("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_NE(check_text_encoding("ok\nbad \xff")->find("line 2"), std::string::npos);
  // Long ASCII runs are read eight bytes at a time; the place is still exact.
  for (size_t at : {0u, 7u, 8u, 9u, 63u, 64u, 1000u}) {
    std::string text(1100, 'a');
    for (size_t i = 5; i < text.size(); i += 10) text[i] = '\n';
    std::string nul = text, bad = text;
    nul[at] = '\0';
    bad[at] = '\xC3';  // a lead byte followed by ASCII
    const std::string line = "line " + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    EXPECT_EQ(*check_text_encoding(nul), "binary data: NUL byte at " + line + " (offset " + std::to_string(at) + ")");
    EXPECT_EQ(*check_text_encoding(bad), "invalid UTF-8 at " + line + " (offset " + std::to_string(at) + ")");
  }
}

}  // namespace
}  // namespace kflint

namespace kflint {
namespace {

// An edit in place gives the same text, line index and positions as indexing the edited text
// afresh: random edits of random texts made of the characters that end lines (LF, CRLF, lone CR).
TEST(SourceTextEdit, SameAsReindexing) {
  uint64_t seed = 20261205;
  auto next = [&](uint32_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((seed >> 33) % n);
  };
  const char* const pieces[] = {"a", "bc", "\n", "\r", "\r\n", "é", "- x: y\n", "---\n", "\xEF\xBB\xBF"};
  auto random_text = [&](uint32_t len) {
    std::string s;
    while (s.size() < len) s += pieces[next(9)];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text = random_text(next(60));
    SourceText edited(text);
    for (int k = 0; k < 4; ++k) {
      uint32_t a = next(static_cast<uint32_t>(text.size()) + 1), b = next(static_cast<uint32_t>(text.size()) + 1);
      if (a > b) std::swap(a, b);
      const std::string inserted = random_text(next(8));
      text.replace(a, b - a, inserted);
      edited.edit(a, b, inserted);
      const SourceText fresh(text);
      ASSERT_EQ(edited.bytes(), fresh.bytes());
      ASSERT_EQ(edited.line_count(), fresh.line_count()) << "round " << round;
      for (uint32_t l = 0; l < fresh.line_count(); ++l) ASSERT_EQ(edited.line_start(l), fresh.line_start(l)) << "round " << round << " line " << l;
      ASSERT_EQ(edited.bom_length(), fresh.bom_length());
    }
  }
}

}  // namespace
}  // namespace kflint
