#pragma once
// Plain-scalar resolution the way kubectl reads YAML: sigs.k8s.io/yaml on go-yaml v2, YAML 1.1
// (kubeflow-domain.md §6.5): yes/no/on/off/y/n are booleans, 0755 is octal, 1_000 is 1000,
// .5 is a float, timestamps stay strings.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/value.h"

namespace kflint {

struct ResolvedScalar {
  Kind kind = Kind::String;
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0;
  bool big_int = false;  // integer syntax whose value does not fit in 64 bits
};

// Resolve an untagged plain scalar.
ResolvedScalar resolve_plain_scalar(std::string_view text);

// The decimal digits of an integer scalar between 2^63 and 2^64 (`big_int`: go-yaml's uint64),
// written in any of the forms go-yaml reads (0x, 0o, 0b, a leading 0, `_`).
std::string big_int_decimal(std::string_view text);

// Resolve a scalar with an explicit tag (`!!str`, `!!int`, ...). Unknown tags give a string.
ResolvedScalar resolve_tagged_scalar(std::string_view tag, std::string_view text);

}  // namespace kflint
