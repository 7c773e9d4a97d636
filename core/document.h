#pragma once
// ParsedFile and Document: a file split into YAML documents, each with its value tree (from
// yaml-cpp events), its syntax error if any, and a lazily built tree-sitter range index that
// gives exact end offsets and comments only for the documents that need them.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/source_text.h"
#include "core/value.h"

namespace kflint {

struct ByteRange {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Comment {
  ByteRange range;
  bool own_line = false;  // nothing but whitespace before it on its line
};

struct ParseLimits {
  uint32_t max_depth = 256;                  // nesting of maps and sequences
  uint64_t max_expanded_nodes = 1'000'000;   // values after alias expansion (billion laughs)
  uint32_t max_documents = 100'000;          // documents in one stream
  bool fast_reader = true;  // false: yaml-cpp reads every document (tests compare the two readers)
};

class RangeIndex;

class Document {
 public:
  Document(const SourceText& source, ByteRange span, uint32_t index);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) = delete;

  const SourceText& source() const { return *source_; }
  ByteRange span() const { return span_; }
  uint32_t index() const { return index_; }  // 0-based position in the stream
  bool empty() const { return values.root == kNoNode; }

  // The value's range, from its first byte (anchor or tag included) to its last non-blank byte.
  ByteRange range(NodeId id) const;
  // A map entry's key through its value (the whole `key: value`), for `value` as a map value.
  ByteRange entry_range(NodeId value) const;
  // The key's range when `value` is a map value, else the value's range.
  ByteRange key_range(NodeId value) const;
  const std::vector<Comment>& comments() const;
  // Whether tree-sitter found errors in this document (its ranges are then approximate); tests
  // compare the fast reader's ends with tree-sitter's only where tree-sitter parsed cleanly.
  bool tree_sitter_error() const;

  ValueTree values;
  std::vector<DuplicateKey> duplicates;
  struct Problem {
    uint32_t offset;
    std::string message;
  };
  std::optional<Problem> syntax_error;  // YAML the parser cannot read
  std::optional<Problem> limit_error;   // a parse limit was exceeded
  // Content after the end of an indented top-level collection (pasted from Markdown): go-yaml,
  // and so kubectl, reads the first node and drops the rest without a word. The offset of the
  // first dropped line.
  std::optional<uint32_t> dropped_from;
  // The document follows a `...` line with no `---` between: kubectl's reader passes it to go-yaml
  // together with the document before, and go-yaml reads only that one, so all of this is dropped
  // (dropped_from is its first content line). It is not parsed.
  bool after_end_marker = false;
  // Content after a complete flow collection at the top level (`{...}` then more lines): go-yaml
  // reads the collection and nothing after it (dropped_from is where the rest starts).
  bool dropped_after_flow_root = false;
  bool fast_read = false;  // read by the fast block-YAML reader rather than by yaml-cpp

 private:
  const RangeIndex& ranges() const;
  const SourceText* source_;
  ByteRange span_;
  uint32_t index_;
  mutable std::unique_ptr<RangeIndex> ranges_;
};

// Split a stream at document markers (`---`, `...` at column 0). Such lines may not appear inside
// any YAML content, so a line scan is exact; each chunk is then parsed on its own (the
// tree-sitter-yaml scanner keeps rows in 16 bits, so whole long streams must not be parsed at once).
// A stream whose first non-blank byte is `{` is JSON to kubectl: its documents are the JSON values
// that start a line (JSON Lines), and nothing is a marker.
std::vector<ByteRange> split_documents(const SourceText& source);
// The same for part of a YAML stream that starts and ends at document boundaries (the documents
// an edit touched); the result equals the whole split's documents in that part.
std::vector<ByteRange> split_yaml_documents_in(const SourceText& source, ByteRange region);
// Whether kubectl reads the stream as JSON (its first non-blank byte is `{`).
bool json_stream(const SourceText& source);

// Parse one document (a span from split_documents); never throws.
Document parse_document(const SourceText& source, ByteRange span, uint32_t index, const ParseLimits& limits = {});

// How many documents this process has parsed (parse_document) and how many tree-sitter range
// indexes it has built. Tests use it to show that the editor's features on an analyzed document
// parse nothing again.
struct ParseCounts {
  uint64_t documents = 0;
  uint64_t range_indexes = 0;
};
ParseCounts parse_counts();

// Parse every document of the source; never throws.
std::vector<Document> parse_documents(const SourceText& source, const ParseLimits& limits = {});

}  // namespace kflint
