#include "core/scalar_resolve.h"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace kflint {
namespace {

constexpr std::array<std::string_view, 11> kTrue = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
constexpr std::array<std::string_view, 11> kFalse = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// go-yaml v2: strconv.ParseInt(plain with "_" removed, 0, 64), plus a leading-zero octal form.
bool parse_int(std::string_view text, ResolvedScalar& out, unsigned __int128* magnitude = nullptr) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    if (c != '_') s.push_back(c);
  if (s.empty()) return false;
  size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return false;
  int base = 10;
  if (s.size() - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) base = 16, i += 2;
  else if (s.size() - i > 2 && s[i] == '0' && (s[i + 1] == 'b' || s[i + 1] == 'B')) base = 2, i += 2;
  else if (s.size() - i > 2 && s[i] == '0' && (s[i + 1] == 'o' || s[i + 1] == 'O')) base = 8, i += 2;
  else if (s.size() - i > 1 && s[i] == '0') base = 8, i += 1;
  if (i >= s.size()) return false;
  unsigned __int128 value = 0;
  bool overflow = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    int d;
    if (is_digit(c)) d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    if (!overflow) {
      value = value * static_cast<unsigned>(base) + static_cast<unsigned>(d);
      if (value > (static_cast<unsigned __int128>(1) << 64)) overflow = true;
    }
  }
  // Past int64, go-yaml tries uint64 (strconv.ParseUint), then a float when the text reads as
  // one (a long decimal), else the text stays a string (a long hex number).
  const bool fits_uint64 = !negative && !overflow && value <= static_cast<unsigned __int128>(UINT64_MAX);
  const unsigned __int128 limit = negative ? (static_cast<unsigned __int128>(1) << 63) : ((static_cast<unsigned __int128>(1) << 63) - 1);
  if ((overflow || value > limit) && !fits_uint64) return false;
  if (magnitude) *magnitude = value;
  out.kind = Kind::Int;
  if (overflow || value > limit) {
    out.big_int = true;
    out.int_value = negative ? INT64_MIN : INT64_MAX;
  } else {
    out.int_value = negative ? static_cast<int64_t>(-static_cast<__int128>(value)) : static_cast<int64_t>(value);
  }
  return true;
}

// yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool is_yaml_float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t d = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == d) return false;
  } else {
    size_t d = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == d) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && is_digit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t d = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == d) return false;
  }
  return i == s.size();
}

}  // namespace

ResolvedScalar resolve_plain_scalar(std::string_view text) {
  ResolvedScalar r;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    r.kind = Kind::Null;
    return r;
  }
  for (std::string_view t : kTrue)
    if (text == t) return r.kind = Kind::Bool, r.bool_value = true, r;
  for (std::string_view f : kFalse)
    if (text == f) return r.kind = Kind::Bool, r.bool_value = false, r;
  const char c = text[0];
  if (!(is_digit(c) || c == '-' || c == '+' || c == '.')) return r;
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return r.kind = Kind::Float, r.float_value = std::nan(""), r;
  for (std::string_view inf : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
    if (text == inf) return r.kind = Kind::Float, r.float_value = INFINITY, r;
  for (std::string_view inf : {"-.inf", "-.Inf", "-.INF"})
    if (text == inf) return r.kind = Kind::Float, r.float_value = -INFINITY, r;
  if (parse_int(text, r)) return r;
  std::string plain;
  for (char ch : text)
    if (ch != '_') plain.push_back(ch);
  if (is_yaml_float(plain)) {
    r.kind = Kind::Float;
    errno = 0;
    r.float_value = std::strtod(plain.c_str(), nullptr);
    if (std::isinf(r.float_value)) return ResolvedScalar{};  // strconv.ParseFloat's range error: go-yaml keeps the string
    return r;
  }
  return r;  // a string (timestamps included)
}

ResolvedScalar resolve_tagged_scalar(std::string_view tag, std::string_view text) {
  const std::string_view yaml_prefix = "tag:yaml.org,2002:";
  if (tag.substr(0, yaml_prefix.size()) == yaml_prefix) tag.remove_prefix(yaml_prefix.size());
  else if (tag.substr(0, 2) == "!!") tag.remove_prefix(2);
  ResolvedScalar r = resolve_plain_scalar(text);
  if (tag == "str" || tag == "binary" || tag == "timestamp") return ResolvedScalar{};
  if (tag == "null" && r.kind == Kind::Null) return r;
  if (tag == "bool" && r.kind == Kind::Bool) return r;
  if (tag == "int" && r.kind == Kind::Int) return r;
  if (tag == "float" && (r.kind == Kind::Float || r.kind == Kind::Int)) {
    if (r.kind == Kind::Int) r.float_value = static_cast<double>(r.int_value);
    r.kind = Kind::Float;
    return r;
  }
  return ResolvedScalar{};
}

std::string big_int_decimal(std::string_view text) {
  ResolvedScalar r;
  unsigned __int128 value = 0;
  parse_int(text, r, &value);
  return std::to_string(static_cast<uint64_t>(value));
}

}  // namespace kflint
