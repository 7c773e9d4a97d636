#!/usr/bin/env bash
# Permission errors, for real: as root, drop to `nobody` with setpriv and check that an
# unreadable file is reported (exit 2) and that --fix in a read-only folder leaves the file
# exactly as it was, with no temporary file behind.  permissions.sh KFLINT
set -euo pipefail
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then echo "skipped: needs root and setpriv"; exit 77; fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$1" "$work/kflint" && chmod 755 "$work/kflint"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
cp "$root/examples/bad/tfjob-from-kubectl-get.yaml" "$work/secret.yaml" && chmod 600 "$work/secret.yaml"
set +e; out=$(as_nobody "$work/kflint" check --no-source "$work/secret.yaml"); rc=$?; set -e
[ $rc -eq 2 ] && grep -q "secret.yaml:1:1: error: cannot read: Permission denied \[KF000 input-error\]" <<<"$out" || { echo "FAIL (rc $rc): $out"; exit 1; }
echo "ok - an unreadable file is reported with its path, exit 2"
mkdir "$work/ro" && cp "$root/examples/bad/tfjob-from-kubectl-get.yaml" "$work/ro/job.yaml" && chmod 666 "$work/ro/job.yaml" && chmod 555 "$work/ro"
before=$(sha256sum < "$work/ro/job.yaml")
set +e; out=$(as_nobody "$work/kflint" check --no-source --fix "$work/ro/job.yaml"); rc=$?; set -e
[ $rc -eq 2 ] && grep -q "fixes not written: cannot create a temporary file beside" <<<"$out" || { echo "FAIL (rc $rc): $out"; exit 1; }
[ "$before" = "$(sha256sum < "$work/ro/job.yaml")" ] || { echo "FAIL: the file changed"; exit 1; }
[ "$(ls -A "$work/ro")" = "job.yaml" ] || { echo "FAIL: files left behind: $(ls -A "$work/ro")"; exit 1; }
echo "ok - --fix in a read-only folder writes nothing and reports why, exit 2"
echo "2 passed, 0 failed"
