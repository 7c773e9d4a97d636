#pragma once
// LSP base protocol framing: `Content-Length: N\r\n\r\n<N bytes of JSON>`. Bytes come from an
// injected read function, so tests can feed short reads, several messages per read, split
// headers, lying lengths and EOF.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace kflint::lsp {

// A documented cap: messages above it are discarded (with an error) instead of buffered.
inline constexpr size_t kMaxMessageBytes = 64u << 20;

class Transport {
 public:
  // read(buffer, capacity) returns bytes read, 0 at EOF, <0 on error. `wait` blocks until input
  // is available or `timeout_ms` passes (returns false on timeout); -1 waits forever.
  using ReadFn = std::function<long(char*, size_t)>;
  using PollFn = std::function<bool(int timeout_ms)>;
  using WriteFn = std::function<void(const std::string&)>;

  Transport(ReadFn read, PollFn poll, WriteFn write) : read_(std::move(read)), poll_(std::move(poll)), write_(std::move(write)) {}

  struct Message {
    std::string body;   // the JSON text
    std::string error;  // non-empty: a framing problem to report (the body is empty)
    // When its first byte was read and when it was complete: how long a large message took to
    // arrive (the editor's trace reports it, apart from the server's own work).
    std::chrono::steady_clock::time_point first_byte, complete;
  };
  // The next message; blocks when `block` is true and nothing is buffered; nullopt at EOF (or,
  // when not blocking, when no complete message is available yet).
  std::optional<Message> next(bool block);
  bool eof() const { return eof_; }
  void send(const std::string& json);

 private:
  bool fill(bool block);
  std::optional<Message> parse_buffered();
  ReadFn read_;
  PollFn poll_;
  WriteFn write_;
  std::string buffer_;
  bool discarding_ = false;  // after a bad frame: drop bytes up to the next `Content-Length:` line
  bool eof_ = false;
  size_t awaiting_ = 0;  // bytes of buffer the message being received needs (header and announced body)
  std::chrono::steady_clock::time_point first_byte_;  // when the message at the start of buffer_ began to arrive
};

// Transport over file descriptors (stdin/stdout of `kflint lsp`).
Transport fd_transport(int in_fd, int out_fd);

}  // namespace kflint::lsp
