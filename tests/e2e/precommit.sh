#!/usr/bin/env bash
# The real pre-commit (Debian's package) against this repository's .pre-commit-hooks.yaml, in a
# throw-away git repository: the hook fails on a bad manifest and prints the findings, passes on
# a good one, and the fix hook rewrites the file and fails as pre-commit fix hooks do.
set -euo pipefail
kflint_dir="$(cd "$(dirname "$1")" && pwd)"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PATH="$kflint_dir:$PATH" PRE_COMMIT_HOME="$work/cache" GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
# try-repo clones this repository: it must be a git repository (it is, in CI's clean clone).
git -C "$root" rev-parse --git-dir >/dev/null
cd "$work" && git init -q repo && cd repo
git config user.email ci@example.com && git config user.name ci
pass=0
cp "$root/examples/bad/tfjob-typos.yaml" bad.yaml
cp "$root/examples/good/mxjob-train.yaml" good.yaml
git add . && git commit -qm init

if out=$(pre-commit try-repo "$root" kflint --files bad.yaml 2>&1); then echo "FAIL: hook passed on a bad manifest"; echo "$out"; exit 1; fi
grep -q "\[KF101 unknown-field\]" <<<"$out" || { echo "FAIL: findings not printed"; echo "$out"; exit 1; }
echo "ok - kflint hook fails on a bad manifest and prints the findings"; pass=$((pass+1))

out=$(pre-commit try-repo "$root" kflint --files good.yaml 2>&1) || { echo "FAIL: hook failed on a good manifest"; echo "$out"; exit 1; }
echo "ok - kflint hook passes on a good manifest"; pass=$((pass+1))

printf 'apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: fixme\n  resourceVersion: "42"\nspec:\n  tfReplicaSpecs:\n    Worker:\n      template:\n        spec:\n          containers:\n            - name: trainer\n              image: kubeflow/tf-mnist:1.0\n              resources: {limits: {cpu: "1", memory: 1Gi}}\n' > fix.yaml
git add fix.yaml
before=$(sha256sum fix.yaml)
if out=$(pre-commit try-repo "$root" kflint-fix --files fix.yaml 2>&1); then echo "FAIL: fix hook passed although it changed the file"; echo "$out"; exit 1; fi
grep -q "files were modified by this hook" <<<"$out" || { echo "FAIL: pre-commit did not see a modification"; echo "$out"; exit 1; }
[ "$before" != "$(sha256sum fix.yaml)" ] && grep -q "name: tensorflow" fix.yaml && ! grep -q resourceVersion fix.yaml || { echo "FAIL: file not fixed"; cat fix.yaml; exit 1; }
echo "ok - kflint-fix rewrites the file and fails as fix hooks do"; pass=$((pass+1))
echo "$pass passed, 0 failed"
