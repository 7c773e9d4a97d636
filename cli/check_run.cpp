// `kflint check` in stages: validate the options, collect the inputs, open the report, lint the
// files on all cores while the report is written in input order, finish.
//
// Memory: a file's report is written and dropped as soon as every file before it is written, and
// workers do not run more than a few files ahead of the writer, so peak memory is bounded by the
// largest files being linted (times the workers) plus one file's findings, however many files
// there are (the 10,000-job corpus copied 8 times took 810 MB when every report was kept).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "cli/check_parts.h"
#include "rules/engine/registry.h"
#include "cli/formatters/formatters.h"

namespace kflint::cli {
namespace {

using detail::error_report;
using detail::overrides_of;

// Problems with the command line itself: a message, or "".
std::string validate(const CheckOptions& options, Severity& fail_on, std::string& format) {
  if (!parse_severity(options.fail_on, fail_on)) return "--fail-on must be error, warning, info or hint";
  Target t;
  if (options.target && !parse_target(*options.target, t)) return "--target must be auto, kubeflow, legacy or cci";
  Operation op;
  if (options.operation && !parse_operation(*options.operation, op)) return "--operation must be apply, create, replace or patch";
  if (!options.patch_base.empty() && options.operation != std::optional<std::string>("patch"))
    return "--patch-base needs --operation patch";
  for (const std::string& name : options.ignore)
    if (!find_rule(name)) return "--ignore: unknown rule `" + name + "`";

  format = options.format;
  if (format.empty()) {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = gha && std::string(gha) == "true" ? "github" : "text";
  }
  return "";
}

// Standard input, read once, with the same size limit as files.
struct StdinText {
  std::string text, error;
  size_t uses = 0;  // `-` given this many times: the last use takes the text instead of a copy
};

StdinText read_stdin(std::istream& in, uint64_t limit) {
  StdinText s;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    s.text.append(buf, static_cast<size_t>(in.gcount()));
    if (s.text.size() > limit) {  // `yes | kflint check -` ends here
      s.text = std::string();
      s.error = "input is larger than the limit of " + std::to_string(limit) + " bytes (--max-file-size)";
      break;
    }
  }
  return s;
}

FormatOptions format_options(const CheckOptions& options) {
  FormatOptions fo;
  fo.verbose = options.verbose;
  fo.show_source = !options.no_source;
  fo.version = KFLINT_VERSION;
  const char* no_color = std::getenv("NO_COLOR");
  const bool to_terminal = options.output.empty() && ::isatty(STDOUT_FILENO);
  fo.color = options.color == "always" || (options.color == "auto" && to_terminal && !(no_color && *no_color));
  return fo;
}

// The lint stage: workers take inputs in order; whoever completes the next file in order writes
// it (and any completed files after it) to the report and drops it.
class LintStage {
 public:
  LintStage(const CheckOptions& options, const std::vector<Input>& inputs, StdinText& stdin_text, Reporter& reporter, Severity fail_on,
            std::ostream& err, detail::PatchBasePtr base)
      : options_(options), inputs_(inputs), base_(std::move(base)), stdin_(stdin_text), reporter_(reporter), fail_on_(fail_on), err_(err), configs_(overrides_of(options)),
        reports_(inputs.size()), done_(inputs.size(), 0), keep_(inputs.size(), 1) {}

  void run() {
    const unsigned cores = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
    // Fewer files than cores: the spare cores split the documents of each file.
    per_file_threads_ = std::max<unsigned>(1, cores / static_cast<unsigned>(std::max<size_t>(1, inputs_.size())));
    window_ = std::max<size_t>(4, 2 * static_cast<size_t>(cores));
    const unsigned n = static_cast<unsigned>(std::min<size_t>(cores, std::max<size_t>(1, inputs_.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back([this] { work(); });
    work();
    for (std::thread& t : pool) t.join();
  }

  void write(const FileReport& r) {  // with the lock held, or before the workers start
    for (const Diagnostic& b : r.base_diagnostics)
      if (std::none_of(base_findings_.begin(), base_findings_.end(), [&](const Diagnostic& e) {
            return e.rule == b.rule && e.range.start == b.range.start && e.range.end == b.range.end;
          }))
        base_findings_.push_back(b);
    reporter_.file(r);
    add_to_summary(summary_, r);
    input_error_ = input_error_ || r.input_error;
    for (const Diagnostic& d : r.diagnostics) failing_ = failing_ || d.severity >= fail_on_;
  }

  // --patch-base: what the patches left wrong in the base, under the base's name, after the patches.
  void write_base() {
    if (!base_) return;
    FileReport r;
    r.path = r.display = options_.patch_base;
    r.source = base_->source;
    r.diagnostics = std::move(base_findings_);
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.range.start < b.range.start; });
    write(r);
  }

  const Summary& summary() const { return summary_; }
  bool failed_inputs() const { return input_error_ || config_failed_; }
  bool failing() const { return failing_; }
  std::set<std::string> config_notes() const { return configs_.notes(); }

 private:
  void work() {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        progress_.wait(lock, [&] { return next_ >= inputs_.size() || next_ < written_ + window_; });
        if (next_ >= inputs_.size()) return;
        i = next_++;
      }
      FileReport r;
      bool keep = true;
      // Running out of memory (or any other failure) in one file is that file's error; the
      // others are still linted, and no exception leaves a worker.
      try {
        keep = check_one(i, r);
      } catch (const std::bad_alloc&) {
        r = error_report(inputs_[i].path, inputs_[i].path, "out of memory while linting this file; nothing of it was checked");
      } catch (const std::exception& e) {
        r = error_report(inputs_[i].path, inputs_[i].path, std::string("internal error while linting this file: ") + e.what());
      }
      std::lock_guard<std::mutex> lock(mutex_);
      reports_[i] = std::move(r);
      keep_[i] = keep;
      done_[i] = 1;
      for (; written_ < inputs_.size() && done_[written_]; ++written_) {
        if (keep_[written_]) write(reports_[written_]);
        reports_[written_] = FileReport{};
      }
      progress_.notify_all();
    }
  }

