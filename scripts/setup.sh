#!/usr/bin/env bash
# Installs what kflint needs on Debian 12, in two sets. Safe to run again: it installs only what is
# missing.
#   scripts/setup.sh [build]   build dependencies: a compiler, CMake, the libraries kflint links,
#                              what packaging needs (man page, .deb, the portable executable), and
#                              the pinned tree-sitter-yaml grammar from the npm registry
#                              (third_party/package-lock.json, with its integrity hash; ignored by
#                              git). What scripts/demo.sh, scripts/release.sh and a packager need.
#   scripts/setup.sh test      the above, plus what the whole test suite adds: real LSP clients
#                              (Neovim, Emacs, VS Code in Chromium), the Go oracle, clang for the
#                              fuzzers and sanitizers, pre-commit, and the test-only npm packages.
#   scripts/setup.sh --list build|test   print the Debian packages of a set, install nothing
set -euo pipefail
cd "$(dirname "$0")/.."
list_only=false
if [ "${1:-}" = "--list" ]; then list_only=true; shift; fi
set_name="${1:-build}"
case "$set_name" in build|test) ;; *) echo "usage: scripts/setup.sh [--list] [build|test]" >&2; exit 2 ;; esac

build_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libyaml-cpp-dev libvalijson-dev libtree-sitter-dev nlohmann-json3-dev libcli11-dev
  help2man dpkg-dev file      # the man page and the .deb (cpack)
)
test_packages=(
  libgtest-dev unzip
  python3 python3-yaml        # the test drivers (oracle, formats, action); schema/derive_schemas.py
  neovim                      # the headless Neovim LSP client test
  emacs-nox elpa-eglot elpa-yaml-mode   # the batch-mode Emacs (eglot) LSP client test
  chromium ripgrep            # VS Code (code-server) in a real browser: scripts/test-vscode.sh
  clang libclang-rt-14-dev    # libFuzzer and the sanitizer runtimes (scripts/fuzz.sh)
  pre-commit                  # the pre-commit hook test
  # The oracle (tests/oracle/): kubectl's own YAML code and the API server's OpenAPI validator, as
  # Debian packages them; built offline with GO111MODULE=off. kflint itself does not need Go.
  golang-go golang-k8s-sigs-yaml-dev golang-gopkg-yaml.v2-dev golang-k8s-kube-openapi-dev
)
packages=("${build_packages[@]}")
[ "$set_name" = test ] && packages+=("${test_packages[@]}")
if $list_only; then printf '%s\n' "${packages[@]}"; exit 0; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: any working npm will do (Debian's, or one already on the PATH).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup ($set_name): installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci into PREFIX when its lock is newer than the marker file (or the marker is missing).
npm_ci() {
  local prefix="$1" marker="$2" what="$3"
  if [ ! -f "$prefix/$marker" ] || [ "$prefix/package-lock.json" -nt "$prefix/$marker" ]; then
    echo "setup: fetching $what (npm ci)"
    # --ignore-scripts: nothing is built or run by npm; only the packages' files are used.
    npm ci --prefix "$prefix" --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
}
npm_ci third_party node_modules/@tree-sitter-grammars/tree-sitter-yaml/src/parser.c "the pinned tree-sitter-yaml grammar"
if [ "$set_name" = test ]; then
  npm_ci tests/e2e node_modules/@microsoft/jest-sarif/package.json "the LSP client libraries and the SARIF schema for the tests"
  npm_ci editors/vscode node_modules/@vscode/vsce/package.json "the VS Code extension's build tools"
fi
echo "setup ($set_name): ready"
