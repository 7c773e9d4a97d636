#pragma once
// The CLI's per-file result, shared by the check command and the formatters.

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_text.h"

namespace kflint::cli {

struct FileReport {
  std::string path;     // where it was read from ("-" for stdin)
  std::string display;  // the name shown in output (--stdin-filename for stdin)
  std::shared_ptr<const SourceText> source;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> skipped;  // documents that are not Kubeflow jobs (--verbose)
  uint32_t jobs = 0;
  uint32_t embedded = 0;             // of jobs: inside a Katib Experiment or an Argo manifest
  bool go_template = false;          // a Go/Helm template: not linted (KF009)
  uint32_t unread = 0;               // documents not read as YAML and left silent (they never mention Kubeflow)
  std::vector<std::string> notes;    // which embedded jobs were linted (--verbose)
  bool input_error = false;  // KF000: the file could not be linted
  size_t fixes_applied = 0;
  std::vector<std::string> fixes_refused;  // by the safe-write guard: "12:8: KF007 fix `...` not applied: ..."
  std::string diff;  // --fix --diff
  std::vector<Diagnostic> base_diagnostics;  // --patch-base: findings in the base file (reported under its name)
};

struct Summary {
  size_t files = 0, jobs = 0, embedded = 0, errors = 0, warnings = 0, infos = 0, hints = 0, fixed = 0;
  size_t templates = 0;    // Go/Helm templates: read, not linted until rendered
  size_t unread = 0;       // documents that are not YAML kflint reads and never mention Kubeflow: silent, not clean
  size_t not_checked = 0;  // files left out because their configuration is invalid
};
Summary summarize(const std::vector<FileReport>& reports);

struct FormatOptions {
  bool color = false;
  bool verbose = false;
  bool show_source = true;
  std::string version;
};

}  // namespace kflint::cli
