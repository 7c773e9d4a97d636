#!/usr/bin/env bash
# Editor latency benchmark: kflint vs yaml-language-server 1.25 (npm) on the same files and the
# same one-character edits, alternating, in one run. Writes bench/results/lsp-latency.md.
#   bench/run_lsp_bench.sh [build/kflint] [edits per run, default 60] [runs, default 2]
set -euo pipefail
cd "$(dirname "$0")"
kflint="$(realpath "${1:-../build/kflint}")"  # relative to bench/
edits="${2:-60}"
runs="${3:-2}"
mkdir -p corpus results
[ -d node_modules/yaml-language-server ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
for n in 100 500; do [ -f corpus/lsp-$n.yaml ] || python3 gen_corpus.py --docs $n --out corpus/lsp-$n.yaml; done
out=results/lsp-latency.jsonl
: > "$out"
for run in $(seq "$runs"); do
  for n in 100 500; do
    node lsp_latency.mjs --server kflint --kflint "$kflint" --file corpus/lsp-$n.yaml --edits "$edits" | tee -a "$out"
    # yaml-language-server takes seconds per edit on the large file: fewer edits keep the run short.
    timeout 900 node lsp_latency.mjs --server yamlls --file corpus/lsp-$n.yaml --edits $(( n == 100 ? 20 : 8 )) | tee -a "$out"
  done
done
python3 - "$out" > results/lsp-latency.md <<'PY'
import json, sys, statistics, platform, os
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(f"# Editor latency (didChange -> publishDiagnostics)\n\nMachine: {os.cpu_count()} cores, {platform.platform()}\n")
print("| server | documents | lines | edits | median ms | p95 ms | peak RSS MB |\n|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['server']} | {r['documents']} | {r['lines']} | {r['edits']} | {r['median_ms']} | {r['p95_ms']} | {r['peak_rss_mb']} |")
for n in (100, 500):
    k = [r for r in rows if r["server"] == "kflint" and r["documents"] == n]
    y = [r for r in rows if r["server"] == "yamlls" and r["documents"] == n]
    if k and y:
        kp = statistics.median(r["p95_ms"] for r in k); yp = statistics.median(r["p95_ms"] for r in y)
        print(f"\n{n} documents: kflint p95 {kp} ms vs yaml-language-server {yp} ms: {yp / kp:.0f}x faster")
PY
cat results/lsp-latency.md
