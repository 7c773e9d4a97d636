// Huawei CCI pod sizes: vCPUs 0.25-32 (or 48, 64) without GPUs; memory an integer number of
// GiB from 1 to 512; cpu:memory(GiB) between 1:2 and 1:8.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf312_cci_pod_size, "KF312", "cci-pod-size", "cci", Severity::Error,
            "CCI: a pod's total cpu or memory is outside the allowed sizes, or their ratio is outside 1:2-1:8") {
  if (ctx.target != Target::Cci) return;
  constexpr __int128 kNano = 1000000000;
  constexpr __int128 kGiB = static_cast<__int128>(1) << 30;
  for (const ReplicaView& r : ctx.job.replicas) {
    if (r.containers.empty()) continue;
    const PodTotals t = pod_totals(ctx.v, r);
    const NodeId at = r.key;
    const std::string pod = "the pod of `" + r.type + "`";
    if (t.cpu_known && !t.gpu) {
      const __int128 milli = t.cpu.nano / 1000000;
      const bool ok = (milli >= 250 && milli <= 32000) || milli == 48000 || milli == 64000;
      if (!ok)
        ctx.report_range(ctx.doc.range(at), pod + " totals " + format_quantity(t.cpu) +
                                                " cpu: Huawei CCI pods have 0.25 to 32 vCPUs (or 48 or 64)");
    }
    if (t.memory_known) {
      const __int128 bytes = t.memory.nano / kNano;
      if (bytes % kGiB != 0 || bytes < kGiB || bytes > 512 * kGiB)
        ctx.report_range(ctx.doc.range(at), pod + " totals " + format_quantity(t.memory) +
                                                " memory: Huawei CCI pods have a whole number of GiB from 1Gi to 512Gi");
      else if (t.cpu_known && t.cpu.nano > 0) {
        const double ratio = static_cast<double>(bytes / kGiB) / t.cpu.as_double();
        if (ratio < 2.0 - 1e-9 || ratio > 8.0 + 1e-9)
          ctx.report_range(ctx.doc.range(at), pod + " has " + format_quantity(t.cpu) + " cpu and " + format_quantity(t.memory) +
                                                  " memory: Huawei CCI needs between 2 and 8 GiB per vCPU");
      }
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf312_cci_pod_size)
