// `kflint lsp`: the server over standard input and output. Start-up lives here, apart from the
// transport (framing) and the server (dispatch), so each can be tested without the other.
#include "lsp/run.h"

#include <csignal>

#include "lsp/server.h"
#include "lsp/transport.h"

namespace kflint::lsp {

int run_stdio_server() {
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away must not kill us mid-write
  Transport transport = fd_transport(0, 1);
  Server server(transport);
  return server.run();
}

}  // namespace kflint::lsp
