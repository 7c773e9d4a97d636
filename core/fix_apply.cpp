#include "core/fix_apply.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/xattr.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/fix_guard.h"
#include "core/rule_info.h"

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

std::vector<ByteRange> inserted_ranges(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.start < b.range.start; });
  std::vector<ByteRange> out;
  int64_t delta = 0;
  uint32_t pos = 0;
  for (const TextEdit& e : edits) {
    if (e.range.start < pos || e.range.end < e.range.start) continue;  // skipped by apply_edits too
    const uint32_t at = static_cast<uint32_t>(static_cast<int64_t>(e.range.start) + delta);
    if (e.range.start == e.range.end && !e.text.empty()) out.push_back({at, at + static_cast<uint32_t>(e.text.size())});
    delta += static_cast<int64_t>(e.text.size()) - static_cast<int64_t>(e.range.end - e.range.start);
    pos = e.range.end;
  }
  return out;
}

const Diagnostic* finding_brought_by(const std::vector<TextEdit>& edits, const std::vector<Diagnostic>& after) {
  const std::vector<ByteRange> inserted = inserted_ranges(edits);
  for (const Diagnostic& d : after)
    for (const ByteRange& r : inserted)
      if (d.range.start >= r.start && d.range.start < r.end) return &d;
  return nullptr;
}

namespace {

struct Candidate {
  const Diagnostic* diagnostic;
  const Fix* fix;
  size_t chunk;  // the YAML document its edits lie in; SIZE_MAX when they cross documents
};

bool eligible(const Fix& f, bool include_unsafe) {
  return !f.edits.empty() && (f.applicability == Applicability::Safe || (include_unsafe && f.applicability == Applicability::Unsafe));
}

bool collides(const TextEdit& e, const std::vector<TextEdit>& taken) {
  for (const TextEdit& t : taken)
    if (e.range.start < std::max(t.range.end, t.range.start + 1) && t.range.start < std::max(e.range.end, e.range.start + 1)) return true;
  return false;
}

size_t chunk_of(const Fix& f, const std::vector<ByteRange>& spans) {
  size_t found = SIZE_MAX;
  for (const TextEdit& e : f.edits) {
    const auto it = std::upper_bound(spans.begin(), spans.end(), e.range.start, [](uint32_t at, const ByteRange& s) { return at < s.start; });
    if (it == spans.begin()) return SIZE_MAX;
    const size_t i = static_cast<size_t>(it - spans.begin()) - 1;
    if (e.range.end > spans[i].end) return SIZE_MAX;
    if (found != SIZE_MAX && found != i) return SIZE_MAX;
    found = i;
  }
  return found;
}

// The guard's verdict on `edits` within one document (or the whole text when chunk is SIZE_MAX).
std::string guard(std::string_view text, const std::vector<ByteRange>& spans, size_t chunk, const std::vector<TextEdit>& edits) {
  if (chunk == SIZE_MAX) return fix_guard(text, edits, apply_edits(text, edits));
  const ByteRange span = spans[chunk];
  const std::string_view part = text.substr(span.start, span.end - span.start);
  std::vector<TextEdit> local = edits;
  for (TextEdit& e : local) e.range = {e.range.start - span.start, e.range.end - span.start};
  return fix_guard(part, local, apply_edits(part, local));
}

std::string refusal(const SourceText& source, const Candidate& c, const std::string& why) {
  const Position p = source.position(c.diagnostic->range.start);
  return std::to_string(p.line + 1) + ":" + std::to_string(p.column_chars + 1) + ": " +
         std::string(c.diagnostic->rule ? c.diagnostic->rule->id : "fix") + " fix `" + c.fix->title + "` not applied: " + why;
}

}  // namespace

std::string with_line_breaks_of(const SourceText& source, std::string inserted) {
  const std::string_view eol = source.line_break();
  if (eol == "\n" || inserted.find('\n') == std::string::npos) return inserted;
  std::string out;
  out.reserve(inserted.size() + 8);
  for (size_t i = 0; i < inserted.size(); ++i) {
    if (inserted[i] != '\n') {
      out += inserted[i];
    } else if (i > 0 && inserted[i - 1] == '\r') {
      if (eol != "\r") out += '\n';  // an inserted CRLF stays one; in a CR file its CR is the break
    } else {
      out.append(eol);
    }
  }
  return out;
}

