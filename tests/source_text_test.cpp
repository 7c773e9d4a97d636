// Positions: lines and columns after multi-byte characters, tabs, a BOM, CRLF and lone CR.
#include <gtest/gtest.h>

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

TEST(SourceText, EncodingChecks) {
  EXPECT_FALSE(check_text_encoding("kind: TFJob\n"));
  EXPECT_FALSE(check_text_encoding("name: \"é😀\"\n"));
  EXPECT_TRUE(check_text_encoding(std::string("a\0b", 3)));
  EXPECT_TRUE(check_text_encoding("name: caf\xe9\n"));
  EXPECT_TRUE(check_text_encoding("\xFF\xFEk\0i\0"));
  EXPECT_TRUE(check_text_encoding("\xC0\xAF"));          // overlong '/'
  EXPECT_TRUE(check_text_encoding("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_NE(check_text_encoding("ok\nbad \xff")->find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace kflint
