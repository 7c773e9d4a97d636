#include "core/fix_apply.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

FixSelection select_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  FixSelection out;
  const SourceText source{std::string(text)};
  const std::vector<ByteRange> spans = split_documents(source);
  std::vector<Candidate> candidates;
  std::vector<TextEdit> taken;
  for (const Diagnostic& d : diagnostics)
    for (const Fix& f : d.fixes) {
      if (!eligible(f, include_unsafe)) continue;
      if (std::any_of(f.edits.begin(), f.edits.end(), [&](const TextEdit& e) { return collides(e, taken); })) break;
      taken.insert(taken.end(), f.edits.begin(), f.edits.end());
      candidates.push_back({&d, &f, chunk_of(f, spans)});
      break;
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
    }
    out.edits.insert(out.edits.end(), kept.begin(), kept.end());
    i = j;
  }
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
