#pragma once
// The embedded schema of a kind as JSON, parsed once on first use and shared by the pre-check
// (schema/precheck.cpp), valijson's compile and the field lookups (schema/validator.cpp).
// Internal to schema/.

#include <nlohmann/json.hpp>

#include <string_view>

namespace kflint::schema {

// `kind` is "TFJob" or "MXJob" (anything else reads as MXJob, as everywhere in schema/).
const nlohmann::json& schema_json(std::string_view kind);

}  // namespace kflint::schema
