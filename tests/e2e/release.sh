#!/usr/bin/env bash
# The native release artifacts, as a user gets them: scripts/release.sh builds them from the test
# build tree; the portable executable runs under `env -i` in an empty folder (nothing on PATH,
# no HOME) and links nothing; the tarball carries the rule pages its links point to and the
# licenses; the .deb installs with apt-get (root, as in CI), runs from /usr/bin, and is removed
# again; the checksums verify; a second run gives a byte-identical tarball.
#   release.sh BUILD_DIR
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(realpath "$1")"
out="$build/release-test"
version="$("$root/scripts/version.sh")"
name="kflint-$version-linux-x86_64"
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
bad() { echo "FAIL - $*"; failed=$((failed + 1)); }
work="$(mktemp -d)"
cleanup() {
  rm -rf "$work"
  dpkg -s kflint >/dev/null 2>&1 && apt-get -o DPkg::Lock::Timeout=300 remove -y -qq kflint >/dev/null 2>&1
  true
}
trap cleanup EXIT

bash "$root/scripts/release.sh" --build-dir "$build" --out "$out" || { echo "FAIL - scripts/release.sh"; exit 1; }
for f in "$name" "$name.tar.gz" "kflint_${version}_amd64.deb" SHA256SUMS; do
  [ -s "$out/$f" ] && ok "release produced $f" || bad "release did not produce $f"
done
(cd "$out" && sha256sum --quiet -c SHA256SUMS) && ok "SHA256SUMS verifies" || bad "SHA256SUMS does not verify"

# --- the portable executable, in an empty folder with an empty environment
exe="$work/empty/kflint"
mkdir -p "$work/empty" && cp "$out/$name" "$exe"
if ldd "$exe" >/dev/null 2>&1; then bad "ldd lists libraries: $(ldd "$exe" | tr '\n' ' ')"; else ok "ldd: $(ldd "$exe" 2>&1 | tr -d '\t')"; fi
file "$exe" | grep -q "statically linked" && ok "file: statically linked" || bad "file: $(file "$exe")"
run() { (cd "$work/empty" && env -i "$exe" "$@"); }
[ "$(run version | head -1)" = "kflint $version" ] && ok "env -i kflint version: kflint $version" || bad "version: $(run version 2>&1 | head -1)"
cp "$root/examples/good/tfjob-dist-mnist.yaml" "$root/examples/bad/tfjob-typos.yaml" "$work/empty/"
out_good=$(run check --no-source tfjob-dist-mnist.yaml); rc=$?
[ $rc -eq 0 ] && grep -q "^No problems found" <<<"$out_good" && ok "a good job is clean (exit 0)" || bad "good job: exit $rc: $out_good"
out_bad=$(run check --no-source tfjob-typos.yaml); rc=$?
[ $rc -eq 1 ] && grep -q "KF101" <<<"$out_bad" && ok "a bad job has errors (exit 1, KF101)" || bad "bad job: exit $rc: $out_bad"
# The same findings as the build's own binary; only the rule-page links differ (the build's binary
# links its build tree's pages; a lone executable has none beside it and prints no link).
without_links() { node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () =>
  console.log(JSON.stringify(JSON.parse(s), (k, v) => k === "url" ? undefined : v)))'; }
native=$("$build/kflint" check --no-source --format json "$work/empty/tfjob-typos.yaml" | without_links)
portable=$(run check --no-source --format json "$work/empty/tfjob-typos.yaml" | without_links)
[ -n "$native" ] && [ "$native" = "$portable" ] && ok "the portable executable's findings equal the build's" || bad "portable and native outputs differ"
out_stdin=$(run check --no-source - --stdin-filename job.yaml <"$root/examples/bad/tfjob-typos.yaml"); rc=$?
[ $rc -eq 1 ] && grep -q "^job.yaml:" <<<"$out_stdin" && ok "stdin works" || bad "stdin: exit $rc: $out_stdin"
lsp_message() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
reply=$({ lsp_message '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
          lsp_message '{"jsonrpc":"2.0","method":"initialized","params":{}}'
          lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
          lsp_message '{"jsonrpc":"2.0","method":"exit"}'; } | run lsp); rc=$?
