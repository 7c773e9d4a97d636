#include "rules/engine/k8s_names.h"

#include <cctype>

namespace kflint {
namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_label(std::string_view s, bool must_start_alpha) {
  if (s.empty() || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  if (must_start_alpha && !(s.front() >= 'a' && s.front() <= 'z')) return false;
  for (char c : s)
    if (!lower_alnum(c) && c != '-') return false;
  return true;
}

}  // namespace

std::string check_dns1123_label(std::string_view s) {
  if (s.size() > 63) return "must be no more than 63 characters";
  if (!is_label(s, false))
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return {};
}

std::string check_dns1035_label(std::string_view s) {
  if (s.size() > 63) return "must be no more than 63 characters";
  if (!is_label(s, true))
    return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return {};
}

std::string check_dns1123_subdomain(std::string_view s) {
  if (s.size() > 253) return "must be no more than 253 characters";
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('.', start);
    if (end == std::string_view::npos) end = s.size();
    if (!is_label(s.substr(start, end - start), false))
      return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    start = end + 1;
  }
  return {};
}

static bool is_name_part(std::string_view s) {
  if (s.empty() || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

std::string check_qualified_name(std::string_view s) {
  std::string_view name = s;
  if (const size_t slash = s.find('/'); slash != std::string_view::npos) {
    const std::string_view prefix = s.substr(0, slash);
    name = s.substr(slash + 1);
    if (prefix.empty()) return "prefix part must be non-empty";
    if (!check_dns1123_subdomain(prefix).empty()) return "prefix part " + check_dns1123_subdomain(prefix);
    if (name.find('/') != std::string_view::npos)
      return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'";
  }
  if (name.empty()) return "name part must be non-empty";
  if (name.size() > 63) return "name part must be no more than 63 characters";
  if (!is_name_part(name))
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return {};
}

std::string check_label_value(std::string_view s) {
  if (s.size() > 63) return "must be no more than 63 characters";
  if (!s.empty() && !is_name_part(s))
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return {};
}

std::string check_port_name(std::string_view s) {
  if (s.size() > 15) return "must be no more than 15 characters";
  bool letter = false;
  for (char c : s) {
    if (!lower_alnum(c) && c != '-') return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
    letter = letter || (c >= 'a' && c <= 'z');
  }
  if (!letter) return "must contain at least one letter (a-z)";
  if (s.find("--") != std::string_view::npos) return "must not contain consecutive hyphens";
  if (!s.empty() && (s.front() == '-' || s.back() == '-')) return "must not begin or end with a hyphen";
  return {};
}

std::string kustomize_hint(std::string_view value) {
  const size_t open = value.find("$(");
  if (open == std::string_view::npos || value.find(')', open) == std::string_view::npos) return {};
  return " (`$(...)` is expanded only in a container's command, args and env: `kubectl apply -f` sends this text as it is; if a kustomize "
         "overlay replaces it, lint the output of `kustomize build`)";
}

}  // namespace kflint
