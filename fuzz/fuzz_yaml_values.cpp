// YAML -> value tree with kubectl's scalar resolution: documents, ranges, paths, comments.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "core/scalar_resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)resolve_plain_scalar(text.substr(0, 64));
  (void)resolve_tagged_scalar("tag:yaml.org,2002:int", text.substr(0, 64));
  if (check_text_encoding(text)) return 0;
  const SourceText source(text);
  ParseLimits limits;
  limits.max_expanded_nodes = 100000;
  for (const Document& doc : parse_documents(source, limits)) {
    const ValueTree& v = doc.values;
    for (NodeId id = 0; id < v.size(); ++id) {
      const ByteRange r = doc.range(id);
      if (r.start > r.end || r.end > source.size()) std::abort();
      (void)v.path(id);
      (void)doc.key_range(id);
    }
    for (const Comment& c : doc.comments())
      if (c.range.end > source.size()) std::abort();
  }
  return 0;
}
