#!/usr/bin/env bash
# Writes THIRD-PARTY-LICENSES: the license texts of everything a kflint binary carries besides
# kflint itself, read at build time from where the build took each part (Debian's copyright files
# for the libraries, the grammar's own LICENSE from its npm package). Nothing here is committed.
#   packaging/third-party-licenses.sh OUTPUT [--static-runtime]
# --static-runtime adds the GNU C Library and the GCC runtime (the portable executable links them in).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
static_runtime=false
[ "${2:-}" = "--static-runtime" ] && static_runtime=true
parts=(
  "yaml-cpp|Debian package libyaml-cpp-dev $(dpkg-query -W -f='${Version}' libyaml-cpp-dev)|/usr/share/doc/libyaml-cpp-dev/copyright"
  "tree-sitter|Debian package libtree-sitter-dev $(dpkg-query -W -f='${Version}' libtree-sitter-dev)|/usr/share/doc/libtree-sitter-dev/copyright"
  "tree-sitter-yaml|npm package @tree-sitter-grammars/tree-sitter-yaml $(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$root/third_party/node_modules/@tree-sitter-grammars/tree-sitter-yaml/package.json" | head -1)|$root/third_party/node_modules/@tree-sitter-grammars/tree-sitter-yaml/LICENSE"
  "valijson|Debian package libvalijson-dev $(dpkg-query -W -f='${Version}' libvalijson-dev)|/usr/share/doc/libvalijson-dev/copyright"
  "nlohmann/json|Debian package nlohmann-json3-dev $(dpkg-query -W -f='${Version}' nlohmann-json3-dev)|/usr/share/doc/nlohmann-json3-dev/copyright"
  "CLI11|Debian package libcli11-dev $(dpkg-query -W -f='${Version}' libcli11-dev)|/usr/share/doc/libcli11-dev/copyright"
)
if $static_runtime; then
  parts+=(
    "GNU C Library (glibc)|Debian package libc6 $(dpkg-query -W -f='${Version}' libc6); LGPL-2.1+: kflint's complete source, from which this executable can be relinked against another glibc, is published with it|/usr/share/doc/libc6/copyright"
    "GCC runtime libraries (libstdc++, libgcc)|Debian package libstdc++6 $(dpkg-query -W -f='${Version}' libstdc++6); GPL-3 with the GCC Runtime Library Exception|/usr/share/doc/libstdc++6/copyright"
  )
fi
{
  echo "Third-party software in this kflint binary"
  echo "=========================================="
  echo
  echo "kflint itself is licensed under the Apache License 2.0 (LICENSE). It contains:"
  for part in "${parts[@]}"; do IFS='|' read -r name from _ <<<"$part"; echo "  - $name ($from)"; done
  for part in "${parts[@]}"; do
    IFS='|' read -r name from file <<<"$part"
    [ -f "$file" ] || { echo "third-party-licenses: $file not found (scripts/setup.sh build installs it)" >&2; exit 2; }
    echo
    echo "------------------------------------------------------------------------------"
    echo "$name ($from)"
    echo "------------------------------------------------------------------------------"
    cat "$file"
  done
} >"$out.tmp"
mv "$out.tmp" "$out"