ByteRange whole_lines(const SourceText& source, uint32_t first, uint32_t last) {
  uint32_t start = source.line_start(first);
  if (first == 0) start = std::max(start, source.bom_length());
  if (last + 1 < source.line_count()) return {start, source.line_start(last + 1)};
  const uint32_t end = static_cast<uint32_t>(source.size());
  if (first > 0) {  // the last line, with no break after it: take the break before it instead
    const std::string_view above = source.line_text(first - 1);
    start = static_cast<uint32_t>(above.data() - source.bytes().data() + above.size());
  }
  return {start, end};
}

void use_line_breaks_of(const SourceText& source, std::vector<Diagnostic>& diagnostics) {
  if (source.line_break() == "\n") return;
  for (Diagnostic& d : diagnostics)
    for (Fix& f : d.fixes)
      for (TextEdit& e : f.edits) e.text = with_line_breaks_of(source, std::move(e.text));
}

FixSelection select_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  return select_fixes(SourceText(std::string(text)), diagnostics, include_unsafe);
}

FixSelection select_fixes(const SourceText& source, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  FixSelection out;
  const std::string_view text = source.view();
  const std::vector<ByteRange> spans = split_documents(source);
  std::vector<Candidate> candidates;
  std::vector<TextEdit> taken;
  for (const Diagnostic& d : diagnostics) {
    // One fix per finding: its only safe fix, else its only eligible one. Alternatives (KF301:
    // lower the request, or raise the limit) are the author's choice: none is applied, and the
    // refusal says so (the editor offers each).
    const Fix* chosen = nullptr;
    size_t safe = 0, usable = 0;
    for (const Fix& f : d.fixes) {
      if (!eligible(f, include_unsafe)) continue;
      ++usable;
      if (f.applicability == Applicability::Safe && safe++ == 0) chosen = &f;
      if (!chosen && usable == 1) chosen = &f;
    }
    if (safe == 0 && usable > 1) chosen = nullptr;
    if (safe > 1) chosen = nullptr;
    if (!chosen && usable > 1) {
      std::string titles;
      for (const Fix& f : d.fixes)
        if (eligible(f, include_unsafe)) titles += (titles.empty() ? "`" : ", `") + f.title + "`";
      const Position p = source.position(d.range.start);
      out.refused.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column_chars + 1) + ": " +
                            std::string(d.rule ? d.rule->id : "fix") + ": " + std::to_string(usable) + " alternative fixes (" + titles +
                            "): none applied; choose one (the editor offers each)");
      continue;
    }
    if (!chosen) continue;
    const Fix& f = *chosen;
    if (std::any_of(f.edits.begin(), f.edits.end(), [&](const TextEdit& e) { return collides(e, taken); })) continue;
    taken.insert(taken.end(), f.edits.begin(), f.edits.end());
    candidates.push_back({&d, &f, chunk_of(f, spans)});
  }
  // Per document: all of its fixes together when the guard accepts them (the common case, one
  // parse), else one at a time, each kept only if the guard accepts it with those kept before.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.chunk < b.chunk; });
  for (size_t i = 0; i < candidates.size();) {
    size_t j = i;
    std::vector<TextEdit> group;
    while (j < candidates.size() && candidates[j].chunk == candidates[i].chunk && candidates[i].chunk != SIZE_MAX) {
      group.insert(group.end(), candidates[j].fix->edits.begin(), candidates[j].fix->edits.end());
      ++j;
    }
    if (j > i && guard(text, spans, candidates[i].chunk, group).empty()) {
      out.edits.insert(out.edits.end(), group.begin(), group.end());
      out.fixes += j - i;
      for (size_t k = i; k < j; ++k) out.chosen.push_back({candidates[k].diagnostic, candidates[k].fix});
      i = j;
      continue;
    }
    if (j == i) j = i + 1;  // a fix across documents: checked on its own against the whole text
    std::vector<TextEdit> kept;
    for (size_t k = i; k < j; ++k) {
      std::vector<TextEdit> trial = kept;
      trial.insert(trial.end(), candidates[k].fix->edits.begin(), candidates[k].fix->edits.end());
      const std::string why = guard(text, spans, candidates[k].chunk, trial);
      if (!why.empty()) {
        out.refused.push_back(refusal(source, candidates[k], why));
        continue;
      }
      kept = std::move(trial);
      ++out.fixes;
      out.chosen.push_back({candidates[k].diagnostic, candidates[k].fix});
    }
    out.edits.insert(out.edits.end(), kept.begin(), kept.end());
    i = j;
  }
  return out;
}

namespace {

// Temporary files being written, so that a signal that ends the process removes them (unlink is
// async-signal-safe); one slot per concurrent writer. Every signal whose default action ends the
// process and that a terminal or a supervisor sends: Ctrl-C, kill, a closed terminal or SSH
// session (SIGHUP), Ctrl-\ (SIGQUIT), and a CPU or file-size limit.
constexpr int kSlots = 64;
char g_temp_paths[kSlots][4096];
std::atomic<bool> g_slot_used[kSlots];
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXCPU, SIGXFSZ};
struct sigaction g_previous[sizeof kCleanupSignals / sizeof kCleanupSignals[0]];

