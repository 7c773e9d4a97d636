#pragma once
// Reading a JSON-RPC message whose strings are large (a didOpen of a 30 MB file): nlohmann's
// lexer appends a string byte by byte, which made reading the message take several times longer
// than linting the file. Strings longer than `threshold` bytes are unescaped here in one pass
// (memchr to the next quote or backslash) and the rest of the message is parsed as usual.

#include <nlohmann/json.hpp>

#include <string>

namespace kflint::lsp {

// The message, or a discarded value when the text is not valid JSON (the caller then parses it
// the ordinary way, which says why). Equal to json::parse(body) for every valid message. The
// largest string is decoded in place and takes the body's buffer (pass an rvalue to avoid a copy).
nlohmann::json parse_message(std::string body, size_t threshold = 1u << 16);

}  // namespace kflint::lsp
