#pragma once
// Applying text edits: the one fix model shared by `kflint check --fix` and LSP code actions.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace kflint {

// Applies non-overlapping edits (overlapping later ones are skipped and counted).
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits, size_t* skipped = nullptr);

// Writes `content` to `path` atomically: a temporary file in the same folder, the original's
// mode kept, then rename(). On any error the original is untouched and the error is returned.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace kflint
