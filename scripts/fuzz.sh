#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (+ASan +UBSan) in build-fuzz/ and runs them.
#
#   scripts/fuzz.sh --ci [targets...]          the CI gate: deterministic
#   scripts/fuzz.sh SECONDS [targets...]       a random campaign, e.g. scripts/fuzz.sh 3600
#
# --ci: each target replays its whole corpus, then runs a fixed number of mutations from a fixed
# seed (-seed, -runs, no time limit) starting from an empty working folder, so the same commit
# always gets the same verdict. Three more things are needed for that, all measured: -reload=0
# (libFuzzer otherwise re-reads its folder every second, a clock in the loop), no address
# randomisation (setarch -R: pointer values reach the comparison traces that guide mutations),
# and a fixed environment (env -i: its size moves the stack, so CI=true alone changed the run). A campaign starts from a random seed and keeps what it finds in
# build-fuzz/corpus/<target>. Seeds: fuzz/corpus/<target>, plus examples/ and tests/rules/ for the
# YAML targets. A crash leaves build-fuzz/artifacts/crash-*: copy it into fuzz/corpus/<target>/
# (it becomes a replay test under ctest) and add a unit test for the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
ci=0
if [ "${1:-}" = "--ci" ]; then ci=1; shift; seconds=0; else seconds="${1:-30}"; shift || true; fi
all=(pipeline yaml_values quantity image_ref suppression_config lsp_transport lsp_message lsp_session fix_safety config_glob)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# Mutations per target in the CI gate: about 15-30 s each on one core of the CI machine under
# ASan (the targets differ ~1000x in speed). Change them only together with the seed's verdict.
ci_runs() {
  case "$1" in
    pipeline) echo 1500 ;;
    fix_safety) echo 5000 ;;
    yaml_values) echo 30000 ;;
    quantity|image_ref) echo 1500000 ;;
    suppression_config) echo 50000 ;;
    config_glob) echo 50000 ;;
    lsp_transport) echo 300000 ;;
    lsp_message) echo 200000 ;;
    lsp_session) echo 4000 ;;
    *) echo 1000 ;;
  esac
}
readonly CI_SEED=20261204

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFLINT_FUZZ=ON >/dev/null
cmake --build build-fuzz --target $(printf 'fuzz_%s ' "${targets[@]}")
mkdir -p build-fuzz/corpus build-fuzz/artifacts
summary=build-fuzz/summary.txt
: > "$summary"
for t in "${targets[@]}"; do
  seeds=("fuzz/corpus/$t")
  dict=()
  case "$t" in
    pipeline|yaml_values|fix_safety) seeds+=(examples tests/rules); dict=(-dict=fuzz/dict/yaml.dict) ;;
    lsp_transport|lsp_message|lsp_session) dict=(-dict=fuzz/dict/lsp.dict) ;;
  esac
  # Per-input time limit: a slow input is a failure (the glob matcher must stay linear).
  timeout=10
  [ "$t" = config_glob ] && timeout=2
  if [ "$ci" = 1 ]; then
    work="build-fuzz/ci-corpus/$t"
    rm -rf "$work"
    budget=(-seed="$CI_SEED" -runs="$(ci_runs "$t")" -reload=0)
    runner=(env -i PATH=/usr/bin:/bin setarch "$(uname -m)" -R)
    what="seed $CI_SEED, $(ci_runs "$t") runs"
  else
    work="build-fuzz/corpus/$t"
    budget=(-max_total_time="$seconds")
    runner=()
    what="${seconds}s"
  fi
  mkdir -p "$work"
  log="build-fuzz/$t.log"
  echo "fuzz: $t ($what)"
  if ! "${runner[@]}" "build-fuzz/fuzz/fuzz_$t" "$work" "${seeds[@]}" "${dict[@]}" "${budget[@]}" -timeout="$timeout" -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ >"$log" 2>&1; then
    echo "fuzz: $t FAILED (see $log)"; tail -40 "$log"; exit 1
  fi
  execs=$(grep -oE 'number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}')
  rate=$(grep -oE 'average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  echo "$t: ${execs:-?} executions, ${rate:-?} exec/s, coverage ${cov:-?} edges, ${ft:-?} features ($what)" | tee -a "$summary"
done
echo "fuzz: no crashes"
