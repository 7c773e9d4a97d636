#!/usr/bin/env bash
# Generates kflint.1 from the binary's own --help output (help2man), with the subcommands'
# help appended: the man page cannot drift from the CLI.  make-man.sh KFLINT OUTPUT
set -euo pipefail
kflint="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
extra="$(mktemp)"
trap 'rm -f "$extra"' EXIT
cp "$here/man-sections.h2m" "$extra"
for sub in check rules lsp version; do
  printf '\n[COMMAND: %s]\n.nf\n' "$(echo "$sub" | tr a-z A-Z)" >> "$extra"
  "$kflint" "$sub" --help | sed 's/\\/\\\\/g; s/^\./\\\&./' >> "$extra"
  printf '.fi\n' >> "$extra"
done
help2man --no-info --section=1 --name="offline linter and language server for Kubeflow TFJob/MXJob manifests" \
  --include="$extra" --output="$out" "$kflint"
