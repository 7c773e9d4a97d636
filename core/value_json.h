#pragma once
// A value tree as the JSON kubectl sends to the API server: sigs.k8s.io/yaml turns YAML into JSON
// with Go's encoding/json, so object keys are sorted (byte order), integers stay integers, floats
// are written the shortest way that reads back exactly (1e21 and above, and below 1e-6, with an
// exponent), and `<`, `>`, `&`, U+2028 and U+2029 are escaped as \u003c and so on.

#include <string>

#include "core/value.h"

namespace kflint {

std::string to_kubectl_json(const ValueTree& values, NodeId node);

// A float map key as sigs.k8s.io/yaml writes it (Go's FormatFloat(f, 'g', -1, 32)): `1.0: x`
// has the key "1", `1e8: x` the key "1e+08".
std::string go_float_key(double f);

}  // namespace kflint
