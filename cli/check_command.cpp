#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "cli/files.h"
#include "cli/formatters/formatters.h"
#include "core/fix_apply.h"
#include "rules/engine/options.h"
#include "rules/engine/registry.h"

namespace kflint::cli {
namespace {

Diagnostic input_error(std::string message) {
  Diagnostic d;
  d.rule = &find_rule("KF000")->info;
  d.severity = Severity::Error;
  d.message = std::move(message);
  return d;
}

FileReport error_report(const std::string& path, const std::string& display, std::string message) {
  FileReport r;
  r.path = path;
  r.display = display;
  r.source = std::make_shared<SourceText>(std::string());
  r.diagnostics.push_back(input_error(std::move(message)));
  r.input_error = true;
  return r;
}

// Config lookup and resolution, cached per config file (many files share one).
class ConfigCache {
 public:
  explicit ConfigCache(const CheckOptions& o) : options_(o) {}

  // nullptr + error when the configuration is invalid.
  const ResolvedConfig* for_file(const std::string& file, std::string& error) {
    std::string path;
    std::vector<std::string> notes;
    if (!options_.config.empty()) path = options_.config;
    else if (!options_.no_config) path = find_config(std::filesystem::path(file == "-" ? "./x" : file).parent_path().string(), &notes);
    std::lock_guard<std::mutex> lock(mutex_);
    notes_.insert(notes.begin(), notes.end());
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      Entry e;
      std::variant<Config, ConfigError> parsed = path.empty() ? std::variant<Config, ConfigError>(Config{}) : load_config(path);
      if (auto* ce = std::get_if<ConfigError>(&parsed)) {
        e.error = "configuration error: " + ce->to_string();
      } else {
        auto resolved = resolve_config(std::get<Config>(parsed));
        if (auto* re = std::get_if<ConfigError>(&resolved)) e.error = "configuration error: " + re->to_string();
        else e.config = std::get<ResolvedConfig>(resolved);
      }
      if (e.error.empty()) apply_command_line(e.config);
      it = cache_.emplace(path, std::move(e)).first;
    }
    error = it->second.error;
    return error.empty() ? &it->second.config : nullptr;
  }

  // Why a configuration file was passed over (for -v).
  const std::set<std::string>& notes() const { return notes_; }

 private:
  void apply_command_line(ResolvedConfig& c) {
    if (options_.target) parse_target(*options_.target, c.options.target);
    for (const std::string& name : options_.ignore)
      if (const Rule* r = find_rule(name)) c.options.rules[std::string(r->info.id)].enabled = false;
  }
  struct Entry {
    ResolvedConfig config;
    std::string error;
  };
  const CheckOptions& options_;
  std::mutex mutex_;
  std::map<std::string, Entry> cache_;
  std::set<std::string> notes_;
};

// Applies the chosen fixes (core/fix_apply.h: whole fixes, each guarded), re-lints, and repeats
// until nothing changes.
FileReport fix_loop(const std::string& display, std::string text, const LintOptions& options, bool unsafe, size_t& applied) {
  FileReport report = lint_text(display, text, options);
  std::vector<std::string> refused;
  for (int round = 0; round < 8 && !report.input_error; ++round) {
    FixSelection chosen = select_fixes(text, report.diagnostics, unsafe);
    if (round == 0) refused = std::move(chosen.refused);
    if (chosen.edits.empty()) break;
    std::string next = apply_edits(text, chosen.edits);
    if (next == text) break;
    applied += chosen.fixes;
    text = std::move(next);
    report = lint_text(display, text, options);
  }
  report.fixes_refused = std::move(refused);
  return report;
}

}  // namespace

