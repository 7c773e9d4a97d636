#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace kflint::cli {
// `kflint print --json FILE...`: each YAML document as the JSON kubectl sends to the API server
// (one line per object; empty documents and `null` are skipped, as kubectl skips them). A
// document kubectl refuses (unreadable YAML or JSON, or not an object) is an error on standard
// error (exit 2); a repeated key is a warning there (kubectl keeps the later value). `-` reads
// standard input.
int run_print(const std::vector<std::string>& paths, std::istream& in, std::ostream& out, std::ostream& err);
}  // namespace kflint::cli
