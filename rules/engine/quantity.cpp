#include "rules/engine/quantity.h"

#include <climits>
#include <cstdint>
#include <cstring>

namespace kflint {
namespace {

// The API server caps every quantity at 2^63-1 whole units (apimachinery: `maxAllowed`), after
// rounding up to nano units; nothing it accepts is too large to compare.
constexpr __int128 kCapNano = static_cast<__int128>(INT64_MAX) * 1000000000;
constexpr __int128 kLimit = static_cast<__int128>(1) << 125;  // far above the cap: stop multiplying
constexpr size_t kKeptDigits = 36;  // significant digits kept: below the cap that reaches past nano

// v * factor, or false once it passes kLimit (the value is then above the cap).
bool mul_checked(__int128& v, __int128 factor) {
  if (v != 0 && v > kLimit / factor) return false;
  v *= factor;
  return true;
}

struct Suffix {
  int exp10 = 0, exp2 = 0;
  bool known = false;
};

Suffix interpret_suffix(std::string_view suffix) {
  static const struct { const char* s; int e10; int e2; } kSuffixes[] = {
      {"Ki", 0, 10}, {"Mi", 0, 20}, {"Gi", 0, 30}, {"Ti", 0, 40}, {"Pi", 0, 50}, {"Ei", 0, 60},
      {"n", -9, 0},  {"u", -6, 0},  {"m", -3, 0},  {"", 0, 0},    {"k", 3, 0},   {"M", 6, 0},
      {"G", 9, 0},   {"T", 12, 0},  {"P", 15, 0},  {"E", 18, 0}};
  for (const auto& k : kSuffixes)
    if (suffix == k.s) return {k.e10, k.e2, true};
  // `e<int64>`, kept as Go's int32 conversion keeps it.
  if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return {};
  std::string_view e = suffix.substr(1);
  bool negative = false;
  if (e[0] == '+' || e[0] == '-') negative = e[0] == '-', e.remove_prefix(1);
  if (e.empty() || e.size() > 19 || e.find_first_not_of("0123456789") != std::string_view::npos) return {};
  unsigned long long v = 0;
  for (char c : e) {
    if (v > (ULLONG_MAX - 9) / 10) return {};
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > static_cast<unsigned long long>(INT64_MAX) + (negative ? 1 : 0)) return {};
  const int64_t exp = negative ? -static_cast<int64_t>(v - 1) - 1 : static_cast<int64_t>(v);
  return {static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(exp))), 0, true};
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
  // The significant digits (leading zeros dropped, at most kKeptDigits kept) and the power of
  // ten that scales them: value = digits * 10^exp10 * 2^exp2.
  __int128 digits = 0;
  size_t kept = 0, int_count = 0, frac_count = 0;
  int64_t exp10 = 0;
  bool dropped_nonzero = false;
  auto take = [&](char c, bool fraction) {
    if (kept == 0 && c == '0') {
      if (fraction) --exp10;
      return;
    }
    if (kept < kKeptDigits) {
      digits = digits * 10 + (c - '0');
      ++kept;
      if (fraction) --exp10;
    } else {
      dropped_nonzero = dropped_nonzero || c != '0';
      if (!fraction) ++exp10;
    }
  };
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++int_count) take(text[i], false);
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_count) take(text[i], true);
  }
  if (int_count + frac_count == 0) {
    out.error = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    return out;
  }
  const std::string_view suffix = text.substr(i);
  const Suffix sfx = interpret_suffix(suffix);
  if (!sfx.known) {
    out.error = suffix.find_first_of(" \t") != std::string_view::npos
                    ? "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (no spaces)"
                    : "unable to parse quantity's suffix `" + std::string(suffix) + "`";
    return out;
  }
  Quantity q;
  q.binary = sfx.exp2 > 0;
  // In nano units: digits * 2^exp2 * 10^(exp10 + suffix + 9), rounded up (as Kubernetes does).
  int64_t scale = exp10 + sfx.exp10 + 9;
  __int128 v = digits;
  bool above = !mul_checked(v, static_cast<__int128>(1) << sfx.exp2);
  for (; !above && v != 0 && scale > 0; --scale) above = !mul_checked(v, 10);
  if (!above && scale < 0) {
    __int128 div = 1;
    for (; scale < 0 && div <= kLimit / 10; ++scale) div *= 10;
    const bool remainder = scale < 0 ? v != 0 : v % div != 0;
    v = scale < 0 ? 0 : v / div;
    if (remainder || dropped_nonzero) ++v;  // any amount below one nano unit is one nano unit
  }
  if (above || v > kCapNano) {
    v = kCapNano;
    q.capped = true;
  }
  q.nano = negative ? -v : v;
  out.value = q;
  return out;
}

std::string format_quantity(const Quantity& q) {
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
