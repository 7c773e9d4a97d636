#include "core/suppression.h"

#include "core/text_util.h"

namespace kflint {

static std::string_view after_hash(std::string_view comment) {
  while (!comment.empty() && comment.front() == '#') comment.remove_prefix(1);
  return trim(comment);
}

bool is_kflint_directive(std::string_view comment) {
  const std::string_view body = after_hash(comment);
  return body.size() >= 6 && iequals(body.substr(0, 6), "kflint") && (body.size() == 6 || body[6] == ':' || body[6] == ' ' || body[6] == '-');
}

SuppressionComment parse_suppression(std::string_view comment, ByteRange range, bool own_line) {
  SuppressionComment s;
  s.range = range;
  s.own_line = own_line;
  std::string_view body = after_hash(comment);
  if (const size_t reason = body.find(" --"); reason != std::string_view::npos) body = trim(body.substr(0, reason));
  const std::string_view prefix = "kflint:";
  if (body.substr(0, prefix.size()) != prefix) {
    s.error = "expected `# kflint: disable=KF301`";
    return s;
  }
  body = trim(body.substr(prefix.size()));
  const std::string_view verb = "disable";
  if (body.substr(0, verb.size()) != verb) {
    s.error = "unknown directive `" + std::string(body.substr(0, body.find_first_of(" =")).substr(0, 40)) +
              "`; the directive is `disable=`";
    return s;
  }
  body = trim(body.substr(verb.size()));
  if (body.empty() || body.front() != '=') {
    s.error = "expected `=` and rule ids after `disable`";
    return s;
  }
  body = trim(body.substr(1));
  std::string list(body);
  for (char& c : list)
    if (c == ' ') c = ',';
  for (const std::string& item : split(list, ',')) {
    const std::string_view t = trim(item);
    if (!t.empty()) s.items.emplace_back(t);
  }
  if (s.items.empty()) s.error = "no rule ids after `disable=`";
  return s;
}

}  // namespace kflint