  // One input; false when it is not part of the report (excluded, or the configuration is bad).
  bool check_one(size_t i, FileReport& out) {
    const Input& input = inputs_[i];
    const bool is_stdin = input.path == "-";
    const std::string display = is_stdin ? (options_.stdin_filename.empty() ? "<stdin>" : options_.stdin_filename) : input.path;
    const ConfigSet::Lookup lookup = configs_.for_file(is_stdin && !options_.stdin_filename.empty() ? options_.stdin_filename : input.path);
    const ResolvedConfig* config = lookup.config;
    if (!config) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!config_failed_) err_ << "kflint: " << lookup.error << "\n";
      config_failed_ = true;
      ++summary_.not_checked;
      return false;
    }
    if (input.from_walk && config->excluded(input.path)) return false;
    std::string error = is_stdin ? stdin_.error : "";
    std::optional<std::string> text;
    if (!is_stdin) {
      text = read_file(input.path, options_.max_file_size, error);
    } else if (error.empty()) {
      std::lock_guard<std::mutex> lock(mutex_);
      text = --stdin_.uses == 0 ? std::move(stdin_.text) : stdin_.text;
    }
    if (!text) {
      out = error_report(input.path, display, error);
      return true;
    }
    const LintOptions lint_options = config->options_for(is_stdin ? options_.stdin_filename : input.path);
    out = detail::check_text(input, display, std::move(*text), options_, lint_options, base_, per_file_threads_);
    return true;
  }

  const CheckOptions& options_;
  const std::vector<Input>& inputs_;
  const detail::PatchBasePtr base_;
  std::vector<Diagnostic> base_findings_;
  StdinText& stdin_;
  Reporter& reporter_;
  const Severity fail_on_;
  std::ostream& err_;
  ConfigSet configs_;
  std::mutex mutex_;
  std::condition_variable progress_;
  std::vector<FileReport> reports_;
  std::vector<char> done_, keep_;
  size_t next_ = 0, written_ = 0, window_ = 4;
  unsigned per_file_threads_ = 1;
  Summary summary_;
  bool input_error_ = false, failing_ = false, config_failed_ = false;
};

}  // namespace

int run_check(const CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Severity fail_on;
  std::string format;
  if (const std::string problem = validate(options, fail_on, format); !problem.empty()) {
    err << "kflint: " << problem << "\n";
    return 2;
  }
  if (options.unsafe_fixes && !options.fix)
    err << "kflint: --unsafe-fixes without --fix changes nothing: every fix, safe and unsafe, is listed with its finding (add --fix to apply them)\n";
  std::vector<Input> inputs;
  std::vector<InputError> missing;
  collect_inputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths, inputs, missing);

  // The report: never over an input (`-o job.yaml job.yaml`), opened before any work is done.
  std::ofstream file;
  if (!options.output.empty()) {
    std::error_code ec;
    for (const Input& input : inputs)
      if (input.path != "-" && std::filesystem::equivalent(options.output, input.path, ec)) {
        err << "kflint: --output " << options.output << " is one of the files to lint; refusing to overwrite it\n";
        return 2;
      }
    file.open(options.output, std::ios::binary);
    if (!file) {
      err << "kflint: cannot write " << options.output << ": " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  std::ostream& report = options.output.empty() ? out : file;
  const std::unique_ptr<Reporter> reporter = make_reporter(format, format_options(options), report);
  if (!reporter) {
    err << "kflint: unknown format `" << format << "` (text, json, sarif, github, junit, gitlab)\n";
    return 2;
  }

  const size_t stdin_uses = static_cast<size_t>(std::count_if(inputs.begin(), inputs.end(), [](const Input& i) { return i.path == "-"; }));
  StdinText stdin_text = stdin_uses ? read_stdin(in, options.max_file_size) : StdinText{};
  stdin_text.uses = stdin_uses;
  detail::PatchBasePtr base;
  if (!options.patch_base.empty()) {
    std::string problem;
    if (std::optional<std::string> text = read_file(options.patch_base, options.max_file_size, problem)) {
      if (auto bad = check_text_encoding(*text)) problem = *bad;
      else if ((base = load_patch_base(std::make_shared<const SourceText>(std::move(*text))))->error.size()) problem = base->error;
    }
    if (!problem.empty()) {
      err << "kflint: --patch-base " << options.patch_base << ": " << problem << "\n";
      return 2;
    }
  }
  LintStage stage(options, inputs, stdin_text, *reporter, fail_on, err, base);
  for (const InputError& m : missing) stage.write(error_report(m.path, m.path, m.message));
  stage.run();
  stage.write_base();
  if (options.verbose)
    for (const std::string& note : stage.config_notes()) err << "kflint: configuration: " << note << "\n";
  reporter->finish(stage.summary());

  // A report that could not be written (a full disk, a closed stdout) is an error, never a
  // silent success.
  report.flush();
  if (file.is_open()) file.close();
  const bool written = options.output.empty() ? static_cast<bool>(out) : !file.fail();
  if (!written) {
    err << "kflint: cannot write " << (options.output.empty() ? "the report to standard output" : options.output) << ": " << std::strerror(errno)
        << "\n";
    return 2;
  }
  return stage.failed_inputs() ? 2 : stage.failing() ? 1 : 0;
}

}  // namespace kflint::cli
