#pragma once
// valijson adapter over kflint's ValueTree, with strong types: an integer is an integer, a YAML
// 1.1 `yes` is a boolean. (valijson's bundled yaml-cpp adapter reports every scalar as a string.)
// Included only by schema/validator.cpp, the one translation unit that includes valijson.

#include <valijson/internal/optional.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

#include <cmath>
#include <string>
#include <utility>

#include "core/value.h"

namespace kflint::schema {

class TreeAdapter;
class TreeArrayIterator;
class TreeMemberIterator;
using TreeMember = std::pair<std::string, TreeAdapter>;

// A reference to one node of a tree (the tree outlives every adapter).
struct TreeRef {
  const ValueTree* tree = nullptr;
  NodeId id = kNoNode;
  const Node* node() const { return tree && id != kNoNode ? &tree->at(id) : nullptr; }
};

class TreeArray {
 public:
  using const_iterator = TreeArrayIterator;
  using iterator = TreeArrayIterator;
  TreeArray() = default;
  explicit TreeArray(TreeRef ref) : ref_(ref) {}
  TreeArrayIterator begin() const;
  TreeArrayIterator end() const;
  size_t size() const { return ref_.node() ? ref_.node()->items.size() : 0; }

 private:
  TreeRef ref_;
};

class TreeObject {
 public:
  using const_iterator = TreeMemberIterator;
  using iterator = TreeMemberIterator;
  TreeObject() = default;
  explicit TreeObject(TreeRef ref) : ref_(ref) {}
  TreeMemberIterator begin() const;
  TreeMemberIterator end() const;
  TreeMemberIterator find(const std::string& name) const;
  size_t size() const { return ref_.node() ? ref_.node()->entries.size() : 0; }

 private:
  TreeRef ref_;
};

class TreeValue {
 public:
  TreeValue() = default;
  explicit TreeValue(TreeRef ref) : ref_(ref) {}

  valijson::adapters::FrozenValue* freeze() const;

  opt::optional<TreeArray> getArrayOptional() const {
    if (isArray()) return TreeArray(ref_);
    return {};
  }
  bool getArraySize(size_t& result) const {
    if (!isArray()) return false;
    result = ref_.node()->items.size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool()) return false;
    result = ref_.node()->bool_value;
    return true;
  }
  bool getDouble(double& result) const {
    if (!isDouble()) return false;
    result = ref_.node()->float_value;
    return true;
  }
  bool getInteger(int64_t& result) const {
    if (!isInteger()) return false;
    result = ref_.node()->int_value;
    return true;
  }
  opt::optional<TreeObject> getObjectOptional() const {
    if (isObject()) return TreeObject(ref_);
    return {};
  }
  bool getObjectSize(size_t& result) const {
    if (!isObject()) return false;
    result = ref_.node()->entries.size();
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) return false;
    result = ref_.node()->text;
    return true;
  }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return is(Kind::Seq); }
  bool isBool() const { return is(Kind::Bool); }
  // JSON has no integral floats: sigs.k8s.io/yaml sends `1.0` as 1, so it is an integer here too.
  bool isDouble() const { return is(Kind::Float) && !integral_float(); }
  bool isInteger() const { return is(Kind::Int) || integral_float(); }
  bool isNull() const { return !ref_.node() || is(Kind::Null); }
  bool isNumber() const { return is(Kind::Int) || is(Kind::Float); }
  bool isObject() const { return is(Kind::Map); }
  bool isString() const { return is(Kind::String); }

 private:
  bool is(Kind k) const { return ref_.node() && ref_.node()->kind == k; }
  bool integral_float() const {
    const Node* n = ref_.node();
    return n && n->kind == Kind::Float && std::isfinite(n->float_value) && std::floor(n->float_value) == n->float_value &&
           std::fabs(n->float_value) < 9.2e18;
  }
  TreeRef ref_;
};

