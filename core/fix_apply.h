#pragma once
// Applying text edits: the one fix model shared by `kflint check --fix` and LSP code actions.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace kflint {

// Applies non-overlapping edits (overlapping later ones are skipped and counted).
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits, size_t* skipped = nullptr);
// Where the pure insertions among `edits` (nothing replaced: new keys, new lines) lie in the text
// apply_edits gives. A finding there came with the fix: a fix may reveal findings that its
// error hid, but must not bring new ones (KF304 once copied `nvidia.com/gpu: 0.5` into limits).
std::vector<ByteRange> inserted_ranges(std::vector<TextEdit> edits);
// The first of `after` (findings on the fixed text) that lies in those ranges; nullptr if none.
const Diagnostic* finding_brought_by(const std::vector<TextEdit>& edits, const std::vector<Diagnostic>& after);

// The one place that decides how inserted lines end: every "\n" that an edit inserts becomes the
// text's own line break (SourceText::line_break), so a CRLF file stays CRLF whatever wrote the
// edit (a rule, an embedded manifest's mapping, an editor action).
std::string with_line_breaks_of(const SourceText& source, std::string inserted);
void use_line_breaks_of(const SourceText& source, std::vector<Diagnostic>& diagnostics);
// The bytes that delete lines [first, last] whole and nothing else of the file's shape: a BOM
// before the first line stays, and a file that does not end with a line break still does not
// (the last line goes with the break before it).
ByteRange whole_lines(const SourceText& source, uint32_t first, uint32_t last);

// The fixes to apply together, chosen the same way by `--fix` and by the editor's fix-all: the
// first eligible fix of each finding, whole (every edit of a fix or none), none overlapping an
// earlier choice, and each passing the safe-write guard (core/fix_guard.h) on its document.
struct FixSelection {
  std::vector<TextEdit> edits;       // of the chosen fixes
  size_t fixes = 0;                  // how many fixes were chosen
  struct Chosen {
    const Diagnostic* diagnostic;
    const Fix* fix;
  };
  std::vector<Chosen> chosen;        // each chosen fix, with its finding (pointers into the input)
  std::vector<std::string> refused;  // "12:8: KF007 fix `Quote the value` not applied: the fixed YAML would not parse (...)"
};
FixSelection select_fixes(const SourceText& text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe);
FixSelection select_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe);

// Writes `content` to `path` atomically: a temporary file in the same folder, the original's
// mode kept, then rename(). On any error the original is untouched and the error is returned.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace kflint
