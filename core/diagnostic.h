#pragma once
// What every check produces and every face consumes: a finding with an exact byte range, a
// one-line message, optional fixes (text edits) and related locations.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace kflint {

enum class Severity : uint8_t { Hint = 0, Info = 1, Warning = 2, Error = 3 };
const char* severity_name(Severity s);  // "hint", "info", "warning", "error"
bool parse_severity(std::string_view text, Severity& out);

struct TextEdit {
  ByteRange range;   // bytes replaced (empty range: insertion)
  std::string text;  // replacement
};

enum class Applicability : uint8_t { Safe, Unsafe, DisplayOnly };
const char* applicability_name(Applicability a);

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<TextEdit> edits;
};

struct RelatedLocation {
  ByteRange range;
  std::string message;
};

struct RuleInfo;  // rules/engine/rule.h

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  ByteRange range;
  std::string message;
  std::vector<Fix> fixes;
  std::vector<RelatedLocation> related;
  uint32_t document = 0;  // index of the document in the stream
  std::string path;       // the field it is about (`spec.tfReplicaSpecs.Worker.replicas`), when it is about one
  bool once_per_file = false;  // a summary: only the file's first of this rule is kept, with a count of the rest
};

}  // namespace kflint
