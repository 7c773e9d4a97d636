#include "rules/engine/context.h"

#include <algorithm>

#include "core/fix_apply.h"
#include "core/text_util.h"
#include "rules/engine/placeholders.h"

namespace kflint {

RuleContext::RuleContext(const Document& d, const ValueTree& tree, const JobView& j, const LintOptions& o, Target t, Layout l,
                         std::vector<Diagnostic>& out)
    : doc(d), v(tree), job(j), options(o), target(t), layout(l), out_(out) {}

Diagnostic& RuleContext::report_range(ByteRange range, std::string message) {
  Diagnostic d;
  d.rule = &rule_->info;
  d.severity = rule_->info.severity;
  d.range = range;
  d.message = std::move(message);
  d.document = doc.index();
  out_.push_back(std::move(d));
  return out_.back();
}

Diagnostic& RuleContext::report(NodeId node, std::string message) {
  Diagnostic& d = report_range(doc.range(node), std::move(message));
  if (node != kNoNode) d.path = v.path(node);
  return d;
}

Diagnostic& RuleContext::report_key(NodeId value, std::string message) {
  Diagnostic& d = report_range(doc.key_range(value), std::move(message));
  if (value != kNoNode) d.path = v.path(value);
  return d;
}

Fix& RuleContext::add_fix(Diagnostic& d, std::string title, Applicability applicability) {
  d.fixes.push_back(Fix{std::move(title), applicability, {}});
  return d.fixes.back();
}

void RuleContext::related(Diagnostic& d, NodeId node, std::string message) {
  d.related.push_back(RelatedLocation{doc.range(node), std::move(message)});
}

std::string RuleContext::option(std::string_view key, std::string_view fallback) const {
  auto it = options.rules.find(std::string(rule_->info.id));
  if (it != options.rules.end()) {
    auto o = it->second.options.find(std::string(key));
    if (o != it->second.options.end()) return o->second;
  }
  return std::string(fallback);
}

const std::vector<schema::Finding>& RuleContext::schema_findings() {
  if (!schema_done_) {
    schema_findings_ = schema::validate(v, job.root, job.kind_name());
    schema_done_ = true;
  }
  return schema_findings_;
}

// The value's range without the anchor (`&half`) or tag (`!!str`) written before it: a fix
// replaces the value and keeps the anchor, so every alias of it still resolves.
ByteRange RuleContext::value_range(NodeId node) const {
  ByteRange r = doc.range(node);
  const std::string& b = doc.source().bytes();
  while (r.start < r.end && (b[r.start] == '&' || b[r.start] == '!')) {
    uint32_t i = r.start;
    while (i < r.end && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') ++i;
    while (i < r.end && (b[i] == ' ' || b[i] == '\t')) ++i;
    if (i >= r.end || b[i] == '\n' || b[i] == '\r') break;  // a property on its own line: leave the range as is
    r.start = i;
  }
  return r;
}

std::string RuleContext::written(NodeId node) const {
  if (node == kNoNode) return {};
  const ByteRange r = value_range(node);
  std::string_view text = doc.source().view().substr(r.start, r.end - r.start);
  text = text.substr(0, text.find_first_of("\r\n"));
  std::string out(text.substr(0, 60));
  if (text.size() > 60) out += "...";
  return out;
}

bool RuleContext::in_job(NodeId node) const {
  for (size_t guard = 0; node != kNoNode && guard < 100000; ++guard) {
    if (node == job.root) return true;
    node = v.at(node).parent;
  }
  return false;
}

bool RuleContext::placeholder(NodeId node) const {
  if (node == kNoNode || placeholders_.empty()) return false;
  return within_placeholder(doc.range(node), placeholders_);
}

bool RuleContext::block_style(NodeId collection) const {
  if (collection == kNoNode) return false;
  const std::string& bytes = doc.source().bytes();
  const uint32_t at = v.at(collection).start;
  return at < bytes.size() && bytes[at] != '{' && bytes[at] != '[';
}

ByteRange RuleContext::entry_lines(NodeId value) const {
  const ByteRange e = doc.entry_range(value);
  const SourceText& s = doc.source();
  const uint32_t first = s.line_of(e.start);
  const uint32_t last = s.line_of(e.end > e.start ? e.end - 1 : e.start);
  const uint32_t start = s.line_start(first);
  // Only whole lines when the entry is alone on its lines (`- name: x` keeps the dash line).
  std::string_view before = s.view().substr(start, e.start - start);
  if (before.find_first_not_of(" \t") != std::string_view::npos) return e;
  return whole_lines(s, first, last);
}

uint32_t RuleContext::key_column(NodeId value) const {
  const ByteRange k = doc.key_range(value);
  return doc.source().position(k.start).column_bytes;
}

TextEdit RuleContext::append_to_map(NodeId map, std::string_view lines) const {
  const Node& m = v.at(map);
  // The keys' column (the map's own start may be an anchor on the line above, `limits: &l`).
  const uint32_t first = m.entries.empty() ? m.start : v.at(m.entries.front().key).start;
  const uint32_t column = doc.source().position(first).column_bytes;
  uint32_t end = m.start;
  for (const MapEntry& e : m.entries) end = std::max(end, doc.entry_range(e.value).end);
  // A block map: the new lines go after the whole last line, so a comment that ends it stays
  // where it is (`cpu: "1"  # one core`). Line breaks become the file's own in lint_document.
  const SourceText& s = doc.source();
  if (m.start < s.size() && s.bytes()[m.start] != '{' && end > 0) {
    const std::string_view line = s.line_text(s.line_of(end - 1));
    end = std::max(end, static_cast<uint32_t>(line.data() - s.bytes().data() + line.size()));
  }
  std::string indent(column, ' ');
  std::string text;
  for (const std::string& part : split(lines, '\n')) text += "\n" + indent + part;
  return TextEdit{{end, end}, text};
}

TextEdit RuleContext::replace(NodeId node, std::string text) const { return TextEdit{value_range(node), std::move(text)}; }

}  // namespace kflint
