// Quantities must parse under resource.Quantity's grammar (stricter than the CRD pattern).
#include <algorithm>

#include "rules/engine/context.h"
#include "rules/engine/quantity.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {
// Common mistakes and what was meant: `2GB` -> `2G` is not what people mean either; suggest Gi.
std::string suggestion(std::string_view text) {
  static const struct { const char* bad; const char* good; } kMap[] = {
      {"KB", "Ki"}, {"MB", "Mi"}, {"GB", "Gi"}, {"TB", "Ti"}, {"Kb", "Ki"}, {"Mb", "Mi"}, {"Gb", "Gi"}, {"K", "Ki"},
      {"mi", "Mi"}, {"gi", "Gi"}, {"ki", "Ki"}, {"MiB", "Mi"}, {"GiB", "Gi"}, {"g", "G"}};
  std::string t(text);
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  for (const auto& m : kMap) {
    const std::string bad = m.bad;
    if (t.size() > bad.size() && t.compare(t.size() - bad.size(), bad.size(), bad) == 0) {
      std::string fixed = t.substr(0, t.size() - bad.size()) + m.good;
      if (parse_quantity(fixed).value) return fixed;
    }
  }
  return parse_quantity(t).value ? t : std::string();
}
}  // namespace

KFLINT_RULE(kf302_invalid_quantity, "KF302", "invalid-quantity", "resources", Severity::Error,
            "A resource quantity does not parse (`2GB`, `1 Gi`, `1.5.0`)") {
  auto check = [&](const QuantityField& f) {
    if (f.value || f.unquoted_float) return;
    Diagnostic& d = ctx.report(f.node, "`" + ctx.path(f.node) + "` is " + ctx.written(f.node) + ", not a valid quantity: " + f.error);
    if (ctx.v.is_string(f.node)) {
      const std::string s = suggestion(ctx.v.str(f.node));
      if (!s.empty()) ctx.add_fix(d, "Write " + s, Applicability::Unsafe).edits.push_back(ctx.replace(f.node, s));
    }
  };
  for_each_quantity(ctx.v, ctx.job, [&](const ContainerRef&, const ContainerResources&, const QuantityField& f) { check(f); });
}

KFLINT_RULE_ON_MERGE_PATCHES(kf302_invalid_quantity)
