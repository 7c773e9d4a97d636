#pragma once
// Validation of a TFJob/MXJob value tree against the JSON Schemas derived from the upstream CRDs
// (schema/derive_schemas.py), compiled into the binary. Findings name the node and what the
// schema expected; rules KF101-KF105 turn them into diagnostics.

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace kflint::schema {

enum class FindingType { UnknownField, WrongType, MissingRequired, OutOfRange, NotAllowed };

struct Finding {
  FindingType type;
  NodeId node = kNoNode;              // the offending value; for MissingRequired the map missing it
  std::string field;                  // UnknownField / MissingRequired: the field's name
  std::string expected;               // WrongType: "integer", "string", "integer or string", ...
  std::vector<std::string> allowed;   // UnknownField: the fields allowed there
  std::string detail;                 // OutOfRange: "at most 2147483647"
};

// `kind` is "TFJob" or "MXJob"; `root` is the job's top-level map. Documents the pre-check
// finds certainly valid skip valijson (`use_precheck = false` always runs it: tests compare).
std::vector<Finding> validate(const ValueTree& tree, NodeId root, std::string_view kind, bool use_precheck = true);

// The pre-check (schema/precheck.cpp): true only when the document certainly satisfies the
// kind's schema; false means "not sure" (valijson decides).
bool certainly_valid(const ValueTree& tree, NodeId root, std::string_view kind);

// "training-operator v1.8.1 tfjobs.kubeflow.org" (shown by `kflint version`).
std::string schema_source(std::string_view kind);

// Field documentation for a path like `spec.tfReplicaSpecs.*.template.spec.containers[].image`
// (type, description); empty strings when unknown. Used by hover and completion.
struct FieldDoc {
  std::string type;
  std::string description;
};
FieldDoc field_doc(std::string_view kind, std::string_view path);

// Whether the schema requires `field` in the object at `parent` (path components: keys, and
// item indexes as digits). Merge patches use it: a `null` there deletes a required field.
bool required_field(std::string_view kind, const std::vector<std::string>& parent, std::string_view field);

// The property names the schema allows at a path (for completion), sorted.
std::vector<std::string> allowed_fields(std::string_view kind, const std::vector<std::string>& path);

}  // namespace kflint::schema
