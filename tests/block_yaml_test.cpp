// The fast block-YAML reader against yaml-cpp: on every document it accepts, the two readers
// must build the same tree (nodes, texts, styles, offsets, duplicates); what it does not handle
// exactly it must hand to yaml-cpp. The yaml_values fuzzer runs the same oracle on random input.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/document.h"
#include "core/tree_dump.h"
#include "test_util.h"

namespace kflint {
namespace {

struct Compared {
  size_t documents = 0;
  size_t fast = 0;
};

Compared compare_readers(const std::string& text, const std::string& what) {
  const SourceText source(text);
  ParseLimits yaml_cpp_only;
  yaml_cpp_only.fast_reader = false;
  const std::vector<Document> fast = parse_documents(source);
  const std::vector<Document> reference = parse_documents(source, yaml_cpp_only);
  Compared c;
  EXPECT_EQ(fast.size(), reference.size()) << what;
  for (size_t i = 0; i < std::min(fast.size(), reference.size()); ++i) {
    ++c.documents;
    EXPECT_FALSE(reference[i].fast_read);
    if (!fast[i].fast_read) continue;
    ++c.fast;
    EXPECT_EQ(dump_document(fast[i]), dump_document(reference[i])) << what << " document " << i;
    // The ends the fast reader records are the ones tree-sitter finds for yaml-cpp's documents
    // (where tree-sitter-yaml reads the document without errors).
    if (reference[i].tree_sitter_error()) continue;
    for (NodeId id = 0; id < std::min(fast[i].values.size(), reference[i].values.size()); ++id) {
      const ByteRange a = fast[i].range(id), b = reference[i].range(id);
      EXPECT_TRUE(a.start == b.start && a.end == b.end)
          << what << " document " << i << " node " << id << " (" << reference[i].values.path(id) << "): fast " << a.start << "-"
          << a.end << " [" << text.substr(a.start, a.end - a.start) << "], tree-sitter " << b.start << "-" << b.end << " ["
          << text.substr(b.start, b.end - b.start) << "]";
    }
  }
  return c;
}

bool read_fast(const std::string& text) {
  const SourceText source(text);
  const std::vector<Document> docs = parse_documents(source);
  compare_readers(text, text);
  for (const Document& d : docs)
    if (!d.fast_read) return false;
  return true;
}

TEST(BlockYaml, ReadsTheCommonSubsetExactlyAsYamlCpp) {
  const char* cases[] = {
      "a: 1\n",
      "a: 1",
      "---\na: 1\n",
      "--- # start\na: 1\n...\n",
      "---\n",
      "# only a comment\n",
      "",
      "a:\nb:\n",
      "a:\n  b:   # x\n\n  # y\nc: -1\n",
      "a: b #c\nd: e#f\n",
      "a b: c\n\"q k\": 'v'\n'x''y': \"a\\\"b\\n\"\n",
      "a:\n- 1\n- two\n-\n- [x, \"y\", 'z', ]\nb: {}\nc: { }\nd: [ ]\ne: {k: v, \"q\": [1, {n: ~}]}\n",
      "- - a\n  - b\n- c: 1\n  d:\n  - e\n-\n",
      "-\n",
      "- a\n-",
      "a:\n  - b: 1\n    c:\n      - d\n  - e\n",
      "  indented: map\n  second: 2\n",
      "a: ~\nb: null\nc: Null\nd: NULL\ne: \"null\"\nf: yes\ng: 0755\nh: 1_000\ni: .5\nj: 1e3\nk: -.inf\n",
      "a: 1\na: 2\n",
      "containers:\n- name: tensorflow\n  args: [\"--x=1\", --y]\n  command: [python, /opt/a.py]\n",
      "plain\n",
      "\"quoted root\"\n",
      "[a, b]\n",
      "a: x:y\nb: http://example.com/a?b=1&c=2\nc: -x\nd: a,b\n",
      "a:\n  b: 1  # end of line\n  # own line, last in the map\nc:\n  - x # after an item\n  # own line\n\nd: 1\n# at the end\n",
      "aL__N_s:  \n-\n--: s\n",
      "args:\n  - |\n    set -e\n    python train.py --x=1  # not a comment\n\n    echo done\n  - next\n",
      "a: |  # a comment\n  one\n\n\nb: |-\n  two\n  three\nc: |+\n  four\n\n# end\n",
      "a:\n  |\n   indented\n    more\n",
      "- |\n  x\n-   |\n    y\n",
      "a: |\n  text\n",
      "e: \"\\\\ \\/ \\t \\0 \\a \\b \\e \\f \\v \\r \\  \\\"\"\n",  // every escape decoded here
  // found by the fuzzer: tree-sitter-yaml misreads `--: s`
      "a:  # after a key\n  b: [1]  # after a flow\n  c: 'q'  # after a quoted\n  d:  # empty\ne: 1\n",
  };
  for (const char* text : cases) EXPECT_TRUE(read_fast(text)) << text;
}

TEST(BlockYaml, HandsEverythingElseToYamlCpp) {
  const char* cases[] = {
      "a: &x 1\nb: *x\n",           // anchors and aliases
      "a: !!str 1\n",               // tags
      "a: >\n  text\n",             // folded block scalars
      "a: |2\n   text\n",           // explicit indentation
      "a: |\n  x\n  \n  y\n",       // a line of only spaces
      "a: |\n  x",                  // no final line break
      "a: |\nb: 1\n",              // an empty block scalar
      "a: b\n  c\n",                // multi-line plain scalar
      "a: \"b\n  c\"\n",            // multi-line quoted scalar
      "a: [b,\n  c]\n",             // multi-line flow
      "a:\tb\n",                    // tabs
      "a: 1\r\nb: 2\r\n",           // CR
      "a: \xC3\xA9\n",              // non-ASCII
      "? a\n: b\n",                 // complex keys
      "<<: {a: 1}\n",               // merge key
      "a: \"\\u00e9\"\n",           // escapes beyond the simple ones
      "a: - b\n",                   // errors
      "a: b: c\n",
      "a: 1\n- b\n",
      "- a\nb: 1\n",
      "a:\n  b: 1\n c: 2\n",
      "%YAML 1.1\n---\na: 1\n",
      "--- a\n",
      "a: {b: }\n",
      "a: [x??y]\n",               // found by the fuzzer: yaml-cpp rejects `?` in a flow scalar
      "a: [b]c\n",
      "a: \"b\"c\n",
  };
  for (const char* text : cases) EXPECT_FALSE(read_fast(text)) << text;
}

TEST(BlockYaml, AgreesWithYamlCppOnEveryExampleAndFixture) {
  Compared total;
  size_t good_files = 0, good_fast = 0;
  for (const char* dir : {"examples", "tests/rules", "fuzz/corpus/yaml_values", "fuzz/corpus/pipeline"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(KFLINT_SOURCE_DIR) + "/" + dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string path = entry.path().string();
      const Compared c = compare_readers(test::read_text(path), path);
      total.documents += c.documents;
      total.fast += c.fast;
      if (path.find("/examples/good/") != std::string::npos && entry.path().extension() == ".yaml") {
        ++good_files;
        good_fast += c.fast == c.documents;
      }
    }
  }
  // The comparison above only counts if the fast path is taken: most fixtures are plain block
  // YAML, and every clean YAML example is (JSON spans lines in flow style: yaml-cpp).
  EXPECT_GT(total.fast * 10, total.documents * 6) << total.fast << " of " << total.documents;
  EXPECT_GT(good_files, 0u);
  EXPECT_EQ(good_fast, good_files);
}

TEST(BlockYaml, LimitsHoldOnTheFastPath) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
  const SourceText source(deep);
  const std::vector<Document> docs = parse_documents(source);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].limit_error.has_value());
  EXPECT_NE(docs[0].limit_error->message.find("nesting deeper than 256"), std::string::npos);
  compare_readers(deep, "300 nested maps");
}

}  // namespace
}  // namespace kflint
