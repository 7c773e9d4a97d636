#!/usr/bin/env bash
# Sets kflint's version everywhere it is written: CMakeLists.txt (the source of truth), the VS
# Code extension's package.json and lock, and the pins the docs show (`rev: vX.Y.Z`,
# `@vX.Y.Z`, `"version": "X.Y.Z"` in output samples). Then add the release's CHANGELOG.md
# heading by hand (docs/releasing.md). tests/e2e/versions.sh checks they agree.
#   scripts/set-version.sh 0.2.0
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
new="${1:-}"
[[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: scripts/set-version.sh MAJOR.MINOR.PATCH" >&2; exit 2; }
old="$("$root/scripts/version.sh")"
[ "$old" != "$new" ] || { echo "set-version: already $new"; exit 0; }
esc="${old//./\\.}"
sed -i "s/^project(kflint VERSION $esc /project(kflint VERSION $new /" "$root/CMakeLists.txt"
# package.json: the top-level version; package-lock.json: the project's own two entries.
sed -i "0,/\"version\": \"$esc\"/s//\"version\": \"$new\"/" "$root/editors/vscode/package.json"
sed -i "0,/\"version\": \"$esc\"/s//\"version\": \"$new\"/" "$root/editors/vscode/package-lock.json"
sed -i "0,/\"version\": \"$esc\"/s//\"version\": \"$new\"/" "$root/editors/vscode/package-lock.json"
for doc in "$root"/README.md "$root"/docs/*.md; do
  sed -i -e "s/rev: v$esc\b/rev: v$new/g" -e "s/@v$esc\b/@v$new/g" -e "s/\"version\": \"$esc\"/\"version\": \"$new\"/g" \
    -e "s|download/v$esc/kflint-$esc-|download/v$new/kflint-$new-|g" "$doc"
done
echo "set-version: $old -> $new (now add a '## [$new] - YYYY-MM-DD' heading to CHANGELOG.md)"
