#pragma once
// Helpers for the tests of the command-line face (the other tests use the engine only).

#include <sstream>
#include <string>

#include "cli/check_command.h"
#include "test_util.h"

namespace kflint::test {

struct CliRun {
  int code;
  std::string out, err;
};

// `kflint check` in-process with `stdin_text` as standard input. Colour is off unless asked for:
// the test may run on a terminal, the output here never goes to one.
inline CliRun run_cli(cli::CheckOptions o, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  if (o.color == "auto") o.color = "never";
  const int code = cli::run_check(o, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace kflint::test
