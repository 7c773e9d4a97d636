#!/usr/bin/env bash
# Runs emacs_eglot.el in batch-mode Emacs (Debian's emacs-nox + elpa-eglot) on a copy of a bad
# example; `emacs_eglot.sh KFLINT [PLUGIN_DIR]` (PLUGIN_DIR: editors/emacs by default).
set -euo pipefail
kflint="$1"
here="$(cd "$(dirname "$0")" && pwd)"
plugin="${2:-$here/../../editors/emacs}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../../examples/bad/tfjob-typos.yaml" "$work/job.yaml"
# A throw-away home: nothing of the user's Emacs configuration is read or written.
HOME="$work" KFLINT="$kflint" MANIFEST="$work/job.yaml" PLUGIN="$plugin" \
  timeout 90 emacs --batch -Q -l "$here/emacs_eglot.el" 2>&1
