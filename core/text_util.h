#pragma once
// Small string helpers shared by the engine and the faces.

#include <string>
#include <string_view>
#include <vector>

namespace kflint {

// Edit distance with transpositions (Wroker -> Worker is 1).
size_t edit_distance(std::string_view a, std::string_view b);
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
// RFC 3986 percent-encoding of a path for a URI (letters, digits, `/-_.~` stay).
std::string percent_encode_path(std::string_view path);
// The closest candidate ("did you mean"), or "" when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
std::vector<std::string> split(std::string_view text, char sep);
std::string_view trim(std::string_view s);
// A scalar as it would be written in YAML, quoted when needed (for messages and fixes).
std::string yaml_quote(std::string_view s);
// JSON string escaping (without surrounding quotes).
std::string json_escape(std::string_view s);
bool glob_match(std::string_view pattern, std::string_view text);  // `*`, `?`, `**` across `/`; linear time
// Why a configured glob is refused ("" when it is fine): matching is linear, but a pattern this
// long or this wild is a mistake, reported with its line and column.
inline constexpr size_t kMaxGlobLength = 1024, kMaxGlobWildcards = 64;
std::string glob_problem(std::string_view pattern);

}  // namespace kflint
