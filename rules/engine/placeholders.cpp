#include "rules/engine/placeholders.h"

#include <algorithm>

#include "rules/engine/registry.h"

namespace kflint {
namespace {

bool overlaps(ByteRange a, ByteRange b) { return a.start < b.end && b.start < a.end; }

bool scalar(const Node& n) { return n.kind != Kind::Map && n.kind != Kind::Seq; }

// Every scalar under `root`, keys included, without revisiting aliased nodes.
template <typename F>
void each_scalar(const ValueTree& v, NodeId root, F&& f) {
  std::vector<NodeId> stack{root};
  std::vector<bool> seen(v.size(), false);
  while (!stack.empty()) {
    const NodeId id = stack.back();
    stack.pop_back();
    if (id == kNoNode || seen[id]) continue;
    seen[id] = true;
    const Node& n = v.at(id);
    if (scalar(n)) f(id);
    for (const MapEntry& e : n.entries) stack.push_back(e.key), stack.push_back(e.value);
    for (NodeId item : n.items) stack.push_back(item);
  }
}

}  // namespace

bool katib_placeholder(std::string_view text) { return text.find("${trialParameters.") != std::string_view::npos; }

std::vector<ByteRange> placeholder_ranges(const Document& doc, const ValueTree& v, const JobView& job, const std::vector<ByteRange>& masked) {
  std::vector<ByteRange> out;
  if (job.embedding == Embedding::None) return out;
  if (job.embedding == Embedding::KatibTrial) {
    // Katib names the trial's job and puts it in the experiment's namespace.
    for (const char* set : {"name", "namespace"})
      if (const NodeId n = v.get(job.metadata, set); n != kNoNode) out.push_back(doc.range(n));
  }
  each_scalar(v, job.root, [&](NodeId id) {
    const Node& n = v.at(id);
    // A Katib trial template may itself be in an Argo manifest: both kinds of placeholder count.
    bool unknown = job.embedding == Embedding::KatibTrial && n.kind == Kind::String && katib_placeholder(n.text);
    if (!unknown && !masked.empty()) {
      // Cheap test first: a masked range starts at or after the scalar's first byte.
      auto it = std::lower_bound(masked.begin(), masked.end(), n.start, [](ByteRange r, uint32_t at) { return r.end <= at; });
      unknown = it != masked.end() && overlaps(doc.range(id), *it);
    }
    if (unknown) out.push_back(doc.range(id));
  });
  return out;
}

bool within_placeholder(ByteRange range, const std::vector<ByteRange>& unknown) {
  return std::any_of(unknown.begin(), unknown.end(), [&](ByteRange u) { return range.start >= u.start && range.end <= u.end; });
}

void drop_findings_on_placeholders(const std::vector<ByteRange>& unknown, std::vector<Diagnostic>& out, size_t first) {
  if (unknown.empty()) return;
  auto on_unknown = [&](const Diagnostic& d) {
    if (const Rule* r = find_rule(d.rule->id); r && r->judges_placeholders) return false;
    return within_placeholder(d.range, unknown);
  };
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), on_unknown), out.end());
}

}  // namespace kflint
