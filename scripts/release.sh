#!/usr/bin/env bash
# Builds kflint's native release artifacts (Linux x86_64) into OUT, default release-artifacts/:
#   kflint-V-linux-x86_64          the portable executable: fully static, runs on any x86_64 Linux
#                                  with nothing installed (`ldd`: not a dynamic executable)
#   kflint-V-linux-x86_64.tar.gz   the same executable as bin/kflint, with the rule pages (which
#                                  `kflint rules` links to), the man page, shell completions,
#                                  LICENSE, NOTICE and THIRD-PARTY-LICENSES
#   kflint_V_amd64.deb             the Debian package (cpack), for Debian 12 and its derivatives
#   SHA256SUMS
# V is the one version, project(kflint VERSION ...) in CMakeLists.txt (scripts/version.sh).
#
#   scripts/release.sh [--build-dir DIR] [--out DIR]
# Without --build-dir: installs the build dependencies (scripts/setup.sh build) and makes a Release
# build in build-release/. With it: uses that configured build tree, as the test suite does
# (tests/e2e/release.sh), so nothing is compiled twice. The tarball is reproducible: names
# sorted, owner 0, times from the last commit (SOURCE_DATE_EPOCH when set).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=""
out="$root/release-artifacts"
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$(realpath -m "$2")"; shift 2 ;;
    --out) out="$(realpath -m "$2")"; shift 2 ;;
    *) echo "usage: scripts/release.sh [--build-dir DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
if [ -z "$build" ]; then
  "$root/scripts/setup.sh" build
  build="$root/build-release"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKFLINT_BUILD_TESTS=OFF >/dev/null
fi
[ -f "$build/CPackConfig.cmake" ] || { echo "release: $build is not a configured kflint build tree" >&2; exit 2; }
version="$("$root/scripts/version.sh")"
[ "$(uname -m)" = x86_64 ] || { echo "release: builds Linux x86_64 artifacts; this machine is $(uname -m)" >&2; exit 2; }
cmake --build "$build" --target kflint kflint-portable third_party_licenses man_page
reported="$("$build/kflint" version | head -1)"
[ "$reported" = "kflint $version" ] || { echo "release: the binary says '$reported', CMakeLists.txt says $version" >&2; exit 1; }
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}"

rm -rf "$out"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="kflint-$version-linux-x86_64"

# The portable executable, stripped (the build's copy keeps its debug info).
strip -o "$out/$name" "$build/kflint-portable"
if ldd "$out/$name" >/dev/null 2>&1; then echo "release: $name is dynamically linked" >&2; exit 1; fi

# The tarball: what `cmake --install` lays out, with the portable executable and the licenses of
# everything it links in (the C library and the C++ runtime too).
cmake --install "$build" --prefix "$work/$name" >/dev/null
cp "$out/$name" "$work/$name/bin/kflint"
bash "$root/packaging/third-party-licenses.sh" "$work/$name/share/doc/kflint/THIRD-PARTY-LICENSES" --static-runtime
cp "$root/LICENSE" "$root/NOTICE" "$work/$name/"
cp "$work/$name/share/doc/kflint/THIRD-PARTY-LICENSES" "$work/$name/"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$work" -cf - "$name" | gzip -9n >"$out/$name.tar.gz"

# The .deb, from the same build tree (stripped: CPACK_STRIP_FILES).
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
cp "$work"/deb/kflint_"$version"_*.deb "$out/"

(cd "$out" && sha256sum -- * >SHA256SUMS)
echo "release: kflint $version artifacts in $out:"
(cd "$out" && ls -l --time-style=+ | tail -n +2 | awk '{printf "  %-40s %10d bytes\n", $NF, $5}')
