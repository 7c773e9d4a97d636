#!/usr/bin/env bash
# Editor latency as the file grows (issue 17): kflint alone on 100, 500 and 5,000 jobs in one file,
# one-character edits in `metadata.name`s spread over the file, timed from didChange to the
# publishDiagnostics that follows; the server's own account splits each keystroke into analysis
# and publication (the push model's floor: the whole set is written for every change). Writes
# the table into docs/performance.md between the lsp-scale markers.
#   bench/run_lsp_scale.sh [build/kflint] [edits per size, default 60]
set -euo pipefail
cd "$(dirname "$0")"
kflint="$(realpath "${1:-../build/kflint}")"
edits="${2:-60}"
mkdir -p corpus results
[ -d node_modules/vscode-languageserver-protocol ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
out=results/lsp-scale.jsonl
: > "$out"
for n in 100 500 5000; do
  [ -f corpus/lsp-$n.yaml ] || python3 gen_corpus.py --docs $n --out corpus/lsp-$n.yaml
  node lsp_latency.mjs --server kflint --kflint "$kflint" --file corpus/lsp-$n.yaml --edits "$edits" | tee -a "$out"
done
python3 - "$out" ../docs/performance.md <<'PY'
import json, sys, os, platform, datetime
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
table = [f"Measured {datetime.date.today()} on {os.cpu_count()} cores ({platform.machine()}) with `bench/run_lsp_scale.sh build/kflint`:", "",
         "| jobs | lines | size MB | keystroke median ms | p95 ms | of which analysis (median) | publication (median) | first diagnostics ms | peak RSS MB | RSS / size |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    table.append(f"| {r['documents']:,} | {r['lines']:,} | {r['size_mb']} | {r['median_ms']} | {r['p95_ms']} | {r['analysis_median_ms']} ms | "
                 f"{r['publish_median_ms']} ms | {r['open_ms']:,} | {r['peak_rss_mb']} | {r['peak_rss_mb'] / r['size_mb']:.1f}x |")
doc = open(sys.argv[2]).read()
begin, end = "<!-- lsp-scale:begin -->", "<!-- lsp-scale:end -->"
block = begin + "\n" + "\n".join(table) + "\n" + end
doc = doc[:doc.index(begin)] + block + doc[doc.index(end) + len(end):] if begin in doc else doc + "\n" + block + "\n"
open(sys.argv[2], "w").write(doc)
print("\n".join(table))
PY
