// Quantities: parse never crashes; a parsed value formats to text that parses back equal;
// comparison is a strict weak order on the parsed values.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rules/engine/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t split = text.find('\n');
  const std::string a = text.substr(0, split), b = split == std::string::npos ? std::string("1") : text.substr(split + 1);
  const QuantityParse pa = parse_quantity(a), pb = parse_quantity(b);
  if (pa.value.has_value() == !pa.error.empty()) std::abort();
  for (const QuantityParse* p : {&pa, &pb}) {
    if (!p->value) continue;
    const std::string formatted = format_quantity(*p->value);
    const QuantityParse back = parse_quantity(formatted);
    if (!back.value || !(*back.value == *p->value)) {
      std::fprintf(stderr, "`%s` -> `%s` does not parse back equal\n", a.c_str(), formatted.c_str());
      std::abort();
    }
  }
  if (pa.value && pb.value) {
    const bool lt = *pa.value < *pb.value, gt = *pb.value < *pa.value, eq = *pa.value == *pb.value;
    if (lt + gt + eq != 1) std::abort();
  }
  return 0;
}
