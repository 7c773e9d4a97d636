// Huawei CCI's PATCH pages (更新TFJob / 更新MXJob) list the fields a merge patch may update:
// labels, annotations and three run-policy fields directly under `spec`.
#include <algorithm>
#include <iterator>

#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

const char* const kSpecFields[] = {"activeDeadlineSeconds", "ttlSecondsAfterFinished", "cleanPodPolicy"};
// The object's identity (KF508 judges changes) and the optimistic-concurrency precondition.
const char* const kMetadataFields[] = {"labels", "annotations", "name", "namespace", "resourceVersion"};

bool listed(const char* const* first, const char* const* last, std::string_view key) {
  return std::find(first, last, key) != last;
}

}  // namespace

KFLINT_RULE(kf315_cci_patch_field, "KF315", "cci-patch-field", "cci", Severity::Warning,
            "CCI: a merge patch changes a field Huawei CCI's PATCH does not update") {
  if (ctx.target != Target::Cci || ctx.options.operation != Operation::Patch || ctx.options.merged_patch) return;
  const ValueTree& written = ctx.doc.values;  // deletions (null) are changes too
  auto report = [&](const MapEntry& e, const std::string& path) {
    Diagnostic& d = ctx.report_key(e.value, "`" + path + "` is not a field Huawei CCI's PATCH updates (only metadata.labels, "
                                                         "metadata.annotations, spec.activeDeadlineSeconds, spec.ttlSecondsAfterFinished "
                                                         "and spec.cleanPodPolicy); change it with a PUT (`--operation replace`)");
    d.path = path;
  };
  if (!written.is_map(ctx.job.root)) return;
  for (const MapEntry& e : written.at(ctx.job.root).entries) {
    const std::string& key = written.at(e.key).text;
    if (key == "apiVersion" || key == "kind") continue;
    if ((key == "metadata" || key == "spec") && written.is_map(e.value)) {
      for (const MapEntry& f : written.at(e.value).entries) {
        const std::string& field = written.at(f.key).text;
        const bool ok = key == "metadata" ? listed(std::begin(kMetadataFields), std::end(kMetadataFields), field)
                                          : listed(std::begin(kSpecFields), std::end(kSpecFields), field);
        if (!ok) report(f, key + "." + field);
      }
      continue;
    }
    report(e, key);
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf315_cci_patch_field)
