#pragma once
// The safe-write guard: before any fix is written (CLI `--fix`, the editor's fix-all), the fixed
// text is read again. It must parse wherever the original parsed, and its values must equal the
// original's everywhere except under the bytes the edits replace. A fix that would change
// anything else (an anchor dropped so that its aliases break, a line inserted at the wrong
// indentation, a LF in a CRLF file that turns into a different structure) is refused.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace kflint {

// Why `after` (= `before` with `edits` applied) changes more than the edits mean to, or "" when
// it does not. Only the YAML documents that an edit touches are parsed again.
std::string fix_guard(std::string_view before, const std::vector<TextEdit>& edits, std::string_view after);

}  // namespace kflint
