#include "lsp/json_fast.h"

#include <cstring>
#include <vector>

#include "core/json_syntax.h"
#include "core/source_text.h"

namespace kflint::lsp {
namespace {

using json = nlohmann::json;

struct Frame {
  bool object = false;
  bool want_key = false;
  std::string key;
  size_t index = 0;
};

void put_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}


// The string whose opening quote is at `open`: its end (after the closing quote), and its value
// when `out` is given. npos when it is not a valid JSON string.
size_t read_string(const std::string& s, size_t open, std::string* out) {
  size_t i = open + 1;
  for (;;) {
    const char* base = s.data() + i;
    const size_t left = s.size() - i;
    const void* q = std::memchr(base, '"', left);
    const void* b = std::memchr(base, '\\', q ? static_cast<size_t>(static_cast<const char*>(q) - base) : left);
    if (!q) return std::string::npos;
    const size_t stop = static_cast<size_t>((b ? static_cast<const char*>(b) : static_cast<const char*>(q)) - s.data());
    const std::string_view raw(s.data() + i, stop - i);
    for (char c : raw)
      if (static_cast<unsigned char>(c) < 0x20) return std::string::npos;  // a raw control character
    if (out) out->append(raw);
    if (!b) return stop + 1;
    i = stop + 1;  // after the backslash
    if (i >= s.size()) return std::string::npos;
    const char e = s[i++];
    char plain = 0;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        int cp = hex4(s, i);
        if (cp < 0) return std::string::npos;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a pair, or a lone surrogate (which the ordinary parser refuses)
          const int low = i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u' ? hex4(s, i + 2) : -1;
          if (low < 0xDC00 || low > 0xDFFF) return std::string::npos;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return std::string::npos;
        }
        if (out) put_utf8(*out, static_cast<uint32_t>(cp));
        continue;
      }
      default: return std::string::npos;
    }
    if (out) *out += plain;
  }
}

std::string pointer_token(const std::string& key) {
  std::string t;
  for (char c : key) t += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  return t;
}

}  // namespace

json parse_message(const std::string& body, size_t threshold) {
  if (body.size() < threshold) return json::parse(body, nullptr, false);
  std::vector<Frame> stack;
  std::string small;  // the message with the large strings left empty
  std::vector<std::pair<std::string, std::string>> large;  // JSON pointer, value
  size_t copied = 0;
  for (size_t i = 0; i < body.size();) {
    const char c = body[i];
    if (c == '{' || c == '[') {
      stack.push_back({c == '{', c == '{', {}, 0});
      ++i;
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return json::parse(body, nullptr, false);
      stack.pop_back();
      ++i;
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object) stack.back().want_key = true;
        else ++stack.back().index;
      }
      ++i;
    } else if (c == '"') {
      const bool is_key = !stack.empty() && stack.back().object && stack.back().want_key;
      if (is_key) {
        std::string key;
        const size_t end = read_string(body, i, &key);
        if (end == std::string::npos) return json::parse(body, nullptr, false);
        stack.back().key = std::move(key);
        stack.back().want_key = false;
        i = end;
        continue;
      }
      const size_t end = read_string(body, i, nullptr);
      if (end == std::string::npos) return json::parse(body, nullptr, false);
      if (end - i - 2 >= threshold && !stack.empty()) {
        if (check_text_encoding(std::string_view(body).substr(i + 1, end - i - 2))) return json::parse(body, nullptr, false);
        std::string value;
        value.reserve(end - i - 2);
        read_string(body, i, &value);
        std::string pointer;
        for (const Frame& f : stack) pointer += "/" + (f.object ? pointer_token(f.key) : std::to_string(f.index));
        large.emplace_back(std::move(pointer), std::move(value));
        small.append(body, copied, i - copied);
        small += "\"\"";
        copied = end;
      }
      i = end;
    } else {
      ++i;  // blanks, ':', numbers, literals: the ordinary parser checks them
    }
  }
  if (large.empty()) return json::parse(body, nullptr, false);
  small.append(body, copied, std::string::npos);
  json message = json::parse(small, nullptr, false);
  if (message.is_discarded()) return message;
  for (auto& [pointer, value] : large) message[json::json_pointer(pointer)] = std::move(value);
  return message;
}

}  // namespace kflint::lsp
