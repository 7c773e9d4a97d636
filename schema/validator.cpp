// The one translation unit that includes valijson (and parses the embedded schemas).

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "schema/embedded.h"
#include "schema/schema.h"
#include "schema/schema_json.h"
#include "schema/value_tree_adapter.h"

namespace kflint::schema {
namespace {

struct CompiledSchema {
  valijson::Schema schema;
  nlohmann::json docs;
  bool docs_loaded = false;
};

CompiledSchema& compiled(std::string_view kind) {
  // Compiled on first use per kind, only when the pre-check is not sure (or docs are asked for).
  static std::once_flag tf_once, mx_once;
  static std::unique_ptr<CompiledSchema> tf, mx;
  const bool is_tf = kind == "TFJob";
  std::once_flag& once = is_tf ? tf_once : mx_once;
  std::unique_ptr<CompiledSchema>& slot = is_tf ? tf : mx;
  std::call_once(once, [&] {
    slot = std::make_unique<CompiledSchema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter adapter(schema_json(kind));
    parser.populateSchema(adapter, slot->schema);
  });
  return *slot;
}

// The schema node at a path of valijson context components ("[spec]", "[0]").
const nlohmann::json* schema_at(const nlohmann::json& root, const std::vector<std::string>& path) {
  const nlohmann::json* s = &root;
  for (const std::string& part : path) {
    if (!s->is_object()) return nullptr;
    if (s->contains("properties") && (*s)["properties"].contains(part)) {
      s = &(*s)["properties"][part];
    } else if (s->contains("items") && !part.empty() && std::isdigit(static_cast<unsigned char>(part[0]))) {
      s = &(*s)["items"];
    } else if (s->contains("additionalProperties") && (*s)["additionalProperties"].is_object()) {
      s = &(*s)["additionalProperties"];
    } else {
      return nullptr;
    }
  }
  return s;
}

std::string expected_type(const nlohmann::json* s) {
  if (!s || !s->contains("type")) return "another type";
  const nlohmann::json& t = (*s)["type"];
  if (t.is_string()) return t.get<std::string>() == "number" ? "number" : t.get<std::string>() == "object" ? "object (a map)" : t.get<std::string>() == "array" ? "array (a list)" : t.get<std::string>();
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) out += (i ? " or " : "") + t[i].get<std::string>();
  return out;
}

// Strip valijson's "[...]" wrapping of context components; drop "<root>".
std::vector<std::string> components(const std::vector<std::string>& context) {
  std::vector<std::string> out;
  for (const std::string& c : context) {
    if (c == "<root>") continue;
    if (c.size() >= 2 && c.front() == '[' && c.back() == ']') out.push_back(c.substr(1, c.size() - 2));
    else out.push_back(c);
  }
  return out;
}

// Resolves valijson's error paths to nodes. A map's keys are looked up through an index built
// once per map with many keys: one error per value of a 100,000-key map (every annotation null)
// would otherwise cost a scan of the map each, quadratic in the map's size.
class NodeFinder {
 public:
  explicit NodeFinder(const ValueTree& tree) : tree_(tree) {}

  NodeId at(NodeId root, const std::vector<std::string>& path) {
    NodeId id = root;
    for (const std::string& part : path) {
      if (tree_.is_map(id)) {
        id = child(id, part);
      } else if (tree_.is_seq(id)) {
        const size_t index = static_cast<size_t>(std::strtoull(part.c_str(), nullptr, 10));
        const auto& items = tree_.at(id).items;
        id = index < items.size() ? items[index] : kNoNode;
      } else {
        return kNoNode;
      }
      if (id == kNoNode) return kNoNode;
    }
    return id;
  }

 private:
  NodeId child(NodeId map, std::string_view key) {
    const auto& entries = tree_.at(map).entries;
    if (entries.size() <= 16) return tree_.get(map, key);
    auto [it, fresh] = index_.try_emplace(map);
    if (fresh)
      for (const MapEntry& e : entries) it->second.try_emplace(tree_.at(e.key).text, e.value);  // the first of repeated keys, as get()
    const auto found = it->second.find(key);
    return found == it->second.end() ? kNoNode : found->second;
  }

  const ValueTree& tree_;
  std::unordered_map<NodeId, std::unordered_map<std::string_view, NodeId>> index_;
};

// The name in the last quoted part of a valijson message ("... constraints: 'replica'.").
std::string last_quoted(const std::string& text) {
  const size_t b = text.rfind('\'');
  const size_t a = b == std::string::npos || b == 0 ? std::string::npos : text.rfind('\'', b - 1);
  return a != std::string::npos ? text.substr(a + 1, b - a - 1) : std::string();
}

}  // namespace

