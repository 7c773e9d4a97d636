// The schema pre-check: most documents are valid, and valijson spends ~1 million instructions
// per job (plus ~21 million once per kind to compile the schema) to say nothing. This walks the
// tree against a compact form of the same schema, for the few keywords our derived schemas use
// (type, properties, additionalProperties, items, required, minimum, maximum). It only ever
// answers "certainly valid" or "not sure": anything it does not model exactly (an unknown
// keyword, a float where an integer is expected, a big integer, a non-string key, ...) is "not
// sure", and valijson decides. tests/schema_precheck_test.cpp and the yaml_values fuzzer check
// that "certainly valid" always means valijson finds nothing.

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "schema/schema.h"
#include "schema/schema_json.h"

namespace kflint::schema {
namespace {

enum TypeBit : uint8_t { kNull = 1, kBool = 2, kInt = 4, kNumber = 8, kString = 16, kObject = 32, kArray = 64 };

struct Sub {
  bool opaque = false;   // uses a keyword the pre-check does not model: never "certainly valid"
  uint8_t types = 0;     // allowed types; 0 = any
  bool closed = false;   // additionalProperties: false
  int32_t additional = -1;  // schema of other properties
  int32_t items = -1;
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  std::vector<std::pair<std::string, int32_t>> properties;  // sorted by name
  std::vector<std::string> required;
};

class Compact {
 public:
  explicit Compact(const nlohmann::json& schema) { root_ = add(schema); }

  bool valid(const ValueTree& tree, NodeId id) const { return check(root_, tree, id); }

 private:
  int32_t add(const nlohmann::json& s) {
    const auto index = static_cast<int32_t>(subs_.size());
    subs_.emplace_back();
    Sub out;
    if (!s.is_object()) {
      out.opaque = true;
      subs_[index] = std::move(out);
      return index;
    }
    for (auto it = s.begin(); it != s.end(); ++it) {
      const std::string& k = it.key();
      const nlohmann::json& v = it.value();
      if (k == "type") {
        if (v.is_string()) out.types |= type_bit(v.get<std::string>(), out.opaque);
        else if (v.is_array()) for (const auto& t : v) out.types |= t.is_string() ? type_bit(t.get<std::string>(), out.opaque) : 0;
        else out.opaque = true;
      } else if (k == "properties" && v.is_object()) {
        for (auto p = v.begin(); p != v.end(); ++p) out.properties.emplace_back(p.key(), add(p.value()));
        std::sort(out.properties.begin(), out.properties.end());
      } else if (k == "additionalProperties") {
        if (v.is_boolean()) out.closed = !v.get<bool>();
        else out.additional = add(v);
      } else if (k == "items" && v.is_object()) {
        out.items = add(v);
      } else if (k == "required" && v.is_array()) {
        for (const auto& r : v) r.is_string() ? out.required.push_back(r.get<std::string>()) : void(out.opaque = true);
      } else if ((k == "minimum" || k == "maximum") && v.is_number()) {
        (k == "minimum" ? out.has_min : out.has_max) = true;
        (k == "minimum" ? out.min : out.max) = v.get<double>();
      } else if (k == "$schema" || k == "description" || k.rfind("x-kflint", 0) == 0) {
        // annotations: no effect on validity
      } else {
        out.opaque = true;
      }
    }
    subs_[index] = std::move(out);
    return index;
  }

  static uint8_t type_bit(const std::string& t, bool& opaque) {
    if (t == "null") return kNull;
    if (t == "boolean") return kBool;
    if (t == "integer") return kInt;
    if (t == "number") return kNumber;
    if (t == "string") return kString;
    if (t == "object") return kObject;
    if (t == "array") return kArray;
    opaque = true;
    return 0;
  }

  bool check(int32_t index, const ValueTree& tree, NodeId id) const {
    const Sub& s = subs_[static_cast<size_t>(index)];
    if (s.opaque) return false;
    const Node& n = tree.at(id);
    if (s.types != 0) {
      uint8_t bits = 0;
      switch (n.kind) {
        case Kind::Null: bits = kNull; break;
        case Kind::Bool: bits = kBool; break;
        case Kind::Int: bits = n.big_int ? 0 : kInt | kNumber; break;
        case Kind::Float: bits = kNumber; break;  // an integral float may count as an integer: valijson decides
        case Kind::String: bits = kString; break;
        case Kind::Map: bits = kObject; break;
        case Kind::Seq: bits = kArray; break;
      }
      if ((bits & s.types) == 0) return false;
    }
    if ((s.has_min || s.has_max) && (n.kind == Kind::Int || n.kind == Kind::Float)) {
      if (n.big_int || (n.kind == Kind::Int && std::llabs(n.int_value) > (int64_t{1} << 53))) return false;
      const double v = n.kind == Kind::Int ? static_cast<double>(n.int_value) : n.float_value;
      if (!std::isfinite(v) || (s.has_min && v < s.min) || (s.has_max && v > s.max)) return false;
    }
    if (n.kind == Kind::Map) {
      for (const std::string& r : s.required)
        if (tree.get(id, r) == kNoNode) return false;
      for (const MapEntry& e : n.entries) {
        const Node& key = tree.at(e.key);
        if (key.kind != Kind::String) return false;  // how a non-string key is named: valijson decides
        auto it = std::lower_bound(s.properties.begin(), s.properties.end(), key.text,
                                   [](const auto& p, const std::string& name) { return p.first < name; });
        if (it != s.properties.end() && it->first == key.text) {
          if (!check(it->second, tree, e.value)) return false;
        } else if (s.closed) {
          return false;
        } else if (s.additional >= 0 && !check(s.additional, tree, e.value)) {
          return false;
        }
      }
    } else if (n.kind == Kind::Seq && s.items >= 0) {
      for (NodeId item : n.items)
        if (!check(s.items, tree, item)) return false;
    }
    return true;
  }

  std::vector<Sub> subs_;
  int32_t root_ = -1;
};

const Compact& compact(std::string_view kind) {
  static std::once_flag tf_once, mx_once;
  static std::unique_ptr<Compact> tf, mx;
  const bool is_tf = kind == "TFJob";
  std::call_once(is_tf ? tf_once : mx_once, [&] {
    (is_tf ? tf : mx) = std::make_unique<Compact>(schema_json(kind));
  });
  return is_tf ? *tf : *mx;
}

}  // namespace

bool certainly_valid(const ValueTree& tree, NodeId root, std::string_view kind) {
  if (root == kNoNode || root >= tree.size()) return false;
  return compact(kind).valid(tree, root);
}

}  // namespace kflint::schema
