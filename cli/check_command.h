#pragma once
// `kflint check`: read inputs, lint them in parallel with the shared engine, optionally apply
// fixes, format, and compute the exit code (0 clean, 1 findings at/above --fail-on, 2 errors).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/report.h"
#include "rules/engine/lint.h"

namespace kflint::cli {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format;  // "" = text, or github under GitHub Actions
  std::string output;  // "" = stdout
  std::string fail_on = "error";
  std::optional<std::string> target;
  std::optional<std::string> operation;  // apply | create | replace | patch
  std::string patch_base;                // --patch-base: lint each patch applied to this manifest
  std::string config;
  bool no_config = false;
  std::string stdin_filename;
  std::vector<std::string> ignore;  // rule ids/slugs switched off from the command line
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool verbose = false;
  bool no_source = false;
  std::string color = "auto";  // auto | always | never
  uint64_t max_file_size = 64u << 20;
  unsigned threads = 0;  // 0 = one per core
};

int run_check(const CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kflint::cli
