#pragma once
// LSP base protocol framing: `Content-Length: N\r\n\r\n<N bytes of JSON>`. Bytes come from an
// injected read function, so tests can feed short reads, several messages per read, split
// headers, lying lengths and EOF.

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
};

// Transport over file descriptors (stdin/stdout of `kflint lsp`).
Transport fd_transport(int in_fd, int out_fd);

}  // namespace kflint::lsp
