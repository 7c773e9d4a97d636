#include "core/text_util.h"

#include <algorithm>
#include <cctype>

namespace kflint {

size_t edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  if (n > 64 || m > 64) return std::max(n, m);
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = SIZE_MAX;
  const std::string lower = to_lower(word);
  for (const std::string& c : candidates) {
    if (iequals(c, word)) return c;
    const size_t d = edit_distance(lower, to_lower(c));
    if (d < best_distance) best_distance = d, best = c;
  }
  const size_t allowed = std::max<size_t>(1, std::min(word.size(), best.size()) / 3);
  if (best_distance <= allowed) return best;
  // A prefix or suffix typo of a long name: `replica` for `replicas`, `imagePullSecret`.
  if (!best.empty() && word.size() >= 4 && (to_lower(best).rfind(lower, 0) == 0 || lower.rfind(to_lower(best), 0) == 0) &&
      best_distance <= 2)
    return best;
  return {};
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

namespace {

// A glob compiled to a token list, matched by simulating all positions at once (an NFA): time is
// |pattern| x |text| whatever the pattern, where backtracking was exponential in its stars.
enum class GlobToken : uint8_t { Literal, AnyChar, Star, GlobStar };

bool glob_at(std::string_view pattern, std::string_view text) {
  std::vector<GlobToken> kinds;
  std::string literals;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      while (i + 1 < pattern.size() && pattern[i + 1] == '*') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == '/') ++i;  // `**/` also matches no folder
      kinds.push_back(GlobToken::GlobStar);
    } else if (pattern[i] == '*') {
      kinds.push_back(GlobToken::Star);
    } else {
      kinds.push_back(pattern[i] == '?' ? GlobToken::AnyChar : GlobToken::Literal);
    }
    literals += pattern[i];
  }
  const size_t n = kinds.size();
  std::vector<char> active(n + 1, 0), next(n + 1, 0);
  auto close = [&](std::vector<char>& set) {  // a star may match nothing
    for (size_t i = 0; i < n; ++i)
      if (set[i] && (kinds[i] == GlobToken::Star || kinds[i] == GlobToken::GlobStar)) set[i + 1] = 1;
  };
  active[0] = 1;
  close(active);
  for (const char c : text) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (!active[i]) continue;
      switch (kinds[i]) {
        case GlobToken::Literal: if (literals[i] == c) next[i + 1] = 1; break;
        case GlobToken::AnyChar: if (c != '/') next[i + 1] = 1; break;
        case GlobToken::Star: if (c != '/') next[i] = 1; break;
        case GlobToken::GlobStar: next[i] = 1; break;
      }
    }
    close(next);
    for (char a : next) any = any || a;
    if (!any) return false;
    active.swap(next);
  }
  return active[n] != 0;
}

}  // namespace

std::string glob_problem(std::string_view pattern) {
  if (pattern.size() > kMaxGlobLength) return "pattern is longer than " + std::to_string(kMaxGlobLength) + " characters";
  size_t wildcards = 0;
  for (char c : pattern) wildcards += c == '*' || c == '?';
  if (wildcards > kMaxGlobWildcards) return "pattern has more than " + std::to_string(kMaxGlobWildcards) + " wildcards";
  return "";
}

bool glob_match(std::string_view pattern, std::string_view text) {
  if (glob_at(pattern, text)) return true;
  // A pattern without a slash matches a file name in any directory (as .gitignore does).
  if (pattern.find('/') == std::string_view::npos) {
    const size_t slash = text.rfind('/');
    if (slash != std::string_view::npos) return glob_at(pattern, text.substr(slash + 1));
  }
  return false;
}

}  // namespace kflint
