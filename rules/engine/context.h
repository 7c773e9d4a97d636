#pragma once
// What a check sees: the document, the typed job view, the effective target and layout, and
// report()/fix helpers that attach exact ranges.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "rules/engine/job_view.h"
#include "rules/engine/lint.h"
#include "rules/engine/registry.h"
#include "schema/schema.h"

namespace kflint {

class RuleContext {
 public:
  // `tree` is the document's values, or (for a merge patch) a copy without the entries the patch deletes.
  RuleContext(const Document& doc, const ValueTree& tree, const JobView& job, const LintOptions& options, Target target, Layout layout,
              std::vector<Diagnostic>& out);

  const Document& doc;
  const ValueTree& v;
  const JobView& job;
  const LintOptions& options;
  const Target target;  // as configured (Auto included); `layout` says where run policy lives
  const Layout layout;

  void set_rule(const Rule* rule) { rule_ = rule; }
  const Rule& rule() const { return *rule_; }

  Diagnostic& report(NodeId node, std::string message);        // the value's range
  Diagnostic& report_key(NodeId value, std::string message);   // the key of a map value
  Diagnostic& report_range(ByteRange range, std::string message);
  Fix& add_fix(Diagnostic& d, std::string title, Applicability applicability);
  void related(Diagnostic& d, NodeId node, std::string message);

  // A per-rule option from the configuration (`rules: {KF406: {secret: name}}`).
  std::string option(std::string_view key, std::string_view fallback) const;
  const std::vector<schema::Finding>& schema_findings();

  std::string path(NodeId node) const { return v.path(node); }
  // The node's source text as written (first line, at most 60 bytes) for messages.
  std::string written(NodeId node) const;
  // True when `node` belongs to this job (List documents hold several jobs).
  bool in_job(NodeId node) const;
  // True when `node`'s value is filled in later by Katib or Argo (rules/engine/placeholders.h).
  bool placeholder(NodeId node) const;
  void set_placeholders(std::vector<ByteRange> ranges) { placeholders_ = std::move(ranges); }

  // --- text edits for fixes (block-style YAML; flow style/JSON gets no structural fixes) ---
  bool block_style(NodeId collection) const;
  // Whole lines of a map entry (key line through the value's last line, with the line break).
  ByteRange entry_lines(NodeId value) const;
  // Column of the key of the entry holding `value`.
  uint32_t key_column(NodeId value) const;
  // An edit inserting `key: value` lines (already indented text without trailing newline) at
  // the end of the block map `map`; the text is indented to the map's key column.
  TextEdit append_to_map(NodeId map, std::string_view lines) const;
  // Replaces the value's text; an anchor or tag before it stays.
  TextEdit replace(NodeId node, std::string text) const;
  ByteRange value_range(NodeId node) const;

 private:
  std::vector<Diagnostic>& out_;
  const Rule* rule_ = nullptr;
  std::vector<schema::Finding> schema_findings_;
  bool schema_done_ = false;
  std::vector<ByteRange> placeholders_;
};

}  // namespace kflint
