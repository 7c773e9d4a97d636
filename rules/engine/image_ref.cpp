#include "rules/engine/image_ref.h"

#include <cctype>

namespace kflint {
namespace {

bool alnum_lower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// domain-component := [a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?, joined by '.', optional :port,
// or a bracketed IPv6 address.
bool valid_domain(std::string_view d) {
  std::string_view host = d;
  if (const size_t colon = d.rfind(':'); colon != std::string_view::npos && d.find(']') == std::string_view::npos) {
    host = d.substr(0, colon);
    const std::string_view port = d.substr(colon + 1);
    if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) return false;
  } else if (!d.empty() && d.front() == '[') {
    const size_t close = d.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view rest = d.substr(close + 1);
    if (!rest.empty() && (rest[0] != ':' || rest.size() == 1 || rest.substr(1).find_first_not_of("0123456789") != std::string_view::npos)) return false;
    return d.substr(1, close - 1).find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
  }
  if (host.empty()) return false;
  size_t start = 0;
  while (start <= host.size()) {
    size_t end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    const std::string_view comp = host.substr(start, end - start);
    if (comp.empty() || !std::isalnum(static_cast<unsigned char>(comp.front())) || !std::isalnum(static_cast<unsigned char>(comp.back()))) return false;
    for (char c : comp)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    start = end + 1;
  }
  return true;
}

// path-component := [a-z0-9]+ (separator [a-z0-9]+)*, separator := [_.] | __ | [-]+
bool valid_path_component(std::string_view c) {
  if (c.empty() || !alnum_lower(c.front()) || !alnum_lower(c.back())) return false;
  for (size_t i = 0; i < c.size();) {
    if (alnum_lower(c[i])) { ++i; continue; }
    const size_t sep = i;
    while (i < c.size() && !alnum_lower(c[i])) ++i;
    const std::string_view s = c.substr(sep, i - sep);
    const bool dashes = s.find_first_not_of('-') == std::string_view::npos;
    if (!(s == "." || s == "_" || s == "__" || dashes)) return false;
  }
  return true;
}

}  // namespace

ImageRef parse_image_ref(std::string_view text) {
  ImageRef r;
  auto fail = [&](std::string msg) {
    r.error = std::move(msg);
    return r;
  };
  if (text.empty()) return fail("image is empty");
  std::string_view rest = text;
  if (const size_t at = rest.find('@'); at != std::string_view::npos) {
    r.digest = std::string(rest.substr(at + 1));
    rest = rest.substr(0, at);
    const size_t colon = r.digest.find(':');
    if (colon == std::string::npos || colon == 0 || r.digest.size() - colon - 1 < 32 ||
        r.digest.find_first_not_of("0123456789abcdef", colon + 1) != std::string::npos || !std::isalpha(static_cast<unsigned char>(r.digest[0])))
      return fail("invalid digest format");
  }
  // The tag follows the last ':' that comes after the last '/'.
  const size_t slash = rest.rfind('/');
  const size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    r.tag = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
    if (r.tag.empty() || r.tag.size() > 128 || !(std::isalnum(static_cast<unsigned char>(r.tag[0])) || r.tag[0] == '_'))
      return fail("invalid reference format: bad tag `" + r.tag + "`");
    for (char c : r.tag)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'))
        return fail("invalid reference format: bad tag `" + r.tag + "`");
  }
  if (rest.empty()) return fail("invalid reference format");
  const size_t first_slash = rest.find('/');
  if (first_slash != std::string_view::npos) {
    const std::string_view first = rest.substr(0, first_slash);
    const bool is_domain = first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
                           first.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos;
    if (is_domain) {
      if (!valid_domain(first)) return fail("invalid reference format: bad registry host `" + std::string(first) + "`");
      r.domain = std::string(first);
      rest = rest.substr(first_slash + 1);
    }
  }
  if (rest.size() > 255) return fail("repository name must not be more than 255 characters");
  r.path = std::string(rest);
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find('/', start);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view comp = rest.substr(start, end - start);
    if (!valid_path_component(comp)) {
      for (char c : comp)
        if (std::isupper(static_cast<unsigned char>(c))) return fail("repository name must be lowercase");
      return fail("invalid reference format");
    }
    start = end + 1;
  }
  r.valid = true;
  return r;
}

}  // namespace kflint
