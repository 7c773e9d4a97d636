#!/usr/bin/env bash
# Runs nvim_lsp.lua in headless Neovim on a copy of a bad example (the test edits the buffer only).
set -euo pipefail
kflint="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../../examples/bad/tfjob-typos.yaml" "$work/job.yaml"
KFLINT="$kflint" MANIFEST="$work/job.yaml" PLUGIN="$here/../../editors/nvim" timeout 60 nvim --headless --clean -u NONE -c "luafile $here/nvim_lsp.lua" 2>&1
