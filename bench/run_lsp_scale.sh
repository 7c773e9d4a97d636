#!/usr/bin/env bash
# Editor latency as the file grows (issue 17): kflint alone on 100, 500 and 5,000 jobs in one file,
# one-character edits in `metadata.name`s spread over the file, timed from didChange to the
# publishDiagnostics that follows; the server's own account splits each keystroke into applying
# the edit, analysis, building the message and writing it (the push model's floor: the whole set
# is written for every change), and the first diagnostics into the client's own sending and the
# server's part. Writes the tables into docs/performance.md between the lsp-scale markers.
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
table = [f"Measured {datetime.date.today()} on {os.cpu_count()} cores ({platform.machine()}) with `bench/run_lsp_scale.sh build/kflint`.", "",
         "Keystrokes (didChange to the publishDiagnostics that follows; the server's part from its trace, medians):", "",
         "| jobs | lines | size MB | diagnostics | keystroke median ms | p95 ms | applying the edit ms | analysis ms | building the message ms (serialized of all) | writing it ms (the floor) | peak RSS MB | RSS / size |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    table.append(f"| {r['documents']:,} | {r['lines']:,} | {r['size_mb']} | {r['diagnostics']:,} | {r['median_ms']} | {r['p95_ms']} | {r['edit_median_ms']} | {r['analysis_median_ms']} | "
                 f"{r['building_median_ms']} ({r['serialized_median']} of {r['diagnostics']:,}) | {r['writing_median_ms']} | {r['peak_rss_mb']} | {r['peak_rss_mb'] / r['size_mb']:.1f}x |")
table += ["", "Opening the file (didOpen to the first publishDiagnostics), and where the time goes:", "",
          "| jobs | first diagnostics ms | client sending ms | the client alone into `cat` ms | server after the client sent ms | server: receiving | decoding | analysis | publication |",
          "|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    table.append(f"| {r['documents']:,} | {r['open_ms']:,} | {r['open_sent_ms']:,} | {r['client_floor_ms']:,} | {r['open_ms'] - r['open_sent_ms']:,.1f} | {r['open_received_ms']} | "
                 f"{r['open_decoded_ms']} | {r['open_analysis_ms']} | {r['open_publish_ms']} |")
doc = open(sys.argv[2]).read()
begin, end = "<!-- lsp-scale:begin -->", "<!-- lsp-scale:end -->"
block = begin + "\n" + "\n".join(table) + "\n" + end
doc = doc[:doc.index(begin)] + block + doc[doc.index(end) + len(end):] if begin in doc else doc + "\n" + block + "\n"
open(sys.argv[2], "w").write(doc)
print("\n".join(table))
PY
