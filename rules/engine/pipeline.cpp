#include "rules/engine/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "rules/engine/engine_rules.h"
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
  if (auto hit = reuse.find(bytes); hit != reuse.end()) {
    out.relative = hit->second->relative;
    out.skipped = hit->second->skipped;
    out.jobs = hit->second->jobs;
    return;
  }
  ++analyzed;
  const uint32_t index = static_cast<uint32_t>(i);
  LintResult result;
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
}

FileResult analyze_valid(std::shared_ptr<const SourceText> text, const LintOptions& options, const AnalyzeOptions& settings, const FileResult* previous);

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
  std::atomic<size_t> next{0}, analyzed{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) analyze_one(source, spans, i, options, settings, reuse, docs[i], analyzed);
  };
  const unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, settings.threads), std::max<size_t>(1, docs.size() / 4)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  r.analyzed = analyzed;
  for (size_t i = 0; i < docs.size(); ++i) {
    AnalyzedDocument& d = docs[i];
    for (const std::string& why : d.skipped) r.skipped.push_back("document " + std::to_string(i + 1) + ": " + why);
    r.jobs += d.jobs;
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
  if (settings.keep_documents) r.documents = std::move(docs);
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
