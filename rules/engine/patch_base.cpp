#include "rules/engine/patch_base.h"

#include <algorithm>

#include "rules/engine/jobs_in.h"
#include "rules/engine/merge_patch.h"

namespace kflint {

std::shared_ptr<const PatchBase> load_patch_base(std::shared_ptr<const SourceText> source) {
  auto base = std::make_shared<PatchBase>();
  base->source = std::move(source);
  base->documents = parse_documents(*base->source);
  size_t jobs = 0;
  for (size_t i = 0; i < base->documents.size(); ++i) {
    const Document& doc = base->documents[i];
    if (doc.syntax_error || doc.limit_error) {
      const Position at = base->source->position(doc.syntax_error ? doc.syntax_error->offset : doc.limit_error->offset);
      base->error = "line " + std::to_string(at.line + 1) + ": " + (doc.syntax_error ? doc.syntax_error->message : doc.limit_error->message);
      return base;
    }
    const JobsIn found = jobs_in(doc);
    if (found.jobs.empty()) continue;
    jobs += found.jobs.size();
    base->document = i;
    base->root = found.jobs.front().root;
  }
  if (jobs != 1) {
    base->error = jobs == 0 ? "it holds no TFJob or MXJob" : "it holds " + std::to_string(jobs) + " jobs; a patch applies to one";
    return base;
  }
  const ValueTree& v = base->documents[base->document].values;
  const NodeId metadata = v.get(base->root, "metadata");
  base->target = {std::string(v.str(v.get(base->root, "apiVersion"))), std::string(v.str(v.get(base->root, "kind"))),
                  std::string(v.str(v.get(metadata, "name"))), std::string(v.str(v.get(metadata, "namespace")))};
  return base;
}

namespace {

// A range in the merged text, as a range in the document the value came from.
ByteRange origin_range(const Document& doc, const MergedOrigin& o, ByteRange merged, bool in_key) {
  if (in_key) return doc.key_range(o.node);
  const ByteRange whole = doc.range(o.node);
  if (merged.start == merged.end) return {whole.start, whole.start};  // an insertion point: where the value starts
  return whole;
}

struct Mapped {
  bool found = false;
  bool from_patch = false;
  ByteRange range;
};

Mapped map_range(const MergedJob& merged, const Document& patch, const Document& base, ByteRange r) {
  bool in_key = false;
  const MergedOrigin* o = merged.origin_at(r.start, in_key);
  if (!o) return {};
  const Document& doc = o->from_patch ? patch : base;
  return {true, o->from_patch, origin_range(doc, *o, r, in_key)};
}

bool same_finding(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.range.start == b.range.start && a.range.end == b.range.end;
}

}  // namespace

PatchedLint lint_patch_with_base(const Document& patch, const PatchBase& base, const LintOptions& options) {
  PatchedLint out;
  LintOptions own = options;
  own.patch_target = base.target;
  out.patch = lint_document(patch, own);
  const Document& base_doc = base.documents[base.document];
  LintOptions stored = options;
  stored.operation = Operation::Replace;  // the stored object: server-owned fields and versions are the server's
  stored.merged_patch = true;
  stored.patch_target.reset();
  // A patch that cannot be applied (unreadable, not an object, or for another kind; its own
  // findings say why) is applied as the empty patch: the base is still linted as the object it
  // is, the same way, so a broken patch never hides the base's own findings.
  static const SourceText empty_text("{}");
  static const Document empty_patch = parse_document(empty_text, {0, 2}, 0);
  const JobsIn found = jobs_in(patch, Operation::Patch);
  const bool applicable = !found.jobs.empty() && !patch.syntax_error && !patch.limit_error;
  const Document& applied = applicable ? patch : empty_patch;
  const NodeId applied_root = applicable ? found.jobs.front().root : empty_patch.values.root;
  const MergedJob merged = merge_patch_json(base_doc.values, base.root, applied.values, applied_root);
  const SourceText merged_text(merged.text);
  const Document result = parse_document(merged_text, {0, static_cast<uint32_t>(merged.text.size())}, 0);
  for (Diagnostic& d : lint_document(result, stored).diagnostics) {
    const Mapped at = map_range(merged, applied, base_doc, d.range);
    if (!at.found || (at.from_patch && !applicable)) continue;
    d.range = at.range;
    d.fixes.clear();  // edits of the merged text: not offered in either file
    std::vector<RelatedLocation> related;
    for (const RelatedLocation& rel : d.related)
      if (const Mapped m = map_range(merged, applied, base_doc, rel.range); m.found && m.from_patch == at.from_patch)
        related.push_back({m.range, rel.message});
    d.related = std::move(related);
    std::vector<Diagnostic>& into = at.from_patch ? out.patch.diagnostics : out.in_base;
    d.document = at.from_patch ? patch.index() : base_doc.index();
    if (std::none_of(into.begin(), into.end(), [&](const Diagnostic& e) { return same_finding(e, d); })) into.push_back(std::move(d));
  }
  for (auto* list : {&out.patch.diagnostics, &out.in_base})
    std::stable_sort(list->begin(), list->end(), [](const Diagnostic& a, const Diagnostic& b) { return a.range.start < b.range.start; });
  return out;
}

}  // namespace kflint
