#pragma once
// Kubernetes resource.Quantity, parsed exactly (apimachinery pkg/api/resource/quantity.go):
// <signedNumber><suffix>, suffix one of Ki..Ei, n u m "" k M G T P E, or e/E<integer>.
// Values are held in nano units (rounded up, as Kubernetes does) in 128 bits, capped at 2^63-1
// units as the API server caps them, so every accepted quantity compares exactly.

#include <optional>
#include <string>
#include <string_view>

namespace kflint {

struct Quantity {
  __int128 nano = 0;        // value x 10^9
  bool capped = false;      // above 2^63-1 units: the API server stores 9223372036854775807
  bool binary = false;      // written with Ki..Ei
  bool operator<(const Quantity& o) const { return nano < o.nano; }
  bool operator==(const Quantity& o) const { return nano == o.nano; }
  bool is_integer() const { return nano % 1000000000 == 0; }
  bool negative() const { return nano < 0; }
  double as_double() const { return static_cast<double>(nano) / 1e9; }
};

struct QuantityParse {
  std::optional<Quantity> value;
  std::string error;  // Kubernetes' words: "unable to parse quantity's suffix", ...
};

QuantityParse parse_quantity(std::string_view text);
// Canonical text in the input's family: 1.5 -> "1500m", 0.5Gi -> "512Mi", 1000m -> "1".
std::string format_quantity(const Quantity& q);

}  // namespace kflint
