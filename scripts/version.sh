#!/usr/bin/env bash
# Prints kflint's version: the one source of truth is `project(kflint VERSION x.y.z ...)` in
# CMakeLists.txt. Everything else that carries a version (kflint version, the .deb, the VS Code
# extension, the docs' pins) follows it; tests/e2e/versions.sh fails when one does not.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=$(sed -n 's/^project(kflint VERSION \([0-9][0-9.]*[0-9]\).*/\1/p' "$root/CMakeLists.txt")
[ -n "$version" ] || { echo "version.sh: no project(kflint VERSION ...) in CMakeLists.txt" >&2; exit 2; }
echo "$version"
