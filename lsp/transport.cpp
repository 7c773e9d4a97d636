#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kflint::lsp {

bool Transport::fill(bool block) {
  if (eof_) return false;
  if (!block && !poll_(0)) return false;
  char chunk[65536];
  const long n = read_(chunk, sizeof chunk);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  size_t start = 0;
  if (skip_ > 0) {  // dropping the body of an oversized message
    start = std::min<size_t>(skip_, static_cast<size_t>(n));
    skip_ -= start;
  }
  buffer_.append(chunk + start, static_cast<size_t>(n) - start);
  return true;
}

std::optional<Transport::Message> Transport::parse_buffered() {
  const size_t header_end = buffer_.find("\r\n\r\n");
  if (header_end == std::string::npos) {
    if (buffer_.size() > 65536) {  // no header terminator in 64 KiB: garbage, drop it
      buffer_.clear();
      return Message{"", "malformed header: no blank line after 64 KiB"};
    }
    return std::nullopt;
  }
  long long length = -1;
  size_t pos = 0;
  while (pos < header_end) {
    size_t eol = buffer_.find("\r\n", pos);
    if (eol == std::string::npos || eol > header_end) eol = header_end;
    const std::string line = buffer_.substr(pos, eol - pos);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == "content-length") {
        const std::string value = line.substr(colon + 1);
        char* end = nullptr;
        const long long v = std::strtoll(value.c_str(), &end, 10);
        const bool digits = value.find_first_of("0123456789") != std::string::npos;
        length = digits && v >= 0 ? v : -2;
      }
    }
    pos = eol + 2;
  }
  if (length < 0) {
    buffer_.erase(0, header_end + 4);
    return Message{"", length == -1 ? "missing Content-Length header" : "invalid Content-Length header"};
  }
  if (static_cast<size_t>(length) > kMaxMessageBytes) {
    const size_t available = buffer_.size() - (header_end + 4);
    const size_t drop = std::min<size_t>(available, static_cast<size_t>(length));
    buffer_.erase(0, header_end + 4 + drop);
    skip_ = static_cast<size_t>(length) - drop;
    return Message{"", "message of " + std::to_string(length) + " bytes exceeds the limit of " + std::to_string(kMaxMessageBytes)};
  }
  if (buffer_.size() - (header_end + 4) < static_cast<size_t>(length)) return std::nullopt;
  Message m{buffer_.substr(header_end + 4, static_cast<size_t>(length)), ""};
  buffer_.erase(0, header_end + 4 + static_cast<size_t>(length));
  return m;
}

std::optional<Transport::Message> Transport::next(bool block) {
  for (;;) {
    if (auto m = parse_buffered()) return m;
    if (!fill(block)) {
      if (eof_ && !buffer_.empty() && buffer_.find_first_not_of(" \r\n\t") != std::string::npos) {
        buffer_.clear();
        return Message{"", "end of input in the middle of a message"};
      }
      return std::nullopt;
    }
  }
}

void Transport::send(const std::string& json) { write_("Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json); }

Transport fd_transport(int in_fd, int out_fd) {
  return Transport(
      [in_fd](char* buf, size_t cap) -> long {
        for (;;) {
          const ssize_t n = ::read(in_fd, buf, cap);
          if (n < 0 && errno == EINTR) continue;
          return static_cast<long>(n);
        }
      },
      [in_fd](int timeout_ms) {
        pollfd p{in_fd, POLLIN, 0};
        return ::poll(&p, 1, timeout_ms) > 0;
      },
      [out_fd](const std::string& data) {
        size_t done = 0;
        while (done < data.size()) {
          const ssize_t n = ::write(out_fd, data.data() + done, data.size() - done);
          if (n < 0 && errno == EINTR) continue;
          if (n <= 0) return;  // the client is gone; the read side will see EOF
          done += static_cast<size_t>(n);
        }
      });
}

}  // namespace kflint::lsp

#include <csignal>

#include "lsp/run.h"
#include "lsp/server.h"

namespace kflint::lsp {

int run_stdio_server() {
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away must not kill us mid-write
  Transport transport = fd_transport(0, 1);
  Server server(transport);
  return server.run();
}

}  // namespace kflint::lsp
