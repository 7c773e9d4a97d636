#pragma once
// Editor features over one open document. Each takes the document and the request's params and
// returns the LSP result as JSON.

#include "lsp/documents.h"
#include "lsp/protocol.h"

namespace kflint::lsp {

json code_actions(const OpenDocument& doc, Encoding enc, const json& params);
json hover(const OpenDocument& doc, Encoding enc, uint32_t offset);
json completion(const OpenDocument& doc, Encoding enc, uint32_t offset);
json document_symbols(const OpenDocument& doc, Encoding enc);
json folding_ranges(const OpenDocument& doc);

}  // namespace kflint::lsp
