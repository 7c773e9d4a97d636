#pragma once
// A canonical text form of a parsed document (every node's kind, style, start offset, text,
// value, parent and children, the duplicate keys and the errors), for comparing the fast
// block-YAML reader with yaml-cpp in tests and in the fuzzer.

#include <string>

#include "core/document.h"

namespace kflint {

std::string dump_document(const Document& doc);

}  // namespace kflint
