// Floors for the CLI benchmark: what the parsers alone cost on the same bytes, one thread.
//   kflint_floors yaml-cpp|yaml-cpp-load|tree-sitter|fast-reader|read-values FILE...
// yaml-cpp:      YAML::Parser with an event handler that does nothing, per document
// yaml-cpp-load: YAML::LoadAll per file (the DOM most yaml-cpp users build)
// tree-sitter:   the tree-sitter-yaml grammar, per document (it cannot take a whole long stream)
// fast-reader:   kflint's block-YAML reader building value trees (what kflint reads with first)
// read-values:   kflint's whole reading step (fast reader, yaml-cpp for the rest), no rules
// Prints "<mode> <bytes> <seconds> <MB/s>".
#include <tree_sitter/api.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/document.h"
#include "core/tree_builder.h"

extern "C" const TSLanguage* tree_sitter_yaml(void);

namespace {

struct Nothing : YAML::EventHandler {
  size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++events; }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++events; }
  void OnMapEnd() override {}
};

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: kflint_floors yaml-cpp|yaml-cpp-load|tree-sitter|fast-reader|read-values FILE...\n";
    return 2;
  }
  const std::string mode = argv[1];
  size_t bytes = 0, units = 0;
  const auto start = std::chrono::steady_clock::now();
  TSParser* ts = ts_parser_new();
  ts_parser_set_language(ts, tree_sitter_yaml());
  for (int i = 2; i < argc; ++i) {
    const kflint::SourceText source(read(argv[i]));
    bytes += source.size();
    if (mode == "yaml-cpp-load") {
      units += YAML::LoadAll(source.bytes()).size();
      continue;
    }
    if (mode == "read-values") {
      units += kflint::parse_documents(source).size();
      continue;
    }
    for (const kflint::ByteRange& chunk : kflint::split_documents(source)) {
      const std::string_view text = source.view().substr(chunk.start, chunk.end - chunk.start);
      if (mode == "yaml-cpp") {
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        Nothing handler;
        parser.HandleNextDocument(handler);
        units += handler.events;
      } else if (mode == "tree-sitter") {
        TSTree* tree = ts_parser_parse_string(ts, nullptr, text.data(), static_cast<uint32_t>(text.size()));
        units += ts_node_child_count(ts_tree_root_node(tree));
        ts_tree_delete(tree);
      } else if (mode == "fast-reader") {
        kflint::Document doc(source, chunk, 0);
        kflint::TreeBuilder builder(doc, kflint::ParseLimits{});
        units += kflint::read_block_yaml(text, chunk.start, builder) ? doc.values.size() : 0;
      } else {
        std::cerr << "unknown mode " << mode << "\n";
        return 2;
      }
    }
  }
  ts_parser_delete(ts);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %zu %.3f %.1f (%zu units)\n", mode.c_str(), bytes, secs, bytes / 1e6 / secs, units);
  return 0;
}
