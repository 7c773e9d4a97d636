#include "core/diagnostic.h"

namespace kflint {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Hint: return "hint";
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out) {
  for (Severity s : {Severity::Hint, Severity::Info, Severity::Warning, Severity::Error})
    if (text == severity_name(s)) return out = s, true;
  return false;
}

const char* applicability_name(Applicability a) {
  switch (a) {
    case Applicability::Safe: return "safe";
    case Applicability::Unsafe: return "unsafe";
    case Applicability::DisplayOnly: return "display-only";
  }
  return "safe";
}

}  // namespace kflint
