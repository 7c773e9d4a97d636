#pragma once
#include <unistd.h>
// Helpers shared by the tests: lint a string, read fixture files, render findings compactly.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/rule_info.h"
#include "rules/engine/pipeline.h"

namespace kflint::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline FileResult lint_string(const std::string& text, Target target = Target::Auto) {
  LintOptions options;
  options.target = target;
  return analyze(text, options);
}

// The options a text's leading comment lines ask for: `# target: cci`, `# operation: patch`
// (rule fixtures and the rule docs' examples use them).
inline LintOptions header_options(const std::string& text, Target target = Target::Auto) {
  LintOptions o;
  o.target = target;
  for (size_t at = 0; at < text.size() && text.compare(at, 2, "# ") == 0;) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string line = text.substr(at, end - at);
    if (line.rfind("# target: ", 0) == 0) parse_target(line.substr(10), o.target);
    if (line.rfind("# operation: ", 0) == 0) parse_operation(line.substr(13), o.operation);
    at = end + 1;
  }
  return o;
}

// "L:C-L:C RULE message" with 1-based lines and character columns.
// (For the engine's FileResult and the CLI's FileReport alike.)
template <typename Result>
std::string render(const Result& r, const Diagnostic& d) {
  const Position s = r.source->position(d.range.start);
  const Position e = r.source->position(d.range.end);
  return std::to_string(s.line + 1) + ":" + std::to_string(s.column_chars + 1) + "-" + std::to_string(e.line + 1) + ":" +
         std::to_string(e.column_chars + 1) + " " + std::string(d.rule->id) + " " + d.message;
}

template <typename Result>
std::vector<std::string> rendered(const Result& r, std::string_view only_rule = {}) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics)
    if (only_rule.empty() || d.rule->id == only_rule) out.push_back(render(r, d));
  return out;
}

template <typename Result>
bool has_rule(const Result& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule->id == id) return true;
  return false;
}

// A fresh folder under the system temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() / ("kflint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& content) {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
  static inline int counter_ = 0;
};

// A clean job, and one with only a KF305 warning (no resources).
inline const std::string kClean =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: ok\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template:\n"
    "        spec:\n          containers:\n            - name: tensorflow\n              image: kubeflow/tf-mnist:1.0\n"
    "              resources: {limits: {cpu: \"1\", memory: 1Gi}}\n";
inline const std::string kWarnOnly = kClean.substr(0, kClean.find("              resources")) ;  // KF305 warning only

}  // namespace kflint::test
