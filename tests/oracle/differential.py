#!/usr/bin/env python3
"""Differential test: kflint against the oracle (tests/oracle/oracle.go, kubectl's own YAML code).

For every manifest-like file under the given roots it compares, per file:
  refused    kubectl refuses the file (a document it cannot read)  <=>  `kflint print` exits 2
  values     for a file both read: the objects kubectl sends, as JSON, equal after sorting keys
             (numbers compared as JSON numbers: 1.0 and 1 differ, as they differ for Go)
  duplicate  sigs.k8s.io/yaml's strict reading finds a repeated key  <=>  kflint warns of one
Intended differences are the table under "## Intended differences" in docs/agreement.md (file,
check, reason); any other difference fails, and so does a listed one that no longer differs.

Usage: differential.py KFLINT ORACLE AGREEMENT_MD ROOT...
"""
import json
import os
import subprocess
import sys

SKIP_EXT = {".cpp", ".h", ".mjs", ".js", ".lua", ".sh", ".py", ".md", ".expected", ".txt", ".go", ".tsv"}
SKIP_DIRS = {"node_modules", ".git"}


def files_under(roots):
    out = []
    for root in roots:
        if os.path.isfile(root):
            out.append(root)
            continue
        for base, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for n in sorted(names):
                if os.path.splitext(n)[1] in SKIP_EXT or n.startswith("package"):
                    continue
                out.append(os.path.join(base, n))
    return out


def intended(agreement_md, source_dir):
    """(relative file, check) -> reason, from the docs' table."""
    table, inside = {}, False
    for line in open(agreement_md, encoding="utf-8"):
        if line.startswith("## "):
            inside = line.strip() == "## Intended differences"
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if inside and line.startswith("|") and len(cells) >= 3 and cells[0].startswith("`"):
            table[(cells[0].strip("`"), cells[1])] = cells[2]
    return table


def normalized(raw):
    try:
        return json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False)
    except ValueError as e:
        return f"(not JSON: {e}: {raw[:120]})"


def main():
    kflint, oracle, agreement_md, roots = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    source_dir = os.path.dirname(os.path.dirname(os.path.abspath(agreement_md)))
    files = files_under(roots)
    verdicts = {}
    proc = subprocess.run([oracle] + files, capture_output=True, check=True)
    for line in proc.stdout.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        r = json.loads(line)
        verdicts[r["file"]] = r
    expected = intended(agreement_md, source_dir)
    seen, unexpected = set(), []
    for f in files:
        o = verdicts[f]
        k = subprocess.run([kflint, "print", "--json", f], capture_output=True)
        k_err = k.stderr.decode("utf-8", "replace")
        rel = os.path.relpath(os.path.abspath(f), source_dir)
        found = []
        o_refused = bool(o.get("error"))
        k_refused = k.returncode == 2
        if o_refused != k_refused:
            found.append(("refused", f"kubectl: {o.get('error') or 'reads it'}; kflint: {k_err.strip()[:200] or 'reads it'}"))
        if not o_refused and not k_refused:
            mine = [normalized(l) for l in k.stdout.decode("utf-8").split("\n") if l.strip()]  # not splitlines(): U+2028 is data
            theirs = [normalized(json.dumps(d["json"])) for d in o["docs"] if "json" in d]
            if mine != theirs:
                first = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
                a = mine[first][:300] if first < len(mine) else "(none)"
                b = theirs[first][:300] if first < len(theirs) else "(none)"
                found.append(("values", f"object {first + 1}: kubectl sends {b}; kflint reads {a}"))
            o_dup = any(d.get("duplicate") for d in o["docs"])
            k_dup = "duplicate key" in k_err
            if o_dup != k_dup:
                found.append(("duplicate", f"kubectl strict: {o_dup}; kflint: {k_dup}"))
        for check, detail in found:
            if (rel, check) in expected:
                seen.add((rel, check))
            else:
                unexpected.append(f"{rel}: {check}: {detail}")
    stale = [f"{f}: {c}" for (f, c) in expected if (f, c) not in seen and os.path.exists(os.path.join(source_dir, f))]
    print(f"differential: {len(files)} files, {len(seen)} intended differences, {len(unexpected)} unexpected, {len(stale)} stale")
    for u in unexpected:
        print("  UNEXPECTED " + u)
    for s in stale:
        print("  STALE (listed in docs/agreement.md, but agrees now) " + s)
    return 1 if unexpected or stale else 0


if __name__ == "__main__":
    sys.exit(main())
