#!/usr/bin/env bash
# Compiles the extension (tsc, no errors allowed), runs its unit tests, and packages the .vsix
# with @vscode/vsce, offline: `editors/vscode/build.sh [OUTPUT.vsix]`.
set -euo pipefail
cd "$(dirname "$0")"
out="$(realpath -m "${1:-kflint.vsix}")"
[ -d node_modules/@vscode/vsce ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
rm -rf out
npx --no-install tsc -p .
node --test out/test/
# The license travels in the package (vsce takes LICENSE from the extension's folder; the copy is
# ignored by git). No `repository` in package.json: it names no repository it does not have.
cp ../../LICENSE LICENSE
npx --no-install vsce package --allow-missing-repository -o "$out" >/dev/null
# The client library must travel inside the package: VS Code does not provide it.
listing=$(unzip -l "$out")
grep -q "extension/node_modules/vscode-languageclient/node.js" <<<"$listing" || { echo "vscode-languageclient missing from $out"; exit 1; }
grep -q "extension/out/src/extension.js" <<<"$listing" || { echo "extension.js missing from $out"; exit 1; }
grep -q "extension/LICENSE" <<<"$listing" || { echo "LICENSE missing from $out"; exit 1; }
echo "packaged $out"
