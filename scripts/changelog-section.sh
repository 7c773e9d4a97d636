#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (its text, without the heading): the release
# notes. Fails when there is no such section or it is empty.
#   scripts/changelog-section.sh [VERSION]    (default: scripts/version.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${1:-$("$root/scripts/version.sh")}"
notes=$(awk -v v="$version" '
  index($0, "## [" v "]") == 1 { inside = 1; next }
  inside && /^## \[/ { exit }
  inside { print }' "$root/CHANGELOG.md" | sed -e '/./,$!d')
[ -n "$notes" ] || { echo "changelog-section: no section for $version in CHANGELOG.md" >&2; exit 1; }
printf '%s\n' "$notes"
