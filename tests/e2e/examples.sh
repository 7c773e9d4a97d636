#!/usr/bin/env bash
# End to end, through the real binary: every file in examples/good/ is clean (no finding at all,
# exit 0), every file in examples/bad/ has at least one error (exit 1), and `kflint check
# examples/` exits 1.
set -u
kflint="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
fail=0
for f in "$root"/examples/good/*; do
  out=$("$kflint" check --no-source "$f"); rc=$?
  if [ $rc -ne 0 ] || ! grep -q "^No problems found" <<<"$out"; then
    echo "FAIL: $f should be clean (exit $rc):"; echo "$out"; fail=1
  fi
done
for f in "$root"/examples/bad/*; do
  out=$("$kflint" check --no-source "$f"); rc=$?
  if [ $rc -ne 1 ] || ! grep -q ": error: " <<<"$out"; then
    echo "FAIL: $f should have errors (exit $rc):"; echo "$out"; fail=1
  fi
done
"$kflint" check --no-source "$root/examples" >/dev/null; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: kflint check examples/ exited $rc, expected 1"; fail=1; }
# Repeatable --ignore takes one rule each time and leaves the paths alone.
out=$("$kflint" check --no-source --ignore KF405 --ignore image-latest-tag "$root/examples/bad/mxjob-wrong-shape.yaml"); rc=$?
{ [ $rc -eq 1 ] && ! grep -q KF405 <<<"$out" && grep -q KF211 <<<"$out"; } || { echo "FAIL: --ignore (exit $rc): $out"; fail=1; }
[ $fail -eq 0 ] && echo "examples: all good files clean, all bad files flagged; --ignore works"
exit $fail