FileReport lint_text(const std::string& display, std::string text, const LintOptions& options, unsigned threads) {
  FileReport r;
  r.display = display;
  if (auto bad = check_text_encoding(text)) {
    r.source = std::make_shared<SourceText>(std::string());
    r.diagnostics.push_back(input_error(*bad));
    r.input_error = true;
    return r;
  }
  auto source = std::make_shared<SourceText>(std::move(text));
  const std::vector<ByteRange> spans = split_documents(*source);
  const ParseLimits limits;
  std::vector<LintResult> results(std::min<size_t>(spans.size(), limits.max_documents + 1));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < results.size(); i = next++) {
      if (i == limits.max_documents) {  // the stream is over the limit: one finding, then stop
        Document over(*source, spans[i], static_cast<uint32_t>(i));
        over.limit_error = Document::Problem{spans[i].start, "more than " + std::to_string(limits.max_documents) + " documents in one stream"};
        results[i] = lint_document(over, options);
        continue;
      }
      const Document doc = parse_document(*source, spans[i], static_cast<uint32_t>(i), limits);
      results[i] = lint_document(doc, options);
    }
  };
  const unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), std::max<size_t>(1, results.size() / 4)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  r.source = source;
  for (LintResult& one : results) {
    r.diagnostics.insert(r.diagnostics.end(), std::make_move_iterator(one.diagnostics.begin()), std::make_move_iterator(one.diagnostics.end()));
    r.skipped.insert(r.skipped.end(), one.skipped.begin(), one.skipped.end());
    r.jobs += one.jobs;
  }
  return r;
}

