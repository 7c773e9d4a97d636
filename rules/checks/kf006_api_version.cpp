// apiVersion and kind: only kubeflow.org/v1 TFJob and MXJob are served by current operators.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf006_api_version, "KF006", "api-version", "input", Severity::Error,
            "apiVersion is not kubeflow.org/v1, or kind is not spelled TFJob/MXJob") {
  const JobView& job = ctx.job;
  const std::string_view kind = ctx.v.str(job.kind_node);
  if (kind != job.kind_name()) {
    Diagnostic& d = ctx.report(job.kind_node, "kind `" + std::string(kind) + "` must be written `" + std::string(job.kind_name()) +
                                                  "` (kinds are case-sensitive)");
    ctx.add_fix(d, "Write `" + std::string(job.kind_name()) + "`", Applicability::Safe).edits.push_back(ctx.replace(job.kind_node, std::string(job.kind_name())));
  }
  if (job.api_version == kNoNode) {
    Diagnostic& d = ctx.report_range(ctx.doc.key_range(job.kind_node), std::string(job.kind_name()) + " has no `apiVersion`; use `kubeflow.org/v1`");
    if (ctx.block_style(job.root))
      ctx.add_fix(d, "Add `apiVersion: kubeflow.org/v1`", Applicability::Safe)
          .edits.push_back(TextEdit{{ctx.doc.key_range(job.kind_node).start, ctx.doc.key_range(job.kind_node).start},
                                    "apiVersion: kubeflow.org/v1\n" + std::string(ctx.key_column(job.kind_node), ' ')});
    return;
  }
  const std::string_view version = ctx.v.str(job.api_version);
  if (version == "kubeflow.org/v1") return;
  std::string message;
  if (version == "kubeflow.org/v1alpha2" || version == "kubeflow.org/v1beta1" || version == "kubeflow.org/v1beta2")
    message = "apiVersion `" + std::string(version) + "` is no longer served; use `kubeflow.org/v1` (the spec layout is the same)";
  else if (version == "kubeflow.org/v1alpha1" || version.rfind("tensorflow.org/", 0) == 0 || version.rfind("mlkube.io/", 0) == 0)
    message = "apiVersion `" + std::string(version) + "` is no longer served and its spec layout differs; rewrite the job for `kubeflow.org/v1`";
  else
    message = "apiVersion `" + (ctx.v.is_string(job.api_version) ? std::string(version) : ctx.written(job.api_version)) + "` is not served for " + std::string(job.kind_name()) + "; use `kubeflow.org/v1`";
  Diagnostic& d = ctx.report(job.api_version, message);
  ctx.add_fix(d, "Use `kubeflow.org/v1`", Applicability::Unsafe).edits.push_back(ctx.replace(job.api_version, "kubeflow.org/v1"));
}
