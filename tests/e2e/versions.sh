#!/usr/bin/env bash
# One version and one license everywhere: CMakeLists.txt's project(kflint VERSION ...) is the
# source (scripts/version.sh); `kflint version`, every package manifest, the CHANGELOG and every
# pin the docs show must say the same, and every manifest must name Apache-2.0.
#   versions.sh KFLINT
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kflint="$1"
version="$("$root/scripts/version.sh")"
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
bad() { echo "FAIL - $*"; failed=$((failed + 1)); }
json_field() { node -e 'const p = require(process.argv[1]); console.log(process.argv[2].split(".").reduce((o, k) => o?.[k], p) ?? "")' "$1" "$2"; }

out=$("$kflint" version)
[ "$(head -1 <<<"$out")" = "kflint $version" ] && ok "kflint version: $version" || bad "kflint version says '$(head -1 <<<"$out")', CMakeLists.txt $version"
grep -q "^license: Apache-2.0" <<<"$out" && ok "kflint version names the license" || bad "kflint version names no license"
grep -q "Apache License" "$root/LICENSE" && grep -q "Version 2.0, January 2004" "$root/LICENSE" && ok "LICENSE is Apache-2.0" || bad "LICENSE is not the Apache-2.0 text"
# Every package manifest the project publishes (package.json files that are not private).
while IFS= read -r manifest; do
  rel="${manifest#"$root"/}"
  [ "$(json_field "$manifest" private)" = true ] && continue
  v=$(json_field "$manifest" version); l=$(json_field "$manifest" license)
  [ "$v" = "$version" ] && ok "$rel: version $v" || bad "$rel: version '$v', not $version"
  [ "$l" = Apache-2.0 ] && ok "$rel: license $l" || bad "$rel: license '$l', not Apache-2.0"
  lock="$(dirname "$manifest")/package-lock.json"
  if [ -f "$lock" ]; then
    lv=$(json_field "$lock" version); rv=$(node -e 'console.log(require(process.argv[1]).packages[""].version)' "$lock")
    [ "$lv" = "$version" ] && [ "$rv" = "$version" ] && ok "${lock#"$root"/}: version $version" || bad "${lock#"$root"/}: versions '$lv' and '$rv', not $version"
  fi
done < <(find "$root" -name package.json -not -path '*/node_modules/*' -not -path '*/build*/*' | sort)
"$root/scripts/changelog-section.sh" "$version" >/dev/null && ok "CHANGELOG.md has release notes for $version" || bad "CHANGELOG.md has no '## [$version]' section with text"
! "$root/scripts/changelog-section.sh" 0.0.0-none >/dev/null 2>&1 && ok "changelog-section.sh fails for a version with no section" || bad "changelog-section.sh found notes for a version that has none"
# The release workflow runs scripts that exist.
for script in $(grep -oE '(scripts|tests/e2e)/[A-Za-z0-9_.-]+\.sh' "$root/.github/workflows/release.yml" | sort -u); do
  [ -x "$root/$script" ] || [ -f "$root/$script" ] || bad "release.yml runs $script, which does not exist"
done
# Pins the docs tell users to write: `rev: vX.Y.Z` (pre-commit) and `@vX.Y.Z` (the Action).
pins=$(grep -rhoE '(rev: v|@v)[0-9]+\.[0-9]+\.[0-9]+|download/v[0-9.]+/kflint-[0-9.]+-' "$root/README.md" "$root"/docs/*.md "$root"/action.yml 2>/dev/null | sort -u)
v="${version//./\\.}"
stale=$(grep -vE "^((rev: v|@v)$v|download/v$v/kflint-$v-)\$" <<<"$pins" | grep -v '^$')
[ -z "$stale" ] && ok "every pin in the docs names v$version ($(wc -l <<<"$pins") kinds)" || bad "stale pins in the docs: $(tr '\n' ' ' <<<"$stale")"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
