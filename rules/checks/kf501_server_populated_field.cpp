// S11: fields the server owns, pasted back from `kubectl get -o yaml`: dropped or overwritten.
#include <algorithm>

#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

struct ServerField {
  NodeId value;
  std::string name;  // `status`, `metadata.uid`
};

// The server-owned fields this job sets. `creationTimestamp: null` and `status: {}` are what
// `kubectl create --dry-run -o yaml` and code generators emit: harmless, not pasted server state.
std::vector<ServerField> server_fields(const RuleContext& ctx) {
  std::vector<ServerField> out;
  auto add = [&](NodeId value, std::string name) {
    const Node& n = ctx.v.at(value);
    if (n.kind == Kind::Null || (n.kind == Kind::Map && n.entries.empty())) return;
    out.push_back({value, std::move(name)});
  };
  for (const char* field : {"uid", "creationTimestamp", "generation", "selfLink", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds"})
    if (NodeId n = ctx.v.get(ctx.job.metadata, field); n != kNoNode) add(n, "metadata." + std::string(field));
  if (NodeId status = ctx.v.get(ctx.job.root, "status"); status != kNoNode) add(status, "status");
  std::sort(out.begin(), out.end(), [&](const ServerField& a, const ServerField& b) { return ctx.v.at(a.value).start < ctx.v.at(b.value).start; });
  return out;
}

// A whole `kubectl get` result (or a GET response body): the object's identity and its state.
bool looks_like_response(const RuleContext& ctx, const std::vector<ServerField>& fields) {
  bool identity = ctx.v.get(ctx.job.metadata, "resourceVersion") != kNoNode, state = false;
  for (const ServerField& f : fields) {
    identity = identity || f.name == "metadata.uid";
    state = state || f.name == "status" || f.name == "metadata.creationTimestamp";
  }
  return identity && state && fields.size() >= 2;
}

void remove_fix(RuleContext& ctx, Diagnostic& d, const std::vector<ServerField>& fields, const std::string& title) {
  Fix fix{title, Applicability::Safe, {}};
  for (const ServerField& f : fields) {
    if (ctx.v.key_of(f.value) == kNoNode || !ctx.block_style(ctx.v.at(f.value).parent)) return;  // JSON or flow: no structural edit
    fix.edits.push_back(TextEdit{ctx.entry_lines(f.value), ""});
  }
  d.fixes.push_back(std::move(fix));
}

}  // namespace

KFLINT_RULE(kf501_server_populated_field, "KF501", "server-populated-field", "metadata", Severity::Warning,
            "A server-populated field (status, uid, creationTimestamp, ...) is in the manifest") {
  // A PUT body is a changed `kubectl get` result: the server keeps its own values of these.
  if (ctx.options.operation == Operation::Replace) return;
  const std::vector<ServerField> fields = server_fields(ctx);
  if (fields.empty()) return;
  if (ctx.option("each-field", "false") != "true" && looks_like_response(ctx, fields)) {
    std::string names;
    for (size_t i = 0; i < fields.size() && i < 4; ++i) names += (i ? ", `" : "`") + fields[i].name + "`";
    if (fields.size() > 4) names += ", ...";
    Diagnostic& d = ctx.report_key(fields.front().value,
                                   "this looks like a server response (" + names + "): the API server drops or overwrites these " +
                                       std::to_string(fields.size()) + " fields on " + operation_name(ctx.options.operation) +
                                       "; remove them, or use `--operation replace` to lint it as a PUT body (rule option `each-field: true` lists each field)");
    d.once_per_file = true;
    remove_fix(ctx, d, fields, "Remove the " + std::to_string(fields.size()) + " server-populated fields");
    return;
  }
  for (const ServerField& f : fields) {
    const std::string message = f.name == "status"
                                    ? "`status` is set by the operator: the API server drops it on " + std::string(operation_name(ctx.options.operation)) +
                                          " (it looks pasted from `kubectl get`)"
                                    : "`" + f.name + "` is set by the API server and overwritten; remove it (it looks pasted from `kubectl get`)";
    Diagnostic& d = ctx.report_key(f.value, message);
    remove_fix(ctx, d, {f}, "Remove `" + ctx.v.at(ctx.v.key_of(f.value)).text + "`");
  }
}

KFLINT_RULE_OPTIONS(kf501_server_populated_field,
                    {"each-field", kflint::OptionType::Bool, "false",
                     "report each server-populated field of a whole server response instead of one finding per file"})

KFLINT_RULE_ON_MERGE_PATCHES(kf501_server_populated_field)
