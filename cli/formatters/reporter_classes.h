#pragma once
// The reporter of each format (defined in the format's own file); see formatters.h.

#include <map>
#include <string>

#include "cli/formatters/formatters.h"

namespace kflint::cli {

class TextReporter : public Reporter {
 public:
  TextReporter(const FormatOptions& options, std::ostream& out) : options_(options), out_(out) {}
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  FormatOptions options_;
  std::ostream& out_;
};

// JSON and SARIF are written as text around one small JSON value per finding.
class JsonReporter : public Reporter {
 public:
  JsonReporter(const FormatOptions& options, std::ostream& out);
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  FormatOptions options_;
  std::ostream& out_;
  bool first_file_ = true;
};

class SarifReporter : public Reporter {
 public:
  SarifReporter(const FormatOptions& options, std::ostream& out);
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  std::ostream& out_;
  std::map<std::string_view, size_t> rule_index_;
  bool first_result_ = true;
};

class GithubReporter : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  std::ostream& out_;
  int shown_[3] = {0, 0, 0};
  size_t hidden_ = 0;
};

// JUnit puts the totals before the test cases: the cases are kept as text (the report's size,
// not the input's) and written at the end.
class JunitReporter : public Reporter {
 public:
  explicit JunitReporter(std::ostream& out) : out_(out) {}
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  std::ostream& out_;
  std::string cases_;
  size_t files_ = 0, failures_ = 0;
};

class GitlabReporter : public Reporter {
 public:
  explicit GitlabReporter(std::ostream& out) : out_(out) { out_ << "["; }
  void file(const FileReport& r) override;
  void finish(const Summary& s) override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace kflint::cli