const nlohmann::json& schema_json(std::string_view kind) {
  // Parsed on first use per kind: start-up pays nothing for a kind it never sees.
  static std::once_flag tf_once, mx_once;
  static nlohmann::json tf, mx;
  const bool is_tf = kind == "TFJob";
  std::call_once(is_tf ? tf_once : mx_once,
                 [&] { (is_tf ? tf : mx) = nlohmann::json::parse(is_tf ? embedded::kTfjobSchema : embedded::kMxjobSchema); });
  return is_tf ? tf : mx;
}

std::vector<Finding> validate(const ValueTree& tree, NodeId root, std::string_view kind, bool use_precheck) {
  std::vector<Finding> findings;
  if (use_precheck && certainly_valid(tree, root, kind)) return findings;
  CompiledSchema& cs = compiled(kind);
  const nlohmann::json& json = schema_json(kind);
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  TreeAdapter target(TreeRef{&tree, root});
  if (validator.validate(cs.schema, target, &results)) return findings;
  valijson::ValidationResults::Error error;
  NodeFinder nodes(tree);
  while (results.popError(error)) {
    const std::vector<std::string> path = components(error.context);
    const NodeId node = nodes.at(root, path);
    if (node == kNoNode) continue;
    const std::string& d = error.description;
    Finding f;
    f.node = node;
    if (d.rfind("Object contains a property that could not be validated", 0) == 0) {
      // valijson names only the first unknown key of a map: report every one of them.
      if (!tree.is_map(node)) continue;
      const nlohmann::json* s = schema_at(json, path);
      if (!s || !s->contains("properties")) continue;
      std::vector<std::string> allowed;
      for (auto it = (*s)["properties"].begin(); it != (*s)["properties"].end(); ++it) allowed.push_back(it.key());
      for (const MapEntry& e : tree.at(node).entries) {
        const std::string& key = tree.at(e.key).text;
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        Finding u;
        u.type = FindingType::UnknownField;
        u.node = e.value;
        u.field = key;
        u.allowed = allowed;
        findings.push_back(std::move(u));
      }
      continue;
    } else if (d.rfind("Value type not permitted", 0) == 0) {
      f.type = FindingType::WrongType;
      f.expected = expected_type(schema_at(json, path));
    } else if (d.rfind("Missing required property", 0) == 0) {
      f.type = FindingType::MissingRequired;
      f.field = last_quoted(d);
    } else if (d.rfind("Expected number", 0) == 0) {
      f.type = FindingType::OutOfRange;
      f.detail = d.find("less") != std::string::npos ? "at most " : "at least ";
      const nlohmann::json* s = schema_at(json, path);
      const char* bound = d.find("less") != std::string::npos ? "maximum" : "minimum";
      f.detail += s && s->contains(bound) ? (*s)[bound].dump() : d.substr(d.rfind(' ') + 1);
    } else if (d.rfind("Failed to match against any enum", 0) == 0) {
      f.type = FindingType::NotAllowed;
      if (const nlohmann::json* s = schema_at(json, path); s && s->contains("enum"))
        for (const auto& v : (*s)["enum"]) f.allowed.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    } else {
      continue;  // wrappers such as "Failed to validate item #0 in array."
    }
    findings.push_back(std::move(f));
  }
  return findings;
}

std::string schema_source(std::string_view kind) {
  return schema_json(kind).value("x-kflint-source", std::string());
}

FieldDoc field_doc(std::string_view kind, std::string_view path) {
  CompiledSchema& cs = compiled(kind);
  static std::mutex docs_mutex;
  std::lock_guard<std::mutex> lock(docs_mutex);
  if (!cs.docs_loaded) {
    cs.docs = nlohmann::json::parse(kind == "TFJob" ? embedded::kTfjobDocs : embedded::kMxjobDocs);
    cs.docs_loaded = true;
  }
  auto it = cs.docs.find(std::string(path));
  if (it == cs.docs.end()) return {};
  return {it->value("type", ""), it->value("description", "")};
}

bool required_field(std::string_view kind, const std::vector<std::string>& parent, std::string_view field) {
  const nlohmann::json* s = schema_at(schema_json(kind), parent);
  if (!s || !s->contains("required") || !(*s)["required"].is_array()) return false;
  for (const nlohmann::json& r : (*s)["required"])
    if (r.is_string() && r.get<std::string>() == field) return true;
  return false;
}

std::vector<std::string> allowed_fields(std::string_view kind, const std::vector<std::string>& path) {
  std::vector<std::string> out;
  const nlohmann::json* s = schema_at(schema_json(kind), path);
  if (s && s->contains("properties"))
    for (auto it = (*s)["properties"].begin(); it != (*s)["properties"].end(); ++it) out.push_back(it.key());
  return out;
}

}  // namespace kflint::schema
