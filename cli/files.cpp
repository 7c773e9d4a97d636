#include "cli/files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back({path, "cannot read directory: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors.push_back({it->path().string(), "cannot read directory: " + ec.message()});
        ec.clear();
        continue;
      }
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec) && (name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn")) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && lintable(it->path())) found.push_back({it->path().generic_string(), true});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
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
