#include "rules/engine/quantity.h"

#include <cstring>

namespace kflint {
namespace {

constexpr __int128 kMax = static_cast<__int128>(1) << 100;  // far above any real quantity

bool mul_checked(__int128& v, __int128 factor) {
  if (v != 0 && (v > kMax / factor || v < -kMax / factor)) return false;
  v *= factor;
  return true;
}

}  // namespace

QuantityParse parse_quantity(std::string_view text) {
  QuantityParse out;
  if (text.empty()) {
    out.error = "quantity is empty";
    return out;
  }
  size_t i = 0;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') negative = text[0] == '-', i = 1;
  __int128 digits = 0;
  int frac_digits = 0;
  size_t int_count = 0, frac_count = 0;
  bool overflow = false;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++int_count)
    if (!mul_checked(digits, 10) || (digits += text[i] - '0') > kMax) overflow = true;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_count) {
      if (frac_digits < 30 && !overflow) {
        if (!mul_checked(digits, 10)) overflow = true;
        digits += text[i] - '0';
        ++frac_digits;
      }
    }
  }
  if (int_count + frac_count == 0) {
    out.error = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    return out;
  }
  const std::string_view suffix = text.substr(i);
  int exp10 = 0, exp2 = 0;
  static const struct { const char* s; int e10; int e2; } kSuffixes[] = {
      {"Ki", 0, 10}, {"Mi", 0, 20}, {"Gi", 0, 30}, {"Ti", 0, 40}, {"Pi", 0, 50}, {"Ei", 0, 60},
      {"n", -9, 0},  {"u", -6, 0},  {"m", -3, 0},  {"", 0, 0},    {"k", 3, 0},   {"M", 6, 0},
      {"G", 9, 0},   {"T", 12, 0},  {"P", 15, 0},  {"E", 18, 0}};
  bool known = false;
  for (const auto& s : kSuffixes)
    if (suffix == s.s) exp10 = s.e10, exp2 = s.e2, known = true;
  if (!known && !suffix.empty() && (suffix[0] == 'e' || suffix[0] == 'E')) {
    std::string_view e = suffix.substr(1);
    bool eneg = false;
    if (!e.empty() && (e[0] == '+' || e[0] == '-')) eneg = e[0] == '-', e.remove_prefix(1);
    if (!e.empty() && e.size() <= 4 && e.find_first_not_of("0123456789") == std::string_view::npos) {
      exp10 = std::stoi(std::string(e)) * (eneg ? -1 : 1);
      known = true;
    }
  }
  if (!known) {
    out.error = suffix.find_first_of(" \t") != std::string_view::npos
                    ? "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (no spaces)"
                    : "unable to parse quantity's suffix `" + std::string(suffix) + "`";
    return out;
  }
  Quantity q;
  q.binary = exp2 > 0;
  // value = digits * 10^(exp10 - frac_digits) * 2^exp2, in nano units: * 10^9.
  int scale = exp10 - frac_digits + 9;
  __int128 v = digits;
  if (!overflow && !mul_checked(v, static_cast<__int128>(1) << exp2)) overflow = true;
  while (!overflow && scale > 0) {
    if (!mul_checked(v, 10)) overflow = true;
    --scale;
  }
  if (!overflow && scale < 0) {
    __int128 div = 1;
    while (scale < 0 && div < kMax) div *= 10, ++scale;
    const bool remainder = v % div != 0;
    v = v / div + (remainder ? 1 : 0);  // Kubernetes rounds up to the nano unit
  }
  q.overflow = overflow;
  q.nano = negative ? -v : v;
  out.value = q;
  return out;
}

std::string format_quantity(const Quantity& q) {
  if (q.overflow) return "(too large)";
  __int128 v = q.nano < 0 ? -q.nano : q.nano;
  std::string sign = q.nano < 0 ? "-" : "";
  auto to_string = [](__int128 x) {
    if (x == 0) return std::string("0");
    std::string s;
    while (x > 0) s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(x % 10))), x /= 10;
    return s;
  };
  if (v == 0) return "0";
  if (q.binary && v % 1000000000 == 0) {
    __int128 whole = v / 1000000000;
    static const char* kBin[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    int k = 0;
    while (k < 6 && whole % 1024 == 0) whole /= 1024, ++k;
    return sign + to_string(whole) + kBin[k];
  }
  static const char* kDec[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  int k = 0;
  while (k < 9 && v % 1000 == 0) v /= 1000, ++k;
  return sign + to_string(v) + kDec[k];
}

}  // namespace kflint
