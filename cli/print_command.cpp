#include "cli/print_command.h"

#include <iostream>
#include <iterator>

#include "cli/files.h"
#include "core/value_json.h"
#include "rules/engine/pipeline.h"

namespace kflint::cli {
namespace {

std::string where(const std::string& name, const SourceText& source, uint32_t offset) {
  const Position p = source.position(offset);
  return name + ":" + std::to_string(p.line + 1) + ":" + std::to_string(p.column_chars + 1);
}

// Prints one file's documents; false when kubectl would refuse the file.
bool print_file(const std::string& name, std::string text, std::ostream& out, std::ostream& err) {
  AnalyzeOptions settings;
  settings.keep_documents = true;
  const FileResult result = analyze(std::move(text), LintOptions{}, settings);
  if (result.input_error) {
    err << name << ": error: " << result.diagnostics.front().message << "\n";
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < result.documents.size(); ++i) {
    const std::shared_ptr<const Document> doc = result.tree(i, false);
    const Document::Problem* problem = doc->syntax_error ? &*doc->syntax_error : doc->limit_error ? &*doc->limit_error : nullptr;
    if (problem) {
      err << where(name, *result.source, problem->offset) << ": error: document " << i + 1 << ": " << problem->message << "\n";
      ok = false;
      continue;
    }
    for (const DuplicateKey& d : doc->duplicates)
      err << where(name, *result.source, doc->values.at(d.second_key).start) << ": warning: duplicate key `" << doc->values.at(d.second_key).text
          << "`: kubectl keeps this value and drops the earlier one\n";
    if (doc->empty() || doc->values.at(doc->values.root).kind == Kind::Null) continue;
    if (const Kind kind = doc->values.at(doc->values.root).kind; kind != Kind::Map) {  // kubectl decodes an object
      err << where(name, *result.source, doc->values.at(doc->values.root).start) << ": error: document " << i + 1 << ": json: cannot unmarshal "
          << (kind == Kind::Seq ? "array" : kind == Kind::String ? "string" : kind == Kind::Bool ? "bool" : "number")
          << " into Go value of type map[string]interface {} (kubectl needs an object)\n";
      ok = false;
      continue;
    }
    out << to_kubectl_json(doc->values, doc->values.root) << "\n";
  }
  return ok;
}

}  // namespace

int run_print(const std::vector<std::string>& paths, std::istream& in, std::ostream& out, std::ostream& err) {
  bool ok = true;
  for (const std::string& path : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    std::string error;
    std::optional<std::string> text;
    if (path == "-") text = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    else text = read_file(path, 1ull << 30, error);
    if (!text) {
      err << path << ": error: " << error << "\n";
      ok = false;
      continue;
    }
    ok = print_file(path == "-" ? "<stdin>" : path, std::move(*text), out, err) && ok;
  }
  return ok ? 0 : 2;
}

}  // namespace kflint::cli
