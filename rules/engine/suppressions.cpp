#include "rules/engine/suppressions.h"

#include <algorithm>

#include "core/fix_apply.h"
#include "core/suppression.h"
#include "core/text_util.h"
#include "rules/engine/engine_rules.h"

namespace kflint {

bool rule_listed(const std::vector<std::string>& list, std::string_view id) {
  for (const std::string& item : list)
    if (item == "all" || iequals(item, id)) return true;
  return false;
}

namespace {

struct ActiveSuppression {
  SuppressionComment comment;
  std::vector<std::string> ids;  // resolved; "all" kept as is
  ByteRange scope;
  bool used = false;
};

void expand_item(const std::string& item, std::vector<std::string>& ids, std::string& error) {
  if (item == "all") return ids.push_back("all");
  if (const size_t dash = item.find('-'); dash != std::string::npos && item.size() > 2 && (item[0] == 'K' || item[0] == 'k') &&
                                           find_rule(item) == nullptr) {
    const std::string lo = to_lower(item.substr(0, dash)), hi = to_lower(item.substr(dash + 1));
    bool any = false;
    for (const Rule& r : all_rules()) {
      const std::string id = to_lower(r.info.id);
      if (id >= lo && id <= hi) ids.emplace_back(r.info.id), any = true;
    }
    if (!any) error = "no rules in range `" + item + "`";
    return;
  }
  if (const Rule* r = find_rule(item)) {
    ids.emplace_back(r->info.id);
    return;
  }
  error = "unknown rule `" + item + "`";
}

// The byte range an own-line suppression covers: the next node (its whole entry and subtree).
ByteRange next_node_scope(const Document& doc, uint32_t after_line) {
  const SourceText& s = doc.source();
  const ValueTree& v = doc.values;
  uint32_t line = after_line + 1;
  for (; line < s.line_count() && s.line_start(line) < doc.span().end; ++line) {
    const std::string_view t = trim(s.line_text(line));
    if (!t.empty() && t[0] != '#') break;
  }
  if (line >= s.line_count()) return {doc.span().end, doc.span().end};
  const uint32_t begin = s.line_start(line);
  const uint32_t end_of_line = begin + static_cast<uint32_t>(s.line_text(line).size());
  NodeId best = kNoNode;
  for (NodeId id = 0; id < v.size(); ++id) {
    const Node& n = v.at(id);
    if (n.start < begin || n.start > end_of_line) continue;
    if (best == kNoNode || n.start < v.at(best).start ||
        (n.start == v.at(best).start && (n.kind == Kind::Map || n.kind == Kind::Seq) && v.at(best).kind != Kind::Map && v.at(best).kind != Kind::Seq))
      best = id;
  }
  if (best == kNoNode) return {begin, end_of_line};
  const Node& b = v.at(best);
  uint32_t end = doc.range(best).end;
  if (b.parent != kNoNode && v.at(b.parent).kind == Kind::Map) {
    const MapEntry& e = v.at(b.parent).entries[std::min<size_t>(b.index_in_parent, v.at(b.parent).entries.size() - 1)];
    if (e.key == best) end = std::max(end, doc.entry_range(e.value).end);
  }
  return {begin, std::max(end, end_of_line)};
}

}  // namespace

void apply_suppressions(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& diags) {
  const std::string_view text = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  if (text.find("kflint") == std::string_view::npos) return;
  const SourceText& s = doc.source();
  std::vector<ActiveSuppression> active;
  std::vector<Diagnostic> extra;
  // A document that could not be read was not linted: its suppressions are not "unused".
  const bool unread = doc.syntax_error || doc.limit_error;
  const uint32_t first_content = doc.empty() ? doc.span().end : doc.values.at(doc.values.root).start;
  for (const Comment& c : doc.comments()) {
    const std::string_view body = s.view().substr(c.range.start, c.range.end - c.range.start);
    if (!is_kflint_directive(body)) continue;
    ActiveSuppression a;
    a.comment = parse_suppression(body, c.range, c.own_line);
    std::string error = a.comment.error;
    for (const std::string& item : a.comment.items)
      if (error.empty()) expand_item(item, a.ids, error);
    if (!error.empty()) {
      extra.push_back(engine_diagnostic(engine_rules::invalid_suppression(), c.range, "invalid suppression `" + std::string(trim(body)) + "`: " + error, doc.index()));
      continue;
    }
    const uint32_t line = s.line_of(c.range.start);
    if (!c.own_line) a.scope = {s.line_start(line), c.range.end};
    else if (c.range.start < first_content) a.scope = doc.span();
    else a.scope = next_node_scope(doc, line);
    active.push_back(std::move(a));
  }
  if (active.empty() && extra.empty()) return;
  auto suppressed = [&](const Diagnostic& d) {
    bool hit = false;
    for (ActiveSuppression& a : active) {
      if (d.range.start < a.scope.start || d.range.start > a.scope.end) continue;
      if (!rule_listed(a.ids, d.rule->id)) continue;
      a.used = true;
      hit = true;
    }
    return hit;
  };
  diags.erase(std::remove_if(diags.begin(), diags.end(), suppressed), diags.end());
  for (const ActiveSuppression& a : active)
    if (!a.used && options.report_unused_suppressions && !unread) {
      Diagnostic d = engine_diagnostic(engine_rules::unused_suppression(), a.comment.range,
                                       "unused suppression: no finding of " + [&] {
                                         std::string ids;
                                         for (const std::string& id : a.ids) ids += (ids.empty() ? "" : ", ") + id;
                                         return ids;
                                       }() + " here",
                                       doc.index());
      Fix f{"Remove the unused suppression", Applicability::Safe, {}};
      ByteRange r = a.comment.range;
      if (a.comment.own_line) {
        const uint32_t line = s.line_of(r.start);
        r = whole_lines(s, line, line);
      } else {
        while (r.start > 0 && (s.bytes()[r.start - 1] == ' ' || s.bytes()[r.start - 1] == '\t')) --r.start;
      }
      f.edits.push_back({r, ""});
      d.fixes.push_back(std::move(f));
      extra.push_back(std::move(d));
    }
  diags.insert(diags.end(), extra.begin(), extra.end());
}

}  // namespace kflint