class TreeAdapter : public valijson::adapters::BasicAdapter<TreeAdapter, TreeArray, TreeMember, TreeObject, TreeValue> {
 public:
  explicit TreeAdapter(TreeRef ref) : BasicAdapter(TreeValue(ref)) {}
};

class TreeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit TreeFrozenValue(TreeRef ref) : ref_(ref) {}
  FrozenValue* clone() const override { return new TreeFrozenValue(ref_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override {
    return TreeAdapter(ref_).equalTo(other, strict);
  }

 private:
  TreeRef ref_;
};

inline valijson::adapters::FrozenValue* TreeValue::freeze() const { return new TreeFrozenValue(ref_); }

class TreeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = TreeAdapter;
  using difference_type = TreeAdapter;
  using pointer = TreeAdapter*;
  using reference = TreeAdapter&;
  TreeArrayIterator(TreeRef array, size_t index) : array_(array), index_(index) {}
  TreeAdapter operator*() const { return TreeAdapter(TreeRef{array_.tree, array_.node()->items[index_]}); }
  valijson::adapters::DerefProxy<TreeAdapter> operator->() const { return valijson::adapters::DerefProxy<TreeAdapter>(**this); }
  bool operator==(const TreeArrayIterator& o) const { return index_ == o.index_; }
  bool operator!=(const TreeArrayIterator& o) const { return index_ != o.index_; }
  const TreeArrayIterator& operator++() { ++index_; return *this; }
  TreeArrayIterator operator++(int) { TreeArrayIterator pre = *this; ++index_; return pre; }
  const TreeArrayIterator& operator--() { --index_; return *this; }
  void advance(std::ptrdiff_t n) { index_ = static_cast<size_t>(static_cast<std::ptrdiff_t>(index_) + n); }

 private:
  TreeRef array_;
  size_t index_;
};

class TreeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = TreeMember;
  using difference_type = TreeMember;
  using pointer = TreeMember*;
  using reference = TreeMember&;
  TreeMemberIterator(TreeRef object, size_t index) : object_(object), index_(index) {}
  TreeMember operator*() const {
    const MapEntry& e = object_.node()->entries[index_];
    return TreeMember(object_.tree->at(e.key).text, TreeAdapter(TreeRef{object_.tree, e.value}));
  }
  valijson::adapters::DerefProxy<TreeMember> operator->() const { return valijson::adapters::DerefProxy<TreeMember>(**this); }
  bool operator==(const TreeMemberIterator& o) const { return index_ == o.index_; }
  bool operator!=(const TreeMemberIterator& o) const { return index_ != o.index_; }
  const TreeMemberIterator& operator++() { ++index_; return *this; }
  TreeMemberIterator operator++(int) { TreeMemberIterator pre = *this; ++index_; return pre; }
  const TreeMemberIterator& operator--() { --index_; return *this; }

 private:
  TreeRef object_;
  size_t index_;
};

inline TreeArrayIterator TreeArray::begin() const { return TreeArrayIterator(ref_, 0); }
inline TreeArrayIterator TreeArray::end() const { return TreeArrayIterator(ref_, size()); }
inline TreeMemberIterator TreeObject::begin() const { return TreeMemberIterator(ref_, 0); }
inline TreeMemberIterator TreeObject::end() const { return TreeMemberIterator(ref_, size()); }
inline TreeMemberIterator TreeObject::find(const std::string& name) const {
  const Node* n = ref_.node();
  if (n)
    for (size_t i = 0; i < n->entries.size(); ++i)
      if (ref_.tree->at(n->entries[i].key).text == name) return TreeMemberIterator(ref_, i);
  return end();
}

}  // namespace kflint::schema

namespace valijson::adapters {
template <>
struct AdapterTraits<kflint::schema::TreeAdapter> {
  using DocumentType = kflint::ValueTree;
  static std::string adapterName() { return "KflintTreeAdapter"; }
};
}  // namespace valijson::adapters
