#include "core/value_json.h"

#include "core/scalar_resolve.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>

namespace kflint {
namespace {

void write_string(std::string_view s, std::string& out) {
  static const char* const kHex = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

// Go's encoding/json for a float64: the shortest exact form, ES6-style exponent rules.
void write_float(double f, std::string& out) {
  if (!std::isfinite(f)) {  // yaml.v2 reads .inf/.nan; encoding/json refuses them (kubectl errors)
    out += std::isnan(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf";
    return;
  }
  char buf[64];
  const double a = std::fabs(f);
  const bool exponent = a != 0 && (a < 1e-6 || a >= 1e21);
  // The shortest digits that read back exactly, then laid out as Go lays them out: digits past
  // the shortest ones are zeros (2^63 is 9223372036854776000, not ...5808).
  const auto r = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string text(buf, r.ptr);
  const size_t e = text.find('e');
  if (exponent) {
    if (text.size() == e + 4 && text[e + 2] == '0') text.erase(e + 2, 1);  // 1e-07 -> 1e-7
    out += text;
    return;
  }
  const int exp10 = std::stoi(text.substr(e + 1));
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (std::isdigit(static_cast<unsigned char>(text[i]))) digits += text[i];
  if (f < 0) out += '-';
  if (exp10 >= 0) {
    const size_t int_len = static_cast<size_t>(exp10) + 1;
    if (digits.size() <= int_len) {
      out += digits + std::string(int_len - digits.size(), '0');
    } else {
      out += digits.substr(0, int_len) + "." + digits.substr(int_len);
    }
  } else {
    out += "0." + std::string(static_cast<size_t>(-exp10 - 1), '0') + digits;
  }
}

void write(const ValueTree& v, NodeId id, std::string& out, int depth) {
  if (id == kNoNode || depth > 10000) {
    out += "null";
    return;
  }
  const Node& n = v.at(id);
  switch (n.kind) {
    case Kind::Null: out += "null"; return;
    case Kind::Bool: out += n.bool_value ? "true" : "false"; return;
    case Kind::Int:
      if (n.big_int) out += big_int_decimal(n.text);  // between 2^63 and 2^64: go-yaml's uint64
      else out += std::to_string(n.int_value);
      return;
    case Kind::Float: write_float(n.float_value, out); return;
    case Kind::String: write_string(n.text, out); return;
    case Kind::Seq: {
      out += '[';
      for (size_t i = 0; i < n.items.size(); ++i) {
        if (i) out += ',';
        write(v, n.items[i], out, depth + 1);
      }
      out += ']';
      return;
    }
    case Kind::Map: {
      // Later duplicates win (the tree keeps the last value); keys sorted as Go sorts map keys.
      std::vector<const MapEntry*> entries;
      for (const MapEntry& e : n.entries) entries.push_back(&e);
      std::stable_sort(entries.begin(), entries.end(), [&](const MapEntry* a, const MapEntry* b) { return v.at(a->key).text < v.at(b->key).text; });
      out += '{';
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i && v.at(entries[i]->key).text == v.at(entries[i - 1]->key).text) continue;
        if (out.back() != '{') out += ',';
        write_string(v.at(entries[i]->key).text, out);
        out += ':';
        write(v, entries[i]->value, out, depth + 1);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string go_float_key(double f) {
  if (std::isnan(f)) return ".nan";
  if (std::isinf(f)) return f > 0 ? ".inf" : "-.inf";
  const float single = static_cast<float>(f);
  char buf[64];
  // The shortest digits that read back as the same float32, and their decimal exponent.
  const auto sci = std::to_chars(buf, buf + sizeof buf, single, std::chars_format::scientific);
  const std::string text(buf, sci.ptr);
  const size_t e = text.find('e');
  const int exponent = e == std::string::npos ? 0 : std::stoi(text.substr(e + 1));
  if (exponent < -4 || exponent >= 6) return text;  // Go: %e with at least two exponent digits, as to_chars writes it
  const auto fixed = std::to_chars(buf, buf + sizeof buf, single, std::chars_format::fixed);
  return std::string(buf, fixed.ptr);
}

std::string to_kubectl_json(const ValueTree& values, NodeId node) {
  std::string out;
  write(values, node, out, 0);
  return out;
}

}  // namespace kflint
