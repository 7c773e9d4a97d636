#!/usr/bin/env bash
# The build set of scripts/setup.sh (what scripts/demo.sh, scripts/release.sh, the Dockerfile and
# a packager install) holds no browser, editor, Go toolchain, test framework or fuzzing compiler;
# the test set holds all of the build set. Every package named exists in this Debian release.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build=$("$root/scripts/setup.sh" --list build) test=$("$root/scripts/setup.sh" --list test)
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
bad() { echo "FAIL - $*"; failed=$((failed + 1)); }
for p in chromium neovim emacs-nox elpa-eglot golang-go clang pre-commit libgtest-dev ripgrep; do
  grep -qx "$p" <<<"$build" && bad "the build set installs $p" || ok "the build set leaves out $p"
done
missing=$(comm -23 <(sort <<<"$build") <(sort <<<"$test"))
[ -z "$missing" ] && ok "the test set includes the build set" || bad "the test set lacks: $missing"
grep -q 'scripts/setup.sh build' "$root/scripts/demo.sh" && ok "demo.sh installs the build set" || bad "demo.sh does not use the build set"
grep -q 'scripts/setup.sh test' "$root/scripts/test.sh" && ok "test.sh installs the test set" || bad "test.sh does not use the test set"
for p in $test; do apt-cache show "$p" >/dev/null 2>&1 || bad "package $p is not in this Debian release"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
