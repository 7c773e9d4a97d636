#include "rules/engine/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "rules/engine/engine_rules.h"
#include "rules/engine/go_template.h"
#include "rules/engine/suppressions.h"

namespace kflint {
namespace {

void shift(Diagnostic& d, int64_t delta) {
  auto move = [delta](ByteRange& r) {
    r.start = static_cast<uint32_t>(static_cast<int64_t>(r.start) + delta);
    r.end = static_cast<uint32_t>(static_cast<int64_t>(r.end) + delta);
  };
  move(d.range);
  for (Fix& f : d.fixes)
    for (TextEdit& e : f.edits) move(e.range);
  for (RelatedLocation& r : d.related) move(r.range);
}

// Previous documents by their bytes (views into the previous source, which the FileResult keeps).
using ReuseMap = std::unordered_map<std::string_view, const AnalyzedDocument*>;

ReuseMap reuse_map(const FileResult* previous) {
  ReuseMap map;
  if (!previous || !previous->source) return map;
  const std::string_view text = previous->source->view();
  for (const AnalyzedDocument& d : previous->documents) map.emplace(text.substr(d.span.start, d.span.end - d.span.start), &d);
  return map;
}

// Parses and lints document i (or takes it from the previous result) into `out`.
void analyze_one(const SourceText& source, const std::vector<ByteRange>& spans, size_t i, const LintOptions& options, const AnalyzeOptions& settings,
                 const ReuseMap& reuse, AnalyzedDocument& out, std::atomic<size_t>& analyzed) {
  const ByteRange span = spans[i];
  out.span = span;
  const std::string_view bytes = source.view().substr(span.start, span.end - span.start);
  if (auto hit = reuse.find(bytes); hit != reuse.end() && !hit->second->file_scan) {
    out.relative = hit->second->relative;
    out.skipped = hit->second->skipped;
    out.jobs = hit->second->jobs;
    out.go_template = hit->second->go_template;
    out.embedded = hit->second->embedded;
    out.unread = hit->second->unread;
    out.notes = hit->second->notes;
    out.serial = hit->second->serial;
    return;
  }
  ++analyzed;
  static std::atomic<uint64_t> serials{0};
  out.serial = ++serials;
  const uint32_t index = static_cast<uint32_t>(i);
  LintResult result;
  // A template with a character no YAML reader accepts gets the ordinary KF001 at that character;
  // a chart that has nothing to do with Kubeflow stays silent, as any other YAML does (then the
  // verdict read the whole text).
  std::optional<ByteRange> action = go_template_action(bytes);
  if (action && (i >= settings.limits.max_documents || find_forbidden_char(bytes))) action.reset();
  if (action) out.file_scan = true;
  if (action && text_mentions_kubeflow(source)) {
    out.go_template = true;
    out.skipped = {"a Go/Helm template: not linted until it is rendered"};
    out.relative = {go_template_notice(bytes, *action, index)};
    apply_configuration(options, out.relative);
    return;
  }
  if (i == settings.limits.max_documents) {  // the stream is over the limit: one finding, then stop
    Document over(source, span, index);
    over.limit_error = Document::Problem{span.start, "more than " + std::to_string(settings.limits.max_documents) + " documents in one stream"};
    result = lint_document(over, options);
  } else {
    auto doc = std::make_shared<Document>(parse_document(source, span, index, settings.limits));
    if (settings.patch_base && options.operation == Operation::Patch) {
      PatchedLint patched = lint_patch_with_base(*doc, *settings.patch_base, options);
      result = std::move(patched.patch);
      out.in_base = std::move(patched.in_base);
    } else {
      result = lint_document(*doc, options);
    }
    if (settings.keep_documents && settings.keep_trees) out.tree = std::move(doc);
  }
  for (Diagnostic& d : result.diagnostics) shift(d, -static_cast<int64_t>(span.start));
  out.relative = std::move(result.diagnostics);
  out.skipped = std::move(result.skipped);
  out.jobs = result.jobs;
  out.embedded = result.embedded;
  out.unread = result.unread;
  out.notes = std::move(result.notes);
  out.file_scan = out.file_scan || result.file_scan;
}

FileResult analyze_valid(std::shared_ptr<const SourceText> text, const LintOptions& options, const AnalyzeOptions& settings, const FileResult* previous);
std::optional<FileResult> analyze_edited(const std::shared_ptr<const SourceText>& text, const LintOptions& options, const AnalyzeOptions& settings,
                                         const FileResult& previous);
void analyze_range(const SourceText& source, const std::vector<ByteRange>& spans, size_t from, size_t to, const LintOptions& options,
                   const AnalyzeOptions& settings, const ReuseMap& reuse, std::vector<AnalyzedDocument>& docs, std::atomic<size_t>& analyzed);
void assemble(FileResult& r, std::vector<AnalyzedDocument>& docs, const AnalyzeOptions& settings);

// A summary finding (Diagnostic::once_per_file, say "this looks like a server response") is kept
// once per rule and file; the first one says how many objects it stands for.
void keep_first_summary(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::pair<const RuleInfo*, size_t>> first;  // rule, index of its first summary
  std::vector<size_t> more;
  std::vector<Diagnostic> kept;
  bool any = false;
  for (const Diagnostic& d : diagnostics) any = any || d.once_per_file;
  if (!any) return;
  for (Diagnostic& d : diagnostics) {
    if (d.once_per_file) {
      auto it = std::find_if(first.begin(), first.end(), [&](const auto& f) { return f.first == d.rule; });
      if (it != first.end()) {
        ++more[static_cast<size_t>(it - first.begin())];
        continue;
      }
      first.emplace_back(d.rule, kept.size());
      more.push_back(0);
    }
    kept.push_back(std::move(d));
  }
  for (size_t i = 0; i < first.size(); ++i)
    if (more[i])
      kept[first[i].second].message +=
          " (" + std::to_string(more[i]) + (more[i] == 1 ? " more object in this file looks" : " more objects in this file look") + " the same)";
  diagnostics = std::move(kept);
}

}  // namespace

FileResult input_error_result(std::string message) {
  FileResult r;
  r.source = std::make_shared<SourceText>(std::string());
  r.diagnostics.push_back(engine_diagnostic(engine_rules::input_error(), {0, 0}, std::move(message), 0));
  r.input_error = true;
  return r;
}

FileResult analyze(std::string text, const LintOptions& options, const AnalyzeOptions& settings, const FileResult* previous) {
  if (auto bad = check_text_encoding(text)) return input_error_result(*bad);
  return analyze_valid(std::make_shared<const SourceText>(std::move(text)), options, settings, previous);
}

FileResult analyze(std::shared_ptr<const SourceText> text, const LintOptions& options, const AnalyzeOptions& settings, const FileResult* previous) {
  if (settings.changed && previous && settings.keep_documents)
    if (std::optional<FileResult> r = analyze_edited(text, options, settings, *previous)) return std::move(*r);
  // A text edited in place no longer holds the previous documents' bytes at their spans.
  if (settings.changed && previous && previous->source.get() == text.get()) previous = nullptr;
  if (auto bad = check_text_encoding(text->view())) {  // NUL bytes can arrive through JSON too
    FileResult r = input_error_result(*bad);
    r.source = std::move(text);
    return r;
  }
  return analyze_valid(std::move(text), options, settings, previous);
}

namespace {

// analyze() for a text that passed the encoding check.
FileResult analyze_valid(std::shared_ptr<const SourceText> text, const LintOptions& options, const AnalyzeOptions& settings, const FileResult* previous) {
  FileResult r;
  r.limits = settings.limits;
  r.operation = options.operation;
  r.source = std::move(text);
  const SourceText& source = *r.source;
  const std::vector<ByteRange> spans = split_documents(source);
  std::vector<AnalyzedDocument> docs(std::min<size_t>(spans.size(), size_t{settings.limits.max_documents} + 1));
  const ReuseMap reuse = reuse_map(settings.keep_documents ? previous : nullptr);
  std::atomic<size_t> analyzed{0};
  analyze_range(source, spans, 0, docs.size(), options, settings, reuse, docs, analyzed);
  r.analyzed = analyzed;
  assemble(r, docs, settings);
  return r;
}

// Documents [from, to) of `spans` into `docs`, on settings.threads cores.
void analyze_range(const SourceText& source, const std::vector<ByteRange>& spans, size_t from, size_t to, const LintOptions& options,
                   const AnalyzeOptions& settings, const ReuseMap& reuse, std::vector<AnalyzedDocument>& docs, std::atomic<size_t>& analyzed) {
  std::atomic<size_t> next{from};
  auto work = [&] {
    for (size_t i = next++; i < to; i = next++) analyze_one(source, spans, i, options, settings, reuse, docs[i], analyzed);
  };
  const unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, settings.threads), std::max<size_t>(1, (to - from) / 4)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// The file's findings, skips and counts from its documents' (and the documents kept).
void assemble(FileResult& r, std::vector<AnalyzedDocument>& docs, const AnalyzeOptions& settings) {
  // A Go/Helm template is one notice at its first action, and nothing else (go_template.h).
  const auto first_template = std::find_if(docs.begin(), docs.end(), [](const AnalyzedDocument& d) { return d.go_template; });
  r.go_template = first_template != docs.end();
  for (size_t i = 0; i < docs.size(); ++i) {
    AnalyzedDocument& d = docs[i];
    if (first_template != docs.end() && &d != &*first_template) continue;
    for (const std::string& why : d.skipped) r.skipped.push_back("document " + std::to_string(i + 1) + ": " + render_line_marks(why, *r.source, d.span.start));
    for (const std::string& note : d.notes) r.notes.push_back("document " + std::to_string(i + 1) + ": " + render_line_marks(note, *r.source, d.span.start));
    r.jobs += d.jobs;
    r.embedded += d.embedded;
    r.unread += d.unread;
    for (Diagnostic& relative : d.relative) {
      Diagnostic one = settings.keep_documents ? relative : std::move(relative);  // kept documents keep their own copy
      shift(one, d.span.start);
      one.document = static_cast<uint32_t>(i);
      r.diagnostics.push_back(std::move(one));
    }
  }
  for (AnalyzedDocument& d : docs)
    for (Diagnostic& b : d.in_base)
      if (std::none_of(r.base_diagnostics.begin(), r.base_diagnostics.end(), [&](const Diagnostic& e) {
            return e.rule == b.rule && e.range.start == b.range.start && e.range.end == b.range.end;
          }))
        r.base_diagnostics.push_back(b);
  keep_first_summary(r.diagnostics);
  if (std::any_of(docs.begin(), docs.end(), [](const AnalyzedDocument& d) { return d.file_scan; }))
    r.mentions_kubeflow = text_mentions_kubeflow(*r.source) ? 1 : 0;
  if (settings.keep_documents) r.documents = std::move(docs);
}

// analyze() after an edit (AnalyzeOptions::changed): the documents before the change are the
// previous ones, those after it the previous ones moved by the change's length, and only those it
// touched (and one on each side, whose boundary it may have moved) are split and read again.
// nullopt when that cannot be done exactly (a JSON stream, an edit where the stream starts, a
// previous result that used the whole text): the caller analyzes everything.
std::optional<FileResult> analyze_edited(const std::shared_ptr<const SourceText>& text, const LintOptions& options, const AnalyzeOptions& settings,
                                         const FileResult& previous) {
  const ChangedRange c = *settings.changed;
  const std::vector<AnalyzedDocument>& old = previous.documents;
  const SourceText& source = *text;
  if (previous.input_error || old.empty() || previous.operation != options.operation || settings.patch_base) return std::nullopt;
  const size_t first_content = source.view().find_first_not_of(" \t\r\n", source.bom_length());
  if (first_content == std::string_view::npos || first_content >= c.start || json_stream(source)) return std::nullopt;
  const int64_t delta = static_cast<int64_t>(c.new_end) - static_cast<int64_t>(c.old_end);
  size_t first = previous.document_at(c.start), last = previous.document_at(c.old_end);
  // A neighbour is read again when the edit is on the line that separates it: the first line of
  // the first document touched (its `---`), or the last line of the last (a `...` there, or the
  // line break before the next `---`). The bytes outside the change are the previous ones.
  const std::string_view now = source.view();
  auto has_break = [&](int64_t from, int64_t to) {
    return from < to && now.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)).find_first_of("\r\n") != std::string_view::npos;
  };
  if (first > 0 && !has_break(old[first].span.start, c.start)) --first;
  // The last line's content ends before its line break, whichever it is (LF, CRLF or a lone CR:
  // a CRLF break counted as content hid an edit of a `...` line from the next document).
  int64_t last_line_end = static_cast<int64_t>(old[last].span.end) + delta;
  if (last_line_end > 0 && now[static_cast<size_t>(last_line_end - 1)] == '\n') --last_line_end;
  if (last_line_end > 0 && now[static_cast<size_t>(last_line_end - 1)] == '\r') --last_line_end;
  if (last + 1 < old.size() && !has_break(c.new_end, last_line_end)) ++last;
  // A kept document whose verdict read the whole text (does it mention Kubeflow?) stays right only
  // if the answer did not change.
  bool kept_scan = false;
  for (size_t i = 0; i < old.size(); ++i) kept_scan = kept_scan || ((i < first || i > last) && old[i].file_scan);
  source.forget_kubeflow_scan();
  if (kept_scan && (previous.mentions_kubeflow < 0 || text_mentions_kubeflow(source) != (previous.mentions_kubeflow == 1))) return std::nullopt;
  const ByteRange region{old[first].span.start, static_cast<uint32_t>(static_cast<int64_t>(old[last].span.end) + delta)};
  const std::vector<ByteRange> fresh = split_yaml_documents_in(source, region);
  const size_t after = old.size() - last - 1;
  if (first + fresh.size() + after > settings.limits.max_documents) return std::nullopt;

