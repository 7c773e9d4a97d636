#!/usr/bin/env bash
# Installs what kflint needs to build and test on Debian 12, and fetches the pinned
# tree-sitter-yaml grammar from the npm registry (package-lock.json, with its integrity hash)
# into third_party/node_modules (ignored by git). Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates unzip
  libyaml-cpp-dev libvalijson-dev libtree-sitter-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  python3 python3-yaml
  neovim            # the headless Neovim LSP client test
  emacs-nox elpa-eglot elpa-yaml-mode   # the batch-mode Emacs (eglot) LSP client test
  chromium ripgrep  # VS Code (code-server) in a real browser: scripts/test-vscode.sh
  clang libclang-rt-14-dev   # libFuzzer and the sanitizer runtimes (scripts/fuzz.sh)
  pre-commit                  # the pre-commit hook test
  help2man dpkg-dev file      # the man page and the .deb (cpack)
  # The oracle (tests/oracle/): kubectl's own YAML code and the API server's OpenAPI validator, as
  # Debian packages them; built offline with GO111MODULE=off. kflint itself does not need Go.
  golang-go golang-k8s-sigs-yaml-dev golang-gopkg-yaml.v2-dev golang-k8s-kube-openapi-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: any working npm will do (Debian's, or one already on the PATH).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

grammar=third_party/node_modules/@tree-sitter-grammars/tree-sitter-yaml/src/parser.c
if [ ! -f "$grammar" ] || [ third_party/package-lock.json -nt "$grammar" ]; then
  echo "setup: fetching the pinned tree-sitter-yaml grammar (npm ci)"
  # --ignore-scripts: only the grammar's C sources are used; nothing is built by npm.
  npm ci --prefix third_party --ignore-scripts --no-audit --no-fund --loglevel=error
fi
e2e=tests/e2e/node_modules/vscode-languageserver-protocol/package.json
if [ ! -f "$e2e" ] || [ tests/e2e/package-lock.json -nt "$e2e" ]; then
  echo "setup: fetching the LSP client libraries for the end-to-end tests (npm ci)"
  npm ci --prefix tests/e2e --ignore-scripts --no-audit --no-fund --loglevel=error
fi
vsce=editors/vscode/node_modules/@vscode/vsce/package.json
if [ ! -f "$vsce" ] || [ editors/vscode/package-lock.json -nt "$vsce" ]; then
  echo "setup: fetching the VS Code extension's build tools (npm ci)"
  npm ci --prefix editors/vscode --ignore-scripts --no-audit --no-fund --loglevel=error
fi
echo "setup: ready"
