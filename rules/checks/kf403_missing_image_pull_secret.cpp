// Images from a private registry (a host with a dot or port, or localhost) need imagePullSecrets.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/image_ref.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {
bool public_registry(const std::string& domain, const std::string& extra) {
  static const char* kPublic[] = {"docker.io", "index.docker.io", "registry-1.docker.io", "gcr.io", "ghcr.io", "quay.io", "registry.k8s.io",
                                  "k8s.gcr.io", "nvcr.io", "public.ecr.aws", "mcr.microsoft.com", "registry.gitlab.com"};
  for (const char* p : kPublic)
    if (domain == p) return true;
  if (domain.size() > 7 && domain.compare(domain.size() - 7, 7, ".gcr.io") == 0) return true;
  for (const std::string& e : split(extra, ','))
    if (!trim(e).empty() && domain == trim(e)) return true;
  return false;
}
}  // namespace

KFLINT_RULE(kf403_missing_image_pull_secret, "KF403", "missing-image-pull-secret", "images", Severity::Warning,
            "A pod pulls from a private registry but has no imagePullSecrets (an error under target cci)") {
  const bool cci = ctx.target == Target::Cci;
  const std::string secret = ctx.option("secret", cci ? "imagepull-secret" : "regcred");
  const std::string extra_public = ctx.option("public-registries", "");
  for (const ReplicaView& r : ctx.job.replicas) {
    if (!ctx.v.is_map(r.pod_spec)) continue;
    const NodeId secrets = ctx.v.get(r.pod_spec, "imagePullSecrets");
    if (ctx.v.is_seq(secrets) && !ctx.v.at(secrets).items.empty()) continue;
    for (const auto* list : {&r.init_containers, &r.containers}) {
      bool reported = false;
      for (const ContainerView& c : *list) {
        if (!ctx.v.is_string(c.image)) continue;
        const ImageRef ref = parse_image_ref(ctx.v.str(c.image));
        if (!ref.valid || ref.domain.empty() || public_registry(ref.domain, extra_public)) continue;
        Diagnostic& d = ctx.report(c.image, "image `" + std::string(ctx.v.str(c.image)) + "` comes from the private registry `" + ref.domain +
                                                "`, but the pod of `" + r.type + "` has no imagePullSecrets: pulls fail with ErrImagePull");
        if (cci) d.severity = Severity::Error;
        if (ctx.block_style(r.pod_spec)) {
          Fix& f = ctx.add_fix(d, "Add imagePullSecrets: [{name: " + secret + "}]", Applicability::Unsafe);
          if (secrets != kNoNode) f.edits.push_back(TextEdit{ctx.entry_lines(secrets), ""});  // an empty list
          f.edits.push_back(ctx.append_to_map(r.pod_spec, "imagePullSecrets:\n  - name: " + secret));
        }
        reported = true;
        break;  // one finding per pod is enough
      }
      if (reported) break;
    }
  }
}

KFLINT_RULE_OPTIONS(kf403_missing_image_pull_secret,
                    {"secret", OptionType::String, "regcred (imagepull-secret under target cci)",
                     "the pull secret the fix adds to imagePullSecrets"},
                    {"public-registries", OptionType::StringList, "(none)",
                     "registry hosts that need no pull secret, besides docker.io, gcr.io, ghcr.io, quay.io and the like"})
