#include "lsp/json_fast.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/byte_words.h"
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
  std::unordered_set<std::string> keys;  // of an object: a repeated key is left to the ordinary parser

  // False when the object already has `k` (the ordinary parser keeps the last value, and a large
  // string put back by its pointer would take the place of a later duplicate).
  bool add_key(std::string k) {
    key = k;
    return keys.insert(std::move(k)).second;
  }
};

// The UTF-8 bytes of `cp` into `out`; how many.
size_t utf8(uint32_t cp, char* out) {
  if (cp < 0x80) return out[0] = static_cast<char>(cp), 1;
  if (cp < 0x800) return out[0] = static_cast<char>(0xC0 | (cp >> 6)), out[1] = static_cast<char>(0x80 | (cp & 0x3F)), 2;
  if (cp < 0x10000)
    return out[0] = static_cast<char>(0xE0 | (cp >> 12)), out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
           out[2] = static_cast<char>(0x80 | (cp & 0x3F)), 3;
  out[0] = static_cast<char>(0xF0 | (cp >> 18)), out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Whether a byte below 0x20 is among the n at p, eight at a time.
bool has_control_character(const char* p, size_t n) {
  size_t k = 0;
  for (; k + 8 <= n; k += 8)
    if (words::any_below(words::load(p + k), 0x20)) return true;
  for (; k < n; ++k)
    if (static_cast<unsigned char>(p[k]) < 0x20) return true;
  return false;
}

// The string whose opening quote is at `open`: its end (after the closing quote), or npos when
// it is not a valid JSON string. Its value goes to `emit(bytes, n)` piece by piece, in order;
// each piece is emitted after its raw bytes were read, so a decoder may write over them.
template <class Emit>
size_t scan_string(std::string_view s, size_t open, Emit&& emit) {
  size_t i = open + 1;
  const char* const data = s.data();
  const char* quote = nullptr;  // the next '"' at or after i: found once and kept while it is ahead
  for (;;) {
    if (!quote || quote < data + i) {  // (a text with many escapes and few quotes must not be scanned again per escape)
      quote = static_cast<const char*>(std::memchr(data + i, '"', s.size() - i));
      if (!quote) return std::string::npos;
    }
    const char* b = static_cast<const char*>(std::memchr(data + i, '\\', static_cast<size_t>(quote - (data + i))));
    const size_t stop = static_cast<size_t>((b ? b : quote) - data);
    if (has_control_character(data + i, stop - i)) return std::string::npos;  // raw, which JSON does not allow
    emit(data + i, stop - i);
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
        char bytes[4];
        emit(bytes, utf8(static_cast<uint32_t>(cp), bytes));
        continue;
      }
      default: return std::string::npos;
    }
    emit(&plain, 1);
  }
}

size_t string_end(std::string_view s, size_t open) {
  return scan_string(s, open, [](const char*, size_t) {});
}

// The value of the (valid) string at `open`.
std::string string_value(std::string_view s, size_t open, size_t reserve = 0) {
  std::string out;
  out.reserve(reserve);
  scan_string(s, open, [&](const char* p, size_t n) { out.append(p, n); });
  return out;
}

// The value of the (valid) string at `open`, decoded in place: `body` becomes it. Unescaping
// only shortens, so each piece is written at or before where it was read; the bytes of a 30 MB
// didOpen are not copied to (and faulted into) a second buffer.
std::string take_string_value(std::string& body, size_t open) {
  size_t written = 0;
  char* const out = body.data();
  scan_string(body, open, [&](const char* p, size_t n) {
    std::memmove(out + written, p, n);
    written += n;
  });
  body.resize(written);
  return std::move(body);
}

std::string pointer_token(const std::string& key) {
  std::string t;
  for (char c : key) t += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  return t;
}

}  // namespace

json parse_message(std::string body, size_t threshold) {
  if (body.size() < threshold) return json::parse(body, nullptr, false);
  std::vector<Frame> stack;
  std::string small;  // the message with the large strings left empty
  struct Large {
    std::string pointer;  // JSON pointer
    size_t open, end;     // its quotes in body
  };
  std::vector<Large> large;
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
      // The message is complete. After it the ordinary parser accepts only blanks, and stops at
      // a NUL byte without reading further: nothing after it is scanned (its strings have no
      // place in the message).
      if (stack.empty()) break;
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object) stack.back().want_key = true;
        else ++stack.back().index;
      }
      ++i;
    } else if (c == '"') {
      const size_t end = string_end(body, i);
      if (end == std::string::npos) return json::parse(body, nullptr, false);
      if (!stack.empty() && stack.back().object && stack.back().want_key) {
        if (!stack.back().add_key(string_value(body, i))) return json::parse(body, nullptr, false);
        stack.back().want_key = false;
      } else if (end - i - 2 >= threshold && !stack.empty()) {
        if (check_text_encoding(std::string_view(body).substr(i + 1, end - i - 2))) return json::parse(body, nullptr, false);
        std::string pointer;
        for (const Frame& f : stack) pointer += "/" + (f.object ? pointer_token(f.key) : std::to_string(f.index));
        large.push_back({std::move(pointer), i, end});
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
  // Each large string must have left an empty string where the scan put it. It may not have: the
  // ordinary parser stops at a NUL byte after a complete value, so what follows is not read.
  try {
    for (const Large& l : large) {
      const json::json_pointer at(l.pointer);
      if (!message.contains(at) || message.at(at) != "") return json::parse(body, nullptr, false);
    }
  } catch (const json::exception&) {  // a token that is no array index there
    return json::parse(body, nullptr, false);
  }
  // The largest string takes the body's buffer (decoded in place, last: the others are read
  // from the body first); the others get their own.
  const size_t largest = static_cast<size_t>(
      std::max_element(large.begin(), large.end(), [](const Large& a, const Large& b) { return a.end - a.open < b.end - b.open; }) - large.begin());
  for (size_t k = 0; k < large.size(); ++k)
    if (k != largest) message[json::json_pointer(large[k].pointer)] = string_value(body, large[k].open, large[k].end - large[k].open);
  message[json::json_pointer(large[largest].pointer)] = take_string_value(body, large[largest].open);
  return message;
}

}  // namespace kflint::lsp
