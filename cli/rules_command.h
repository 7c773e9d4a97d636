#pragma once
#include <iosfwd>
#include <string>

namespace kflint::cli {
// `kflint rules`: a table of every rule; `kflint rules KF301` (or a slug): the rule's doc.
int run_rules(const std::string& which, const std::string& format, std::ostream& out, std::ostream& err);
// `kflint version`: the tool and the embedded schema versions.
int run_version(std::ostream& out);
}  // namespace kflint::cli