  FileResult r;
  r.limits = settings.limits;
  r.operation = options.operation;
  r.source = text;
  std::vector<AnalyzedDocument> docs(first + fresh.size() + after);
  std::vector<ByteRange> spans(docs.size());
  const bool same_text = previous.source.get() == text.get();  // edited in place: trees before the edit stay valid
  for (size_t i = 0; i < first; ++i) {
    docs[i] = old[i];
    if (!same_text) docs[i].tree.reset();
    spans[i] = docs[i].span;
  }
  for (size_t k = 0; k < fresh.size(); ++k) spans[first + k] = fresh[k];
  for (size_t k = 0; k < after; ++k) {
    AnalyzedDocument& d = docs[first + fresh.size() + k] = old[last + 1 + k];
    d.span = {static_cast<uint32_t>(d.span.start + delta), static_cast<uint32_t>(d.span.end + delta)};
    d.tree.reset();  // its offsets moved
    spans[first + fresh.size() + k] = d.span;
  }
  std::atomic<size_t> analyzed{0};
  analyze_range(source, spans, first, first + fresh.size(), options, settings, ReuseMap{}, docs, analyzed);
  r.analyzed = analyzed;
  assemble(r, docs, settings);
  return r;
}

}  // namespace

size_t FileResult::document_at(uint32_t offset) const {
  if (documents.empty()) return documents.size();
  auto after = std::upper_bound(documents.begin(), documents.end(), offset, [](uint32_t o, const AnalyzedDocument& d) { return o < d.span.start; });
  return after == documents.begin() ? 0 : static_cast<size_t>(after - documents.begin()) - 1;
}

std::shared_ptr<const Document> FileResult::tree(size_t i, bool keep) const {
  const AnalyzedDocument& d = documents.at(i);
  if (d.tree) return d.tree;
  auto parsed = std::make_shared<const Document>(parse_document(*source, d.span, static_cast<uint32_t>(i), limits));
  if (keep) d.tree = parsed;
  return parsed;
}

}  // namespace kflint