void remove_temporaries_and_reraise(int sig) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i].load() && g_temp_paths[i][0]) ::unlink(g_temp_paths[i]);
  for (size_t i = 0; i < sizeof kCleanupSignals / sizeof kCleanupSignals[0]; ++i)
    if (kCleanupSignals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  ::raise(sig);
}

void install_signal_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa {};
    sa.sa_handler = remove_temporaries_and_reraise;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof kCleanupSignals / sizeof kCleanupSignals[0]; ++i) {
      ::sigaction(kCleanupSignals[i], nullptr, &g_previous[i]);
      if (g_previous[i].sa_handler == SIG_IGN) continue;  // ignored by whoever started us (nohup): stays ignored
      ::sigaction(kCleanupSignals[i], &sa, nullptr);
    }
  });
}

class TempSlot {
 public:
  explicit TempSlot(const std::string& path) {
    for (int i = 0; i < kSlots; ++i) {
      bool expected = false;
      if (path.size() < sizeof g_temp_paths[i] && g_slot_used[i].compare_exchange_strong(expected, true)) {
        std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
        slot_ = i;
        return;
      }
    }
  }
  // mkstemp() on the registered name itself, so a signal at any moment finds the real name.
  int make(std::string& path) {
    if (slot_ < 0) return ::mkstemp(path.data());
    const int fd = ::mkstemp(g_temp_paths[slot_]);
    path = g_temp_paths[slot_];
    return fd;
  }
  ~TempSlot() {
    if (slot_ < 0) return;
    g_temp_paths[slot_][0] = 0;
    g_slot_used[slot_].store(false);
  }
  TempSlot(const TempSlot&) = delete;
  TempSlot& operator=(const TempSlot&) = delete;

 private:
  int slot_ = -1;
};

// Extended attributes (SELinux labels, macOS-style metadata, user tags) go with the content.
void copy_xattrs(int from, int to) {
  const ssize_t size = ::flistxattr(from, nullptr, 0);
  if (size <= 0) return;
  std::string names(static_cast<size_t>(size), '\0');
  if (::flistxattr(from, names.data(), names.size()) != size) return;
  for (size_t at = 0; at < names.size(); at += std::strlen(names.c_str() + at) + 1) {
    const char* name = names.c_str() + at;
    const ssize_t len = ::fgetxattr(from, name, nullptr, 0);
    if (len < 0) continue;
    std::string value(static_cast<size_t>(len), '\0');
    if (::fgetxattr(from, name, value.data(), value.size()) == len) ::fsetxattr(to, name, value.data(), value.size(), 0);
  }
}

}  // namespace

std::string write_file_atomically(const std::string& requested, std::string_view content) {
  // A symlink is followed: its target is fixed and the link stays a link.
  std::error_code ec;
  const std::filesystem::path resolved = std::filesystem::canonical(requested, ec);
  if (ec) return "cannot resolve " + requested + ": " + ec.message();
  const std::string path = resolved.string();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "cannot stat " + path + ": " + std::strerror(errno);
  if (!S_ISREG(st.st_mode)) return path + " is not a regular file";
  // As an editor does: a file the user may not write is not replaced, even where the folder
  // would allow it; a read-only file (no write bit) is not replaced even for root.
  if ((st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0) return path + " is read-only for you; nothing was written";
  if (st.st_nlink > 1)
    return path + " has " + std::to_string(st.st_nlink) + " hard links, which a replacement would split; nothing was written";
  install_signal_cleanup();
  std::string tmp = resolved.parent_path().string() + "/." + resolved.filename().string() + ".kflint-XXXXXX";
  TempSlot named(tmp);  // from before it exists until rename, SIGINT/SIGTERM removes it
  const int fd = named.make(tmp);
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  auto fail = [&](const std::string& what) {
    const std::string err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return what + path + ": " + err;
  };
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write ");
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot write ");
  // Owner and group stay where permitted (root fixing another user's file); otherwise the file
  // becomes the user's, as with any editor that writes a new file.
  if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) == 0) ::fchmod(fd, st.st_mode & 07777);
  if (const int original = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); original >= 0) {
    copy_xattrs(original, fd);
    ::close(original);
  }
  if (::fsync(fd) != 0) return fail("cannot write ");
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot replace " + path + ": " + err;
  }
  return {};
}

}  // namespace kflint