[ $rc -eq 0 ] && grep -q '"textDocumentSync"' <<<"$reply" && grep -q '"id":2' <<<"$reply" && ok "kflint lsp: initialize, shutdown, exit 0" || bad "lsp: exit $rc: ${reply:0:300}"

# --- the tarball: the layout, the rule pages the links point to, the licenses
mkdir -p "$work/unpacked" && tar -xzf "$out/$name.tar.gz" -C "$work/unpacked"
t="$work/unpacked/$name"
for f in bin/kflint LICENSE NOTICE THIRD-PARTY-LICENSES share/man/man1/kflint.1.gz share/doc/kflint/README.md share/doc/kflint/CHANGELOG.md share/bash-completion/completions/kflint; do
  [ -f "$t/$f" ] || bad "tarball lacks $f"
done
rules=$(env -i "$t/bin/kflint" rules | grep -c '^KF')
pages=$(ls "$t/share/doc/kflint/rules" | grep -c '^KF.*\.md$')
[ "$rules" -gt 0 ] && [ "$rules" = "$pages" ] && ok "tarball: $pages rule pages for $rules rules" || bad "tarball: $pages pages for $rules rules"
page=$(env -i "$t/bin/kflint" rules KF301 | grep -o 'file://[^ ]*')
[ "$page" = "file://$t/share/doc/kflint/rules/KF301.md" ] && [ -f "${page#file://}" ] && ok "kflint rules KF301 links the page in the tarball" || bad "rule page link '$page'"
for lib in yaml-cpp tree-sitter-yaml valijson "GNU C Library" "GCC runtime"; do
  grep -q "$lib" "$t/THIRD-PARTY-LICENSES" || bad "THIRD-PARTY-LICENSES does not name $lib"
done
cmp -s "$t/LICENSE" "$root/LICENSE" && ok "tarball: LICENSE and the licenses of everything linked in" || bad "tarball LICENSE differs"

# --- reproducible: a second run gives the same tarball
bash "$root/scripts/release.sh" --build-dir "$build" --out "$work/again" >/dev/null || bad "second release run failed"
cmp -s "$out/$name.tar.gz" "$work/again/$name.tar.gz" && ok "a second run gives a byte-identical tarball" || bad "the tarball is not reproducible"

# --- the .deb
deb="$out/kflint_${version}_amd64.deb"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] && ok ".deb version $version" || bad ".deb version $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "yaml-cpp\|tree-sitter" <<<"$depends" && bad ".deb depends on $depends" || ok ".deb depends only on the C/C++ runtime: $depends"
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: installing the .deb needs root"
else
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$deb" >/dev/null || bad "apt-get install $deb"
  v=$(/usr/bin/kflint version)
  grep -q "^kflint $version$" <<<"$v" && grep -q "schemas: training-operator v1.8.1" <<<"$v" && ok "/usr/bin/kflint version" || bad "installed version: $v"
  for f in /usr/share/man/man1/kflint.1.gz /usr/share/doc/kflint/rules/KF301.md /usr/share/doc/kflint/LICENSE \
           /usr/share/doc/kflint/THIRD-PARTY-LICENSES /usr/share/bash-completion/completions/kflint \
           /usr/share/zsh/vendor-completions/_kflint /usr/share/fish/vendor_completions.d/kflint.fish; do
    [ -f "$f" ] || bad "$f not installed"
  done
  /usr/bin/kflint check --no-source "$root/examples/good" >/dev/null && ok "the installed binary lints the good examples cleanly" || bad "installed binary on examples/good"
  page=$(/usr/bin/kflint rules KF301 | grep -o 'file://[^ ]*')
  [ "$page" = "file:///usr/share/doc/kflint/rules/KF301.md" ] && ok "kflint rules KF301 links the installed page" || bad "installed rule page link '$page'"
  file -L /usr/bin/kflint | grep -q "not stripped" && bad "the .deb's binary is not stripped" || ok "the .deb's binary is stripped"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
