// Configuration globs: the linear-time matcher against a reference (memoised recursion, the
// old semantics), on `pattern NUL text` inputs; and `.kflint.yaml` text with path and name
// ignores resolved and matched. scripts/fuzz.sh gives this target a 2 s per-input limit, so a
// slow input is a failure.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "core/config.h"
#include "core/text_util.h"
#include "rules/engine/options.h"

namespace {

// The reference: what `*`, `?` and `**` mean, memoised so that it is polynomial too.
struct Reference {
  std::string_view p, t;
  std::vector<signed char> memo;
  bool at(size_t i, size_t j) {
    signed char& m = memo[i * (t.size() + 1) + j];
    if (m >= 0) return m;
    bool r;
    if (i == p.size()) {
      r = j == t.size();
    } else if (p.substr(i, 2) == "**") {
      size_t k = i;
      while (k < p.size() && p[k] == '*') ++k;
      if (k < p.size() && p[k] == '/') ++k;
      r = false;
      for (size_t s = j; s <= t.size() && !r; ++s) r = at(k, s);
    } else if (p[i] == '*') {
      r = false;
      for (size_t s = j; s <= t.size() && !r; ++s) {
        r = at(i + 1, s);
        if (s < t.size() && t[s] == '/') break;
      }
    } else {
      r = j < t.size() && (p[i] == '?' ? t[j] != '/' : p[i] == t[j]) && at(i + 1, j + 1);
    }
    m = r;
    return r;
  }
};

bool reference_match(std::string_view pattern, std::string_view text) {
  auto one = [](std::string_view p, std::string_view t) {
    Reference ref{p, t, std::vector<signed char>((p.size() + 1) * (t.size() + 1), -1)};
    return ref.at(0, 0);
  };
  if (one(pattern, text)) return true;
  if (pattern.find('/') == std::string_view::npos) {
    const size_t slash = text.rfind('/');
    if (slash != std::string_view::npos) return one(pattern, text.substr(slash + 1));
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  if (nul != std::string::npos) {
    const std::string_view pattern = std::string_view(input).substr(0, std::min<size_t>(nul, 300));
    const std::string_view text = std::string_view(input).substr(nul + 1, 2000);
    if (glob_match(pattern, text) != reference_match(pattern, text)) {
      std::fprintf(stderr, "glob `%.*s` on `%.*s`: matcher and reference disagree\n", static_cast<int>(pattern.size()), pattern.data(),
                   static_cast<int>(text.size()), text.data());
      std::abort();
    }
    return 0;
  }
  auto parsed = parse_config("/fuzz/.kflint.yaml", input);
  if (auto* c = std::get_if<Config>(&parsed)) {
    auto resolved = resolve_config(*c);
    if (auto* rc = std::get_if<ResolvedConfig>(&resolved)) {
      const std::string long_path = "/fuzz/" + std::string(400, 'a') + "/" + std::string(400, 'b') + ".yaml";
      (void)rc->options_for(long_path);
      (void)rc->excluded(long_path);
      for (const ObjectIgnore& oi : rc->options_for("/fuzz/a.yaml").object_ignores) (void)glob_match(oi.name_glob, std::string(3000, 'x'));
    }
  }
  return 0;
}
