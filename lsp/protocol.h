#pragma once
// LSP protocol types kflint uses, as JSON, with positions in the negotiated encoding.

#include <nlohmann/json.hpp>

#include <string>

#include "core/diagnostic.h"
#include "core/source_text.h"

namespace kflint::lsp {

using json = nlohmann::json;

namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error_code

struct Encoding {
  bool utf16 = true;  // false: utf-8 (byte columns)
};

json position_json(const SourceText& text, uint32_t offset, Encoding enc);
json range_json(const SourceText& text, ByteRange range, Encoding enc);
// Byte offset of an LSP position (clamped to the text); throws json::exception on a bad shape.
uint32_t offset_of(const SourceText& text, const json& position, Encoding enc);
ByteRange range_of(const SourceText& text, const json& range, Encoding enc);

json text_edit_json(const SourceText& text, const TextEdit& edit, Encoding enc);
json diagnostic_json(const SourceText& text, const std::string& uri, const Diagnostic& d, Encoding enc);

}  // namespace kflint::lsp
