#include "core/json_syntax.h"

#include <cctype>

namespace kflint {
namespace {

struct Failed {
  JsonSyntaxError error;
};

class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}

  void document() {
    blanks();
    value(0);
    blanks();
    if (i_ < s_.size()) fail("after top-level value");
  }

 private:
  [[noreturn]] void fail(const char* context) {
    if (i_ >= s_.size()) throw Failed{{static_cast<uint32_t>(s_.size()), "unexpected end of JSON input"}};
    const unsigned char c = static_cast<unsigned char>(s_[i_]);
    std::string shown = c < 0x20 || c >= 0x80 ? "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15] : std::string(1, static_cast<char>(c));
    throw Failed{{static_cast<uint32_t>(i_), "invalid character '" + shown + "' " + context}};
  }
  void blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  void literal(std::string_view word) {
    for (char c : word)
      if (!eat(c)) fail("in literal (expecting a JSON value)");
  }
  void string() {
    ++i_;  // the opening quote
    for (;;) {
      if (i_ >= s_.size()) fail("in string literal");
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return void(++i_);
      if (c < 0x20) fail("in string literal");
      if (c != '\\') {
        ++i_;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) fail("in string escape code");
      const char e = s_[i_];
      if (e == 'u') {
        for (int k = 1; k <= 4; ++k)
          if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k]))) {
            i_ += k;
            fail("in \\u hexadecimal character escape");
          }
        i_ += 5;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        ++i_;
      } else {
        fail("in string escape code");
      }
    }
  }
  void digits(const char* context) {
    if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) fail(context);
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  void number() {
    eat('-');
    if (!eat('0')) digits("in numeric literal");
    if (eat('.')) digits("after decimal point in numeric literal");
    if (eat('e') || eat('E')) {
      if (!eat('+')) eat('-');
      digits("in exponent of numeric literal");
    }
  }
  void value(int depth) {
    if (depth > 10000) fail("exceeded max depth");
    if (i_ >= s_.size()) fail("looking for beginning of value");
    const char c = s_[i_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return string();
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return number();
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    fail("looking for beginning of value");
  }
  void object(int depth) {
    ++i_;
    blanks();
    if (eat('}')) return;
    for (;;) {
      blanks();
      if (i_ >= s_.size() || s_[i_] != '"') fail("looking for beginning of object key string");
      string();
      blanks();
      if (!eat(':')) fail("after object key");
      blanks();
      value(depth + 1);
      blanks();
      if (eat('}')) return;
      if (!eat(',')) fail("after object key:value pair");
    }
  }
  void array(int depth) {
    ++i_;
    blanks();
    if (eat(']')) return;
    for (;;) {
      blanks();
      value(depth + 1);
      blanks();
      if (eat(']')) return;
      if (!eat(',')) fail("after array element");
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

std::optional<JsonSyntaxError> json_syntax_error(std::string_view text) {
  try {
    Checker(text).document();
  } catch (const Failed& f) {
    return f.error;
  }
  return std::nullopt;
}

}  // namespace kflint
