#include "lsp/transport.h"

#include <algorithm>
#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string_view>
#include <cstring>

#include "core/huge_pages.h"

namespace kflint::lsp {

bool Transport::fill(bool block) {
  if (eof_) return false;
  if (!block && !poll_(0)) return false;
  // A large message on its way (a didOpen of a 30 MB file): room for all of it at once, instead of
  // doubling the buffer and copying (and faulting in) its bytes again at every step. Only once a
  // megabyte of it has arrived, so that a header announcing a large body costs nothing by itself.
  if (awaiting_ > buffer_.capacity() && buffer_.size() >= (1u << 20)) {
    buffer_.reserve(awaiting_);
    prefer_huge_pages(buffer_.data() + buffer_.size(), buffer_.capacity() - buffer_.size());
  }
  char chunk[65536];
  const long n = read_(chunk, sizeof chunk);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  if (buffer_.empty()) first_byte_ = std::chrono::steady_clock::now();
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// Where the next `Content-Length:` header starts, at or after `from` (an oversized body is
// followed directly by the next header, with no line break between them).
size_t find_header(std::string_view buffer, size_t from) {
  for (size_t i = from; i < buffer.size(); ++i) {
    if ((buffer[i] == 'C' || buffer[i] == 'c') && starts_with_ci(buffer.substr(i), "content-length:")) return i;
  }
  return std::string_view::npos;
}

// A header block starts with `Name:` (letters, digits, dashes); anything else is noise.
bool looks_like_header(std::string_view buffer) {
  size_t i = 0;
  while (i < buffer.size() && (std::isalnum(static_cast<unsigned char>(buffer[i])) || buffer[i] == '-')) ++i;
  return i == buffer.size() || (i > 0 && buffer[i] == ':');
}

}  // namespace

// Frames are read strictly, but after anything wrong (noise, a missing or absurd
// Content-Length, an oversized body) the reader drops bytes only up to the next
// `Content-Length:`, so one bad message never costs the ones after it. LF-only header lines are
// accepted, as several clients send them.
std::optional<Transport::Message> Transport::parse_buffered() {
  awaiting_ = 0;
  if (discarding_) {
    const size_t next = find_header(buffer_, 0);
    if (next == std::string::npos) {
      buffer_.erase(0, buffer_.size() > 16 ? buffer_.size() - 16 : 0);  // keep a possibly split header
      return std::nullopt;
    }
    buffer_.erase(0, next);
    discarding_ = false;
  }
  const size_t lead = buffer_.find_first_not_of("\r\n");
  if (lead == std::string::npos) {
    buffer_.clear();
    return std::nullopt;
  }
  buffer_.erase(0, lead);
  if (!looks_like_header(buffer_)) {
    const size_t next = find_header(buffer_, 1);
    const size_t dropped = next == std::string::npos ? buffer_.size() : next;
    buffer_.erase(0, dropped);
    if (next == std::string::npos) discarding_ = true;
    return Message{"", "skipped " + std::to_string(dropped) + " bytes that are not an LSP header"};
  }
  // The header ends at the first empty line (CRLF or LF).
  size_t header_end = std::string::npos, body = 0;
  for (size_t eol = buffer_.find('\n'); eol != std::string::npos; eol = buffer_.find('\n', eol + 1)) {
    const size_t next = eol + 1;
    if (next < buffer_.size() && buffer_[next] == '\n') header_end = eol, body = next + 1;
    else if (next + 1 < buffer_.size() && buffer_[next] == '\r' && buffer_[next + 1] == '\n') header_end = eol, body = next + 2;
    if (header_end != std::string::npos) break;
  }
  if (header_end == std::string::npos) {
    if (buffer_.size() > 65536) {  // no end of header in 64 KiB: noise
      discarding_ = true;
      buffer_.erase(0, 1);
      return Message{"", "malformed header: no blank line after 64 KiB"};
    }
    return std::nullopt;
  }
  long long length = -1;
  for (size_t pos = 0; pos < header_end;) {
    size_t eol = buffer_.find('\n', pos);
    if (eol == std::string::npos || eol > header_end) eol = header_end;
    std::string_view line = std::string_view(buffer_).substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (starts_with_ci(line, "content-length:")) {
      const std::string value(line.substr(15));
      const size_t digits = value.find_first_of("0123456789");
      char* end = nullptr;
      errno = 0;
      const long long v = digits == std::string::npos ? -1 : std::strtoll(value.c_str(), &end, 10);
      const bool clean = digits != std::string::npos && value.find_first_not_of(" \t0123456789") == std::string::npos;
      length = !clean || v < 0 ? -2 : errno == ERANGE ? LLONG_MAX : v;
    }
    pos = eol + 1;
  }
  if (length < 0) {
    buffer_.erase(0, body);
    return Message{"", length == -1 ? "missing Content-Length header" : "invalid Content-Length header"};
  }
  if (static_cast<unsigned long long>(length) > kMaxMessageBytes) {
    buffer_.erase(0, body);
    discarding_ = true;  // the body (or what the client really sent) up to the next header
    return Message{"", "message of " + std::to_string(length) + " bytes exceeds the limit of " + std::to_string(kMaxMessageBytes)};
  }
  if (buffer_.size() - body < static_cast<size_t>(length)) {
    awaiting_ = body + static_cast<size_t>(length);  // fill() makes room for it once the body is really arriving
    return std::nullopt;
  }
  if (buffer_.size() == body + static_cast<size_t>(length)) {  // the whole buffer: move it, do not copy it
    Message m{std::move(buffer_), "", first_byte_, std::chrono::steady_clock::now()};
    buffer_ = std::string();
    m.body.erase(0, body);
    return m;
  }
  Message m{buffer_.substr(body, static_cast<size_t>(length)), "", first_byte_, std::chrono::steady_clock::now()};
  buffer_.erase(0, body + static_cast<size_t>(length));
  first_byte_ = m.complete;  // the next message's first bytes came with this one's last
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
