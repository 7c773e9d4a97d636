#include "cli/files.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/huge_pages.h"
#include "core/text_util.h"

namespace fs = std::filesystem;

namespace kflint::cli {

static bool lintable(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name == ".kflint.yaml" || name == ".kflint.yml") return false;  // the configuration, not a manifest
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

namespace {

bool skipped_folder(const std::string& name) { return name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn"; }

// The names in the folder open as `fd`, read whole (the descriptor stays open; the listing's own
// is closed).
bool list_folder(int fd, std::vector<std::pair<std::string, bool>>& entries, std::string& error) {
  const int own = ::dup(fd);
  DIR* d = own < 0 ? nullptr : ::fdopendir(own);
  if (!d) {
    error = std::strerror(errno);
    if (own >= 0) ::close(own);
    return false;
  }
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {  // some file systems do not say: ask (without following links)
      struct stat st {};
      is_dir = ::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    entries.emplace_back(name, is_dir);
  }
  ::closedir(d);
  std::sort(entries.begin(), entries.end());
  return true;
}

// Depth first, one folder open at a time, each opened relative to the one above it (so a deep
// tree costs neither file descriptors nor path look-ups that grow with its depth); one path string
// that grows and shrinks and, per level, the names still to visit: time and memory linear in the
// tree. Symbolic links to folders are not followed; a link to a file is linted. A folder whose
// path is longer than the system accepts is reported (its files could not be opened by name).
void walk(const std::string& root, std::vector<Input>& found, std::vector<InputError>& errors) {
  struct Level {
    std::vector<std::pair<std::string, bool>> entries;
    size_t next = 0;
    size_t path_length = 0;  // of `path` while this level is listed
  };
  std::string path = root;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::string error;
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  std::vector<Level> stack(1);
  if (fd < 0 || !list_folder(fd, stack.back().entries, error)) {
    errors.push_back({root, "cannot read directory: " + (fd < 0 ? std::string(std::strerror(errno)) : error)});
    if (fd >= 0) ::close(fd);
    return;
  }
  stack.back().path_length = path.size();
  while (!stack.empty()) {
    Level& level = stack.back();
    path.resize(level.path_length);
    if (level.next == level.entries.size()) {
      stack.pop_back();
      if (!stack.empty()) {  // back to the folder above
        const int up = ::openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ::close(fd);
        fd = up;
        if (fd < 0) {
          errors.push_back({path, "cannot read directory: " + std::string(std::strerror(errno))});
          return;
        }
      }
      continue;
    }
    const auto& [name, is_dir] = level.entries[level.next++];
    path += (path == "/" ? "" : "/") + name;
    if (is_dir) {
      if (skipped_folder(name)) continue;
      if (path.size() >= PATH_MAX) {
        errors.push_back({path.substr(0, 120) + "...", "cannot read directory: the path is longer than the system's limit (" +
                                                           std::to_string(PATH_MAX) + " bytes)"});
        continue;
      }
      const int down = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      Level deeper;
      deeper.path_length = path.size();
      if (down < 0 || !list_folder(down, deeper.entries, error)) {
        const int code = errno;
        if (down >= 0) ::close(down);
        if (code != EACCES) errors.push_back({path, "cannot read directory: " + (down < 0 ? std::string(std::strerror(code)) : error)});
        continue;  // unreadable folders are skipped, as the walk always has
      }
      ::close(fd);
      fd = down;
      stack.push_back(std::move(deeper));
      continue;
    }
    struct stat st {};
    if (::fstatat(fd, name.c_str(), &st, 0) == 0 && S_ISREG(st.st_mode) && lintable(fs::path(name))) found.push_back({fs::path(path).generic_string(), true});
  }
  ::close(fd);
}

}  // namespace

void collect_inputs(const std::vector<std::string>& paths, std::vector<Input>& inputs, std::vector<InputError>& errors) {
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({path, false});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back({path, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      inputs.push_back({path, false});
      continue;
    }
    std::vector<Input> found;
    walk(path, found, errors);
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  // A file named twice (`a.yaml ./a.yaml`, a folder and a file in it, a hard link) is linted once,
  // under its first name: fixing it twice at once would race, and the output must not depend on -j.
  std::set<std::pair<dev_t, ino_t>> seen;
  inputs.erase(std::remove_if(inputs.begin(), inputs.end(),
                              [&](const Input& input) {
                                struct stat st {};
                                if (input.path == "-" || ::stat(input.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
                                return !seen.insert({st.st_dev, st.st_ino}).second;
                              }),
               inputs.end());
}

std::optional<std::string> read_file(const std::string& path, uint64_t max_size, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = "is a directory, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string content;
  // Room for the whole file at once (a 30 MB stream is not copied again at each doubling);
  // pipes and special files report no size and grow as they are read.
  if (const uintmax_t size = fs::file_size(path, ec); !ec && size <= max_size) {
    content.reserve(static_cast<size_t>(size) + 1);
    prefer_huge_pages(content.data(), content.capacity());
  }
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    content.append(buf, static_cast<size_t>(in.gcount()));
    if (content.size() > max_size) {
      error = "file is larger than the limit of " + std::to_string(max_size) + " bytes (--max-file-size)";
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return content;
}

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
      size_t end = s.find('\n', start);
      end = end == std::string::npos ? s.size() : end + 1;
      out.push_back(s.substr(start, end - start));
      start = end;
    }
    return out;
  };
  const std::vector<std::string> a = lines(before), b = lines(after);
  // Trim the common prefix and suffix, then show the middle as one hunk: fixes are local.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  if (prefix == a.size() && prefix == b.size()) return {};
  const size_t context = 3;
  const size_t from = prefix > context ? prefix - context : 0;
  const size_t a_end = std::min(a.size(), a.size() - suffix + context), b_end = std::min(b.size(), b.size() - suffix + context);
  std::ostringstream out;
  out << "--- " << path << "\n+++ " << path << " (fixed)\n";
  out << "@@ -" << from + 1 << "," << a_end - from << " +" << from + 1 << "," << b_end - from << " @@\n";
  auto emit = [&](char mark, const std::string& line) {
    out << mark << line;
    if (line.empty() || line.back() != '\n') out << "\n\\ No newline at end of file\n";
  };
  for (size_t i = from; i < prefix; ++i) emit(' ', a[i]);
  for (size_t i = prefix; i < a.size() - suffix; ++i) emit('-', a[i]);
  for (size_t i = prefix; i < b.size() - suffix; ++i) emit('+', b[i]);
  for (size_t i = a.size() - suffix; i < a_end; ++i) emit(' ', a[i]);
  return out.str();
}

}  // namespace kflint::cli
