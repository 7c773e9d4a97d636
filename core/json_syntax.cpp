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

int hex4(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = s[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

void json_escapes_for_yaml_cpp(std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  bool in_string = false;
  size_t saved = 0;  // bytes freed inside the current string, given back after its closing quote
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      else if (c == '\t') text[i] = ' ';  // JSON whitespace; yaml-cpp refuses a tab that starts a line
      continue;
    }
    if (c == '"') {
      in_string = false;
      if (saved) {  // shift the freed bytes to just after the quote, as blanks
        text.insert(i + 1, std::string(saved, ' '));
        saved = 0;
      }
      continue;
    }
    if (c != '\\' || i + 1 >= text.size()) continue;
    if (text[i + 1] != 'u') {
      ++i;
      continue;
    }
    const int high = hex4(text, i + 2);
    if (high < 0xD800 || high > 0xDFFF) {
      i += 5;
      continue;
    }
    const int low = high <= 0xDBFF && text.compare(i + 6, 2, "\\u") == 0 ? hex4(text, i + 8) : -1;
    if (low >= 0xDC00 && low <= 0xDFFF) {
      const uint32_t cp = 0x10000u + ((static_cast<uint32_t>(high) - 0xD800u) << 10) + (static_cast<uint32_t>(low) - 0xDC00u);
      std::string escape = "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) escape += kHex[(cp >> shift) & 0xF];
      text.replace(i, 12, escape);  // 12 bytes become 10
      saved += 2;
      i += escape.size() - 1;
    } else {
      text.replace(i, 6, "\\uFFFD");
      i += 5;
    }
  }
}

std::optional<JsonSyntaxError> json_syntax_error(std::string_view text) {
  try {
    Checker(text).document();
  } catch (const Failed& f) {
    return f.error;
  }
  return std::nullopt;
}

}  // namespace kflint
