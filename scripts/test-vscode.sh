#!/usr/bin/env bash
# The VS Code extension inside real VS Code: code-server 4.100.3 (VS Code 1.100.3, from the npm
# registry) driven by Debian's Chromium through puppeteer-core (tests/vscode/ui_test.mjs).
#
#   scripts/test-vscode.sh [KFLINT [VSIX [OUT_DIR]]]
#   scripts/test-vscode.sh --prepare     (install and prepare only: scripts/test.sh runs this)
#
# Defaults: build/kflint, build/kflint.vsix (built by the vscode_extension test or
# editors/vscode/build.sh), build/vscode-ui (screenshots, logs, the throw-away profile). ctest runs
# it as `vscode_ui`. code-server's install scripts download from the internet; this script does
# their work offline instead: npm ci with --ignore-scripts (tests/vscode/package-lock.json), VS
# Code's own dependencies from its shrinkwrap, the native modules built by node-gyp against the
# local Node headers (npm_config_nodedir=/usr: nothing downloaded), Debian's ripgrep where
# @vscode/ripgrep would fetch its own, and the symlinks code-server's postinstall makes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prepare_only=false
if [ "${1:-}" = "--prepare" ]; then prepare_only=true; shift; fi
kflint="$(readlink -m "${1:-$root/build/kflint}")"
vsix="$(readlink -m "${2:-$root/build/kflint.vsix}")"
out="${3:-$root/build/vscode-ui}"
here="$root/tests/vscode"
for tool in node npm chromium rg make g++ python3; do
  command -v "$tool" >/dev/null || { echo "test-vscode: $tool is missing (scripts/setup.sh test installs it)" >&2; exit 2; }
done
$prepare_only || [ -f "$vsix" ] || { echo "test-vscode: no $vsix (run editors/vscode/build.sh $vsix)" >&2; exit 2; }

cs="$here/node_modules/code-server"
vscode="$cs/lib/vscode"
ready="$here/node_modules/.kflint-prepared"
if [ ! -f "$ready" ] || [ "$here/package-lock.json" -nt "$ready" ]; then
  echo "test-vscode: installing code-server and puppeteer-core (pinned, scripts not run)"
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error
  export npm_config_nodedir=/usr   # node-gyp uses /usr/include/node and downloads no headers
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || { echo "test-vscode: npm's node-gyp not found at $gyp" >&2; exit 2; }
  build_native() {  # DIR [extra node-gyp arguments]
    local dir="$1"; shift
    (cd "$dir" && node "$gyp" rebuild --nodedir=/usr "$@" >"$out/node-gyp-$(basename "$dir").log" 2>&1) ||
      { echo "test-vscode: building $dir failed (see $out/node-gyp-$(basename "$dir").log)" >&2; exit 2; }
  }
  mkdir -p "$out"
  # code-server's own native module (password hashing; node-pre-gyp would download a prebuilt).
  argon2="$here/node_modules/argon2"
  build_native "$argon2" --module_name=argon2 --module_path="$argon2/lib/binding/napi-v3" --napi_build_version=3
  # What postinstall.sh does: VS Code's dependencies and its extensions' (from their shrinkwraps).
  npm install --prefix "$vscode" --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  npm install --prefix "$vscode/extensions" --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  for m in @vscode/spdlog node-pty native-watchdog; do build_native "$vscode/node_modules/$m"; done
  # node-pty's own install step runs `npx node-gyp`, which fetches node-gyp; it is built above.
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  ln -sfn "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$vscode/node_modules.asar"
  ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"
  touch "$ready"
fi
$prepare_only && exit 0

mkdir -p "$out"
exec timeout 300 node "$here/ui_test.mjs" "$kflint" "$vsix" "$out"
