#!/usr/bin/env bash
# Peak memory of `kflint check` over many files and over one stream, per output format.
#   bench/memory.sh [KFLINT] [OLD_KFLINT]
# The corpus: the 10,000-job corpus (bench/gen_corpus.py, 20 files) copied 8 times (160 files),
# and one 50 MB stream. Peak RSS from GNU time; with OLD_KFLINT, both run in the same session.
set -euo pipefail
cd "$(dirname "$0")/.."
kflint="${1:-build/kflint}"
old="${2:-}"
work="${TMPDIR:-/tmp}/kflint-memory-bench"
if [ ! -d "$work/many/c7" ]; then
  rm -rf "$work"
  python3 bench/gen_corpus.py --docs 10000 --files 20 --out "$work/many/c0" >/dev/null
  for i in 1 2 3 4 5 6 7; do cp -r "$work/many/c0" "$work/many/c$i"; done
  python3 bench/gen_corpus.py --megabytes 50 --files 1 --out "$work/stream" >/dev/null
fi
echo "| binary | input | format | peak RSS MB | seconds |"
echo "|---|---|---|---|---|"
for bin in "$kflint" $old; do
  for input in many stream stdin; do
    for format in text json sarif; do
      [ "$input" = stdin ] && [ "$format" != json ] && continue
      if [ "$input" = stdin ]; then  # the stream through a pipe
        cat "$work/stream" | /usr/bin/time -o "$work/time.txt" -f "%M %e" "$bin" check --no-config - -f "$format" >/dev/null 2>&1 || true
        size=$(du -sh "$work/stream" | cut -f1)
      else
        /usr/bin/time -o "$work/time.txt" -f "%M %e" "$bin" check --no-config "$work/$input" -f "$format" >/dev/null 2>&1 || true
        size=$(du -sh "$work/$input" | cut -f1)
      fi
      set -- $(tail -1 "$work/time.txt")
      echo "| $bin | $input ($size) | $format | $(( $1 / 1024 )) | $2 |"
    done
  done
done
