#pragma once
// Values filled in after the file is written, by the tool that creates the job from it. Katib
// replaces `${trialParameters.NAME}` in the trial template turned into JSON text (so only inside
// JSON strings: a placeholder standing for a number stays a string) and sets the trial's name and
// namespace. Argo replaces `{{...}}` in a manifest's text before it parses it (the engine masks
// them first: argo_manifests.h), so there any value may come from a placeholder. A scalar holding
// one has an unknown value: findings on it are dropped, except from rules that judge the
// placeholder itself (KFLINT_RULE_JUDGES_PLACEHOLDERS).

#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "rules/engine/job_view.h"

namespace kflint {

// Whether a scalar's text holds a Katib trial parameter (`${trialParameters.lr}`).
bool katib_placeholder(std::string_view text);

// The ranges of the job's values that are unknown until Katib or Argo fills them in. `masked`
// are the `{{...}}` ranges of an Argo manifest's text (empty otherwise).
std::vector<ByteRange> placeholder_ranges(const Document& doc, const ValueTree& v, const JobView& job, const std::vector<ByteRange>& masked);

// Whether `range` lies inside one of `unknown` (a finding on, or a node of, an unknown value).
bool within_placeholder(ByteRange range, const std::vector<ByteRange>& unknown);

// Drops out[first..] findings that lie on an unknown value, but those of rules that judge
// placeholders.
void drop_findings_on_placeholders(const std::vector<ByteRange>& unknown, std::vector<Diagnostic>& out, size_t first);

}  // namespace kflint
