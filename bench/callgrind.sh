#!/usr/bin/env bash
# Where the instructions go: callgrind (instruction counts are repeatable on this noisy machine)
# on 200 generated jobs (1.25 MB, one stream) with one thread, and on the one-job start-up case.
# Prints the total and each stage's inclusive count.   bench/callgrind.sh [build/kflint]
set -euo pipefail
cd "$(dirname "$0")"
kflint="$(realpath "${1:-../build/kflint}")"
mkdir -p corpus results
[ -f corpus/callgrind-200.yaml ] || python3 gen_corpus.py --docs 200 --out corpus/callgrind-200.yaml
[ -f corpus/one.yaml ] || python3 gen_corpus.py --docs 1 --defects 0 --out corpus/one.yaml
for input in callgrind-200 one; do
  out="results/callgrind-$input.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$kflint" check --no-source -j 1 -f json -o /dev/null "corpus/$input.yaml" >/dev/null 2>&1 || true
  callgrind_annotate --inclusive=yes "$out" 2>/dev/null | python3 -c '
import re, sys
stages = [
    ("reading (parse_document)", "kflint::parse_document("),
    ("  fast block reader", "kflint::read_block_yaml("),
    ("  yaml-cpp events", "YAML::Parser::HandleNextDocument("),
    ("  tree-sitter ranges", "kflint::RangeIndex::RangeIndex("),
    ("linting (lint_document)", "kflint::lint_document("),
    ("  schema (validate)", "kflint::schema::validate("),
    ("    pre-check", "kflint::schema::certainly_valid("),
    ("    valijson validation", "valijson::Validator::validate<"),
    ("    valijson schema compile (once per kind)", "valijson::SchemaParser::populateSchema<valijson::adapters::NlohmannJsonAdapter>(valijson::Schema&"),
]
lines = sys.stdin.read().splitlines()
total = next(int(l.split()[0].replace(",", "")) for l in lines if "PROGRAM TOTALS" in l)
print(f"{sys.argv[1]}: {total:,} instructions")
for name, needle in stages:
    counts = [int(l.split()[0].replace(",", "")) for l in lines if needle in l and "=>" not in l and "\x272" not in l]
    best = max(counts, default=0)
    print(f"  {name:44s} {best:>14,} {100 * best / total:5.1f}%")
' "$input"
done
