#pragma once
// Finding the inputs: files as given, folders walked recursively for *.yaml, *.yml and *.json
// (symlinked folders are not followed, so link loops cannot trap the walk), `-` for stdin.

#include <optional>
#include <string>
#include <vector>

namespace kflint::cli {

struct Input {
  std::string path;
  bool from_walk = false;  // found in a folder (include/exclude apply), not named by the user
};

struct InputError {
  std::string path;
  std::string message;
};

void collect_inputs(const std::vector<std::string>& paths, std::vector<Input>& inputs, std::vector<InputError>& errors);

// Reads a whole file; nullopt with `error` set when it cannot (missing, directory, too large...).
std::optional<std::string> read_file(const std::string& path, uint64_t max_size, std::string& error);

// A unified diff of two texts (for --fix --diff), labelled with `path`.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace kflint::cli