int run_check(const CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Severity fail_on;
  if (!parse_severity(options.fail_on, fail_on)) {
    err << "kflint: --fail-on must be error, warning, info or hint\n";
    return 2;
  }
  if (options.target) {
    Target t;
    if (!parse_target(*options.target, t)) {
      err << "kflint: --target must be auto, kubeflow, legacy or cci\n";
      return 2;
    }
  }
  for (const std::string& name : options.ignore)
    if (!find_rule(name)) {
      err << "kflint: --ignore: unknown rule `" << name << "`\n";
      return 2;
    }
  std::string format = options.format;
  if (format.empty()) {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = gha && std::string(gha) == "true" ? "github" : "text";
  }
  static const std::map<std::string, void (*)(const std::vector<FileReport>&, const FormatOptions&, std::ostream&)> kFormats = {
      {"text", format_text}, {"json", format_json}, {"sarif", format_sarif}, {"github", format_github}, {"junit", format_junit}, {"gitlab", format_gitlab}};
  auto formatter = kFormats.find(format);
  if (formatter == kFormats.end()) {
    err << "kflint: unknown format `" << format << "` (text, json, sarif, github, junit, gitlab)\n";
    return 2;
  }

  std::vector<Input> inputs;
  std::vector<InputError> missing;
  collect_inputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths, inputs, missing);
  ConfigCache configs(options);
  bool config_failed = false;

  // The report must not overwrite an input (`-o job.yaml job.yaml`).
  if (!options.output.empty()) {
    std::error_code ec;
    for (const Input& input : inputs)
      if (input.path != "-" && std::filesystem::equivalent(options.output, input.path, ec)) {
        err << "kflint: --output " << options.output << " is one of the files to lint; refusing to overwrite it\n";
        return 2;
      }
  }

  // Read stdin up front (single reader), with the same size limit as files; files are read by
  // the workers.
  std::string stdin_text;
  std::string stdin_error;
  const bool has_stdin = std::any_of(inputs.begin(), inputs.end(), [](const Input& i) { return i.path == "-"; });
  if (has_stdin) {
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      stdin_text.append(buf, static_cast<size_t>(in.gcount()));
      if (stdin_text.size() > options.max_file_size) {
        stdin_text.clear();
        stdin_text.shrink_to_fit();
        stdin_error = "input is larger than the limit of " + std::to_string(options.max_file_size) + " bytes (--max-file-size)";
        break;
      }
    }
  }

  std::vector<FileReport> reports(inputs.size());
  std::vector<bool> keep(inputs.size(), true);
  std::atomic<size_t> next{0};
  std::mutex err_mutex;
  const unsigned cores = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Fewer files than cores: the spare cores split the documents of each file.
  const unsigned per_file_threads = std::max<unsigned>(1, cores / static_cast<unsigned>(std::max<size_t>(1, inputs.size())));
  auto lint_one = [&](size_t i) {
    const Input& input = inputs[i];
    const bool is_stdin = input.path == "-";
    const std::string display = is_stdin ? (options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename) : input.path;
    std::string config_error;
    const ResolvedConfig* config = configs.for_file(is_stdin && !options.stdin_filename.empty() ? options.stdin_filename : input.path, config_error);
    if (!config) {
      std::lock_guard<std::mutex> lock(err_mutex);
      if (!config_failed) err << "kflint: " << config_error << "\n";
      config_failed = true;
      keep[i] = false;
      return;
    }
    if (input.from_walk && config->excluded(input.path)) {
      keep[i] = false;
      return;
    }
    std::string error = is_stdin ? stdin_error : "";
    std::optional<std::string> text;
    if (is_stdin) {
      if (error.empty()) text = stdin_text;
    } else {
      text = read_file(input.path, options.max_file_size, error);
    }
    if (!text) {
      reports[i] = error_report(input.path, display, error);
      return;
    }
    if (text->size() > options.max_file_size) {
      reports[i] = error_report(input.path, display, "input is larger than the limit of " + std::to_string(options.max_file_size) + " bytes (--max-file-size)");
      return;
    }
    const LintOptions lint_options = config->options_for(is_stdin ? options.stdin_filename : input.path);
    if (!options.fix) {
      reports[i] = lint_text(display, std::move(*text), lint_options, per_file_threads);
      reports[i].path = input.path;
      return;
    }
    size_t applied = 0;
    const std::string original = *text;
    FileReport r = fix_loop(display, *text, lint_options, options.unsafe_fixes, applied);
    r.path = input.path;
    const std::string& fixed = r.source->bytes();
    if (applied > 0 && fixed != original) {
      if (options.diff || is_stdin) {
        r.diff = unified_diff(display, original, fixed);
      } else {
        // Refuse to overwrite a file that changed since it was read.
        std::string reread_error;
        const std::optional<std::string> now = read_file(input.path, options.max_file_size + (1u << 20), reread_error);
        std::string write_error = !now || *now != original ? "the file changed while kflint was fixing it; nothing was written"
                                                           : write_file_atomically(input.path, fixed);
        if (!write_error.empty()) {
          FileReport failed = lint_text(display, original, lint_options);
          failed.path = input.path;
          failed.diagnostics.push_back(input_error("fixes not written: " + write_error));
          failed.input_error = true;
          r = std::move(failed);
          applied = 0;
        }
      }
    }
    r.fixes_applied = applied;
    reports[i] = std::move(r);
  };
  // Running out of memory (or any other failure) in one file is that file's error; the others
  // are still linted, and no exception leaves a worker thread.
  auto work = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) {
      try {
        lint_one(i);
      } catch (const std::bad_alloc&) {
        reports[i] = error_report(inputs[i].path, inputs[i].path, "out of memory while linting this file; nothing of it was checked");
      } catch (const std::exception& e) {
        reports[i] = error_report(inputs[i].path, inputs[i].path, std::string("internal error while linting this file: ") + e.what());
      }
    }
  };
  const unsigned n = static_cast<unsigned>(std::min<size_t>(cores, std::max<size_t>(1, inputs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::vector<FileReport> shown;
  for (const InputError& m : missing) shown.push_back(error_report(m.path, m.path, m.message));
  for (size_t i = 0; i < reports.size(); ++i)
    if (keep[i]) shown.push_back(std::move(reports[i]));

  if (options.verbose)
    for (const std::string& note : configs.notes()) err << "kflint: configuration: " << note << "\n";
  FormatOptions fo;
  fo.verbose = options.verbose;
  fo.show_source = !options.no_source;
  fo.version = KFLINT_VERSION;
  const char* no_color = std::getenv("NO_COLOR");
  const bool to_terminal = options.output.empty() && ::isatty(STDOUT_FILENO);
  fo.color = options.color == "always" || (options.color == "auto" && to_terminal && !(no_color && *no_color));
  // A report that could not be written (a full disk, a closed stdout) is an error, never a
  // silent success.
  if (options.output.empty()) {
    formatter->second(shown, fo, out);
    out.flush();
    if (!out) {
      err << "kflint: cannot write the report to standard output\n";
      return 2;
    }
  } else {
    std::ofstream file(options.output, std::ios::binary);
    if (!file) {
      err << "kflint: cannot write " << options.output << ": " << std::strerror(errno) << "\n";
      return 2;
    }
    formatter->second(shown, fo, file);
    file.close();
    if (file.fail()) {
      err << "kflint: cannot write " << options.output << ": " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  bool io_error = config_failed;
  bool failing = false;
  for (const FileReport& r : shown) {
    io_error = io_error || r.input_error;
    for (const Diagnostic& d : r.diagnostics) failing = failing || d.severity >= fail_on;
  }
  return io_error ? 2 : failing ? 1 : 0;
}

}  // namespace kflint::cli
