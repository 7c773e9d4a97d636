#!/usr/bin/env bash
# Builds the .deb with cpack, installs it with apt-get (needs root, as in CI), checks that
# `kflint version` runs from the installed path with its man page, docs and completions, and
# removes the package again.  deb.sh BUILD_DIR
set -euo pipefail
build="$(realpath "$1")"
if [ "$(id -u)" -ne 0 ]; then echo "skipped: installing a .deb needs root"; exit 77; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"; dpkg -s kflint >/dev/null 2>&1 && apt-get -o DPkg::Lock::Timeout=300 remove -y -qq kflint >/dev/null 2>&1 || true' EXIT
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB >/dev/null)
deb=$(ls "$work"/kflint_*.deb)
echo "built $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$deb" >/dev/null
out=$(/usr/bin/kflint version)
grep -q "^kflint " <<<"$out" && grep -q "schemas: training-operator v1.8.1" <<<"$out" || { echo "FAIL: $out"; exit 1; }
echo "ok - /usr/bin/kflint version: $(head -1 <<<"$out")"
for f in /usr/share/man/man1/kflint.1.gz /usr/share/doc/kflint/rules/KF301.md \
         /usr/share/bash-completion/completions/kflint /usr/share/zsh/vendor-completions/_kflint /usr/share/fish/vendor_completions.d/kflint.fish; do
  [ -f "$f" ] || { echo "FAIL: $f not installed"; dpkg -L kflint; exit 1; }
done
echo "ok - man page, rule docs and completions installed"
/usr/bin/kflint check --no-source "$(dirname "$0")/../../examples/good" >/dev/null
echo "ok - the installed binary lints the good examples cleanly"
# The installed binary links each rule to its installed page, and the page is there.
page=$(/usr/bin/kflint rules KF301 | grep -o 'file://[^ ]*')
[ "$page" = "file:///usr/share/doc/kflint/rules/KF301.md" ] && [ -f "${page#file://}" ] || { echo "FAIL: rule page link '$page'"; exit 1; }
echo "ok - kflint rules KF301 links the installed page $page"
echo "4 passed, 0 failed"
