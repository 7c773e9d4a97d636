// Emitted by the Argo pass (rules/engine/argo_manifests.cpp): a resource template that patches a
// TFJob or MXJob with Argo's default merge strategy, `strategic`, which the API server refuses for
// custom resources.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf509_argo_strategic_patch, "KF509", "argo-strategic-patch", "metadata", Severity::Error,
                   "An Argo resource template patches a TFJob/MXJob as a strategic merge patch, which custom resources do not accept")
