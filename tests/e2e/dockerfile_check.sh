#!/usr/bin/env bash
# A build-free check of the Dockerfile (no Docker engine runs here): every instruction is a
# Dockerfile instruction, base images are pinned to a release, apt-get installs use
# --no-install-recommends and clean their lists, every COPY source exists in the build context
# (or is an earlier stage), the packages it installs exist in Debian 12, the scripts it runs exist
# (it builds with the same scripts/setup.sh and scripts/release.sh the suite tests), and the
# runtime stage does not run as root.  dockerfile_check.sh [Dockerfile]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-$root/Dockerfile}"
fail=0
err() { echo "FAIL: $*"; fail=1; }
# Join continuation lines, drop comments and blanks.
instructions=$(sed -e 's/#.*$//' "$file" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' | grep -v '^\s*$')
stages=()
while read -r keyword rest; do
  kw=$(tr a-z A-Z <<<"$keyword")
  case "$kw" in
    FROM)
      image=$(awk '{print $1}' <<<"$rest")
      [[ "$image" == *:* && "$image" != *:latest ]] || err "FROM $image is not pinned to a release"
      [[ "$rest" =~ [Aa][Ss][[:space:]]+([a-z0-9_-]+) ]] && stages+=("${BASH_REMATCH[1]}") ;;
    RUN)
      for script in $(grep -oE 'scripts/[A-Za-z0-9_.-]+' <<<"$rest"); do
        [ -f "$root/$script" ] || err "RUN calls $script, which does not exist"
      done
      if grep -q "apt-get install" <<<"$rest"; then
        grep -q -- "--no-install-recommends" <<<"$rest" || err "apt-get install without --no-install-recommends"
        grep -q "rm -rf /var/lib/apt/lists" <<<"$rest" || err "apt lists not removed in the same layer"
        pkgs=$(sed -e 's/.*apt-get install//' -e 's/&&.*//' <<<"$rest" | tr ' ' '\n' | grep -v '^-' | grep -v '^$' || true)
        for p in $pkgs; do
          apt-cache show "$p" >/dev/null 2>&1 || err "package $p is not in this Debian release"
        done
      fi ;;
    COPY)
      if [[ "$rest" =~ --from=([a-z0-9_-]+) ]]; then
        printf '%s\n' "${stages[@]}" | grep -qx "${BASH_REMATCH[1]}" || err "COPY --from=${BASH_REMATCH[1]}: no such stage"
      else
        src=$(awk '{print $1}' <<<"$rest")
        [ -e "$root/$src" ] || err "COPY source $src does not exist"
      fi ;;
    WORKDIR|ENV|ARG|LABEL|EXPOSE|VOLUME|ENTRYPOINT|CMD|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|ADD) ;;
    USER) last_user="$rest" ;;
    *) err "unknown instruction $keyword" ;;
  esac
done <<<"$instructions"
[ "${last_user:-root}" != root ] || err "the final stage runs as root"
grep -q '^ENTRYPOINT \["/usr/local/bin/kflint"\]' "$file" || err "ENTRYPOINT is not the kflint binary"
grep -q 'scripts/setup.sh build' "$file" && grep -q 'scripts/release.sh' "$file" || err "the image is not built by scripts/setup.sh build and scripts/release.sh"
[ $fail -eq 0 ] && echo "1 passed, 0 failed"
exit $fail
