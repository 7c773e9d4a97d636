#pragma once
namespace kflint::lsp {
// `kflint lsp`: serves the Language Server Protocol over stdin/stdout until `exit`.
int run_stdio_server();
}  // namespace kflint::lsp
