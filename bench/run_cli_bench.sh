#!/usr/bin/env bash
# Command-line throughput: kflint and the peers that run offline here, on the same corpora, in
# the same run, alternating, several runs each; medians, ratios and peak RSS (/usr/bin/time).
#   bench/run_cli_bench.sh [build/kflint] [runs, default 3] [documents in the medium corpus, default 2000]
set -euo pipefail
cd "$(dirname "$0")"
kflint="$(realpath "${1:-../build/kflint}")"
runs="${2:-3}"
medium="${3:-2000}"
[ -d node_modules/ajv ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
mkdir -p corpus results
[ -f corpus/one.yaml ] || python3 gen_corpus.py --docs 1 --defects 0 --out corpus/one.yaml
[ -d corpus/medium-$medium ] || python3 gen_corpus.py --docs "$medium" --files 20 --out corpus/medium-$medium
[ -f corpus/large-$medium.yaml ] || python3 gen_corpus.py --docs "$medium" --out corpus/large-$medium.yaml
declare -A cmds=(
  [kflint]="$kflint check --no-source --max-file-size 1000000000 -f json -o /dev/null"
  [ajv+js-yaml]="node ajv_validate.mjs"
  [jsonschema+PyYAML]="python3 jsonschema_validate.py"
  [yamllint]="yamllint -f parsable -d relaxed"
  [cat]="cat"
)
out=results/cli.jsonl
tools=(${TOOLS:-kflint ajv+js-yaml jsonschema+PyYAML yamllint cat})
[ -n "${KEEP:-}" ] || : > "$out"   # KEEP=1 adds to earlier results (e.g. TOOLS=kflint after a change)
for corpus in corpus/one.yaml corpus/medium-$medium corpus/large-$medium.yaml; do
  for run in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      cmd=${cmds[$tool]}
      target=$corpus
      [ "$tool" = cat ] && [ -d "$corpus" ] && target="$corpus/"'*'
      /usr/bin/time -f "%e %M" -o /tmp/kflint-bench-time bash -c "$cmd $target > /dev/null 2>&1" || true
      read -r secs rss < <(tail -1 /tmp/kflint-bench-time)  # time prints "Command exited..." first on exit 1
      echo "{\"corpus\": \"$(basename "$corpus")\", \"tool\": \"$tool\", \"seconds\": $secs, \"rss_kb\": $rss}" | tee -a "$out"
    done
  done
done
python3 - "$out" > results/cli.md <<'PY'
import json, sys, statistics, collections
rows = [json.loads(l) for l in open(sys.argv[1])]
by = collections.defaultdict(list)
for r in rows: by[(r["corpus"], r["tool"])].append(r)
print("| corpus | tool | median s | peak RSS MB | kflint is ×faster |\n|---|---|---|---|---|")
for corpus in dict.fromkeys(r["corpus"] for r in rows):
    k = statistics.median(r["seconds"] for r in by[(corpus, "kflint")])
    for tool in dict.fromkeys(r["tool"] for r in rows):
        rs = by[(corpus, tool)]
        med = statistics.median(r["seconds"] for r in rs)
        rss = max(r["rss_kb"] for r in rs) / 1024
        ratio = f"{med / k:.2f}" if tool != "kflint" and k > 0 else ""
        print(f"| {corpus} | {tool} | {med:.2f} | {rss:.0f} | {ratio} |")
PY
cat results/cli.md
