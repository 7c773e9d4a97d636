#include "core/fix_apply.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kflint {

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits, size_t* skipped) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.start < b.range.start; });
  std::string out;
  out.reserve(text.size());
  size_t pos = 0, skip = 0;
  for (const TextEdit& e : edits) {
    if (e.range.start < pos || e.range.end < e.range.start || e.range.end > text.size()) {
      ++skip;
      continue;
    }
    out.append(text.substr(pos, e.range.start - pos));
    out.append(e.text);
    pos = e.range.end;
  }
  out.append(text.substr(pos));
  if (skipped) *skipped = skip;
  return out;
}

std::string write_file_atomically(const std::string& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "cannot stat " + path + ": " + std::strerror(errno);
  const std::filesystem::path p(path);
  std::string tmp = (p.parent_path().empty() ? std::string(".") : p.parent_path().string()) + "/." + p.filename().string() + ".kflint-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return "cannot write " + path + ": " + err;
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0 || ::fsync(fd) != 0) {
    const std::string err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return "cannot write " + path + ": " + err;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot replace " + path + ": " + err;
  }
  return {};
}

}  // namespace kflint
