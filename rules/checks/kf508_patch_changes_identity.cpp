// A PATCH names its object in the URL: a patch body that renames it, moves it to another
// namespace, or changes its kind or version is refused by the API server.
#include "rules/engine/context.h"
#include "rules/engine/merge_patch.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

struct IdentityField {
  NodeId value;
  std::string path;        // `metadata.name`
  std::string base_value;  // in the object patched (--patch-base); "" when unknown
};

void check(RuleContext& ctx, const IdentityField& f) {
  const ValueTree& written = ctx.doc.values;  // with the patch's nulls
  if (f.value == kNoNode) return;
  if (written.at(f.value).kind == Kind::Null) {
    Diagnostic& d = ctx.report_key(f.value, "`" + f.path + ": null` deletes the object's " + f.path +
                                                ": the API server refuses the patch (an object keeps its name, namespace, kind and apiVersion)");
    d.path = f.path;
    return;
  }
  const std::string_view now = written.str(f.value);
  std::string why;
  if (f.path == "apiVersion" && now != "kubeflow.org/v1")
    why = "the object is served as kubeflow.org/v1, and a patch cannot convert it";
  else if (!f.base_value.empty() && now != f.base_value && f.path == "metadata.name")
    why = "the API server refuses it (`the name of the object (" + std::string(now) + ") does not match the name on the URL (" + f.base_value + ")`)";
  else if (!f.base_value.empty() && now != f.base_value)
    why = "the API server refuses it: a patch cannot move an object or change its " + f.path;
  if (why.empty()) return;
  Diagnostic& d = ctx.report(f.value, "the patch changes `" + f.path + "` " + (f.base_value.empty() ? std::string() : "from `" + f.base_value + "` ") +
                                          "to `" + std::string(now) + "`: " + why);
  d.path = f.path;
}

}  // namespace

KFLINT_RULE(kf508_patch_changes_identity, "KF508", "patch-changes-identity", "metadata", Severity::Error,
            "A merge patch changes or deletes the object's kind, apiVersion, name or namespace") {
  if (ctx.options.operation != Operation::Patch) return;
  const ValueTree& written = ctx.doc.values;
  const std::optional<PatchTarget>& base = ctx.options.patch_target;
  const NodeId metadata = written.get(ctx.job.root, "metadata");
  if (NodeId m = written.get(ctx.job.root, "metadata"); m != kNoNode && written.at(m).kind == Kind::Null)
    check(ctx, {m, "metadata", ""});
  check(ctx, {written.get(ctx.job.root, "apiVersion"), "apiVersion", base ? base->api_version : ""});
  check(ctx, {written.get(ctx.job.root, "kind"), "kind", base ? base->kind : ""});
  check(ctx, {written.get(metadata, "name"), "metadata.name", base ? base->name : ""});
  check(ctx, {written.get(metadata, "namespace"), "metadata.namespace", base ? base->namespace_ : ""});
}

KFLINT_RULE_ON_MERGE_PATCHES(kf508_patch_changes_identity)
