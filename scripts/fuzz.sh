#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (+ASan +UBSan) in build-fuzz/ and runs each one.
#   scripts/fuzz.sh [seconds per target, default 30] [targets...]
# CI runs a short pass; for a long campaign: scripts/fuzz.sh 3600
# Each target starts from its seeds (fuzz/corpus/<target>, plus examples/ and tests/rules/ for the
# YAML targets) and keeps what it finds in build-fuzz/corpus/<target>. A crash leaves a
# crash-* file in build-fuzz/; copy it into fuzz/corpus/<target>/ (it becomes a replay test) and
# add a unit test for the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline yaml_values quantity image_ref suppression_config lsp_transport lsp_session)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFLINT_FUZZ=ON >/dev/null
cmake --build build-fuzz --target $(printf 'fuzz_%s ' "${targets[@]}")
mkdir -p build-fuzz/corpus build-fuzz/artifacts
summary=build-fuzz/summary.txt
: > "$summary"
for t in "${targets[@]}"; do
  work="build-fuzz/corpus/$t"
  mkdir -p "$work"
  seeds=("fuzz/corpus/$t")
  dict=()
  case "$t" in
    pipeline|yaml_values) seeds+=(examples tests/rules); dict=(-dict=fuzz/dict/yaml.dict) ;;
    lsp_transport|lsp_session) dict=(-dict=fuzz/dict/lsp.dict) ;;
  esac
  log="build-fuzz/$t.log"
  echo "fuzz: $t for ${seconds}s"
  if ! "build-fuzz/fuzz/fuzz_$t" "$work" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ >"$log" 2>&1; then
    echo "fuzz: $t FAILED (see $log)"; tail -40 "$log"; exit 1
  fi
  execs=$(grep -oE 'number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}')
  rate=$(grep -oE 'average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  echo "$t: ${execs:-?} executions, ${rate:-?} exec/s, coverage ${cov:-?} edges, ${seconds}s" | tee -a "$summary"
done
echo "fuzz: no crashes"
