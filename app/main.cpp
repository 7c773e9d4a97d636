// The kflint executable: wires subcommands to the two faces (cli/: check, rules, version; lsp/: lsp),
// which never include each other. The only file that includes CLI11.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/check_command.h"
#include "cli/print_command.h"
#include "cli/rules_command.h"
#include "lsp/run.h"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"kflint: offline linter for Kubeflow TFJob and MXJob manifests"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kflint ") + KFLINT_VERSION);

  kflint::cli::CheckOptions check;
  CLI::App* cmd_check = app.add_subcommand("check", "Lint manifests (files, folders, or - for stdin)");
  cmd_check->add_option("paths", check.paths, "Files or folders (default: .); - reads stdin");
  cmd_check->add_option("-f,--format", check.format, "text, json, sarif, github, junit or gitlab (default: text; github under GitHub Actions)");
  cmd_check->add_option("-o,--output", check.output, "Write the report to a file");
  cmd_check->add_option("--fail-on", check.fail_on, "Exit 1 when a finding is at or above: error, warning, info, hint")->capture_default_str();
  cmd_check->add_option("-t,--target", check.target, "auto, kubeflow, legacy or cci (overrides the config)");
  cmd_check->add_option("--operation", check.operation, "apply, create, replace or patch: what the files are sent with (overrides the config)");
  cmd_check->add_option("--patch-base", check.patch_base, "With --operation patch: the manifest the merge patches apply to");
  cmd_check->add_option("-c,--config", check.config, "Configuration file (default: nearest .kflint.yaml)");
  cmd_check->add_flag("--no-config", check.no_config, "Ignore .kflint.yaml files");
  cmd_check->add_option("--stdin-filename", check.stdin_filename, "Name for stdin in messages and config lookup");
  cmd_check->add_option("--ignore", check.ignore, "Switch a rule off (id or slug); repeat for more")
      ->allow_extra_args(false);
  cmd_check->add_flag("--fix", check.fix, "Apply safe fixes to the files");
  cmd_check->add_flag("--unsafe-fixes", check.unsafe_fixes, "With --fix (or --diff), apply unsafe fixes too; alone, nothing is changed (the output lists every fix, safe and unsafe)");
  cmd_check->add_flag("--diff", check.diff, "With --fix, print the changes as a diff instead of writing");
  cmd_check->add_flag("-v,--verbose", check.verbose, "List skipped documents");
  cmd_check->add_flag("--no-source", check.no_source, "Do not print source excerpts");
  cmd_check->add_option("--color", check.color, "auto, always or never (NO_COLOR is honoured)")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd_check->add_option("--max-file-size", check.max_file_size, "Largest file to read, in bytes")->capture_default_str();
  cmd_check->add_option("-j,--threads", check.threads, "Worker threads (default: one per core)");

  std::string rule_name, rules_format = "text";
  CLI::App* cmd_rules = app.add_subcommand("rules", "List the rules, or show one rule's documentation");
  cmd_rules->add_option("rule", rule_name, "A rule id or slug");
  cmd_rules->add_option("--format", rules_format, "text or json")->check(CLI::IsMember({"text", "json"}));

  std::vector<std::string> print_paths;
  bool print_json = true;
  CLI::App* cmd_print = app.add_subcommand("print", "Print each document as the JSON kubectl sends to the API server");
  cmd_print->add_option("paths", print_paths, "Files; - reads stdin (default: -)");
  cmd_print->add_flag("--json", print_json, "JSON, one line per object (the only format)");

  CLI::App* cmd_version = app.add_subcommand("version", "Print the version and the embedded schema versions");
  CLI::App* cmd_lsp = app.add_subcommand("lsp", "Run the language server over stdin/stdout (LSP 3.17)");
  bool stdio = true;
  cmd_lsp->add_flag("--stdio", stdio, "Accepted for clients that pass it; stdio is the only transport");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (cmd_check->parsed()) {
    if (check.diff && !check.fix) check.fix = true;
    return kflint::cli::run_check(check, std::cin, std::cout, std::cerr);
  }
  if (cmd_print->parsed()) return kflint::cli::run_print(print_paths, std::cin, std::cout, std::cerr);
  if (cmd_rules->parsed()) return kflint::cli::run_rules(rule_name, rules_format, std::cout, std::cerr);
  if (cmd_version->parsed()) return kflint::cli::run_version(std::cout);
  if (cmd_lsp->parsed()) return kflint::lsp::run_stdio_server();
  return 2;
}

}  // namespace

// No exception leaves main: whatever escapes the per-file guards is an error (exit 2) with a
// message, never an abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "kflint: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "kflint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "kflint: internal error\n";
  }
  return 2;
}
