// Suppression comments and `.kflint.yaml` parsing (and rule-name resolution) on arbitrary text.
#include <cstdint>
#include <string>
#include <variant>

#include "core/config.h"
#include "core/suppression.h"
#include "rules/engine/options.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (is_kflint_directive(text)) (void)parse_suppression(text, {0, static_cast<uint32_t>(text.size())}, true);
  (void)parse_suppression("# " + text.substr(0, 200), {0, 0}, false);
  auto parsed = parse_config("/fuzz/.kflint.yaml", text);
  if (auto* c = std::get_if<Config>(&parsed)) {
    auto resolved = resolve_config(*c);
    if (auto* rc = std::get_if<ResolvedConfig>(&resolved)) {
      (void)rc->options_for("/fuzz/jobs/a.yaml");
      (void)rc->excluded("/fuzz/vendor/b.yaml");
    }
  }
  return 0;
}
