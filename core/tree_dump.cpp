#include "core/tree_dump.h"

namespace kflint {

std::string dump_document(const Document& doc) {
  const ValueTree& t = doc.values;
  std::string out = "root " + (t.root == kNoNode ? std::string("none") : std::to_string(t.root)) + "\n";
  for (NodeId id = 0; id < t.size(); ++id) {
    const Node& n = t.at(id);
    out += std::to_string(id) + " " + kind_name(n.kind) + " style" + std::to_string(static_cast<int>(n.style)) + " @" +
           std::to_string(n.start) + " parent " + (n.parent == kNoNode ? std::string("-") : std::to_string(n.parent)) + "/" +
           std::to_string(n.index_in_parent) + " [" + n.text + "]";
    switch (n.kind) {
      case Kind::Bool: out += n.bool_value ? " true" : " false"; break;
      case Kind::Int: out += " " + std::to_string(n.int_value) + (n.big_int ? " big" : ""); break;
      case Kind::Float: out += " " + std::to_string(n.float_value); break;
      default: break;
    }
    for (const MapEntry& e : n.entries) out += " " + std::to_string(e.key) + ":" + std::to_string(e.value);
    for (NodeId item : n.items) out += " " + std::to_string(item);
    out += "\n";
  }
  for (const DuplicateKey& d : doc.duplicates) out += "duplicate " + std::to_string(d.first_key) + " " + std::to_string(d.second_key) + "\n";
  if (doc.syntax_error) out += "syntax error @" + std::to_string(doc.syntax_error->offset) + "\n";
  if (doc.limit_error) out += "limit @" + std::to_string(doc.limit_error->offset) + " " + doc.limit_error->message + "\n";
  return out;
}

}  // namespace kflint
