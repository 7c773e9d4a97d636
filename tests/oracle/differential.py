#!/usr/bin/env python3
"""Differential test: kflint against the oracle (tests/oracle/oracle.go, kubectl's own YAML code).

For every manifest-like file under the given roots it compares, per file:
  refused    kubectl refuses the file (a document it cannot read)  <=>  `kflint print` exits 2
  values     for a file both read: the objects kubectl sends, as JSON, equal after sorting keys
             (numbers compared as JSON numbers: 1.0 and 1 differ, as they differ for Go)
  duplicate  sigs.k8s.io/yaml's strict reading finds a repeated key  <=>  kflint warns of one
  schema     for kubeflow.org/v1 TFJobs and MXJobs: the field paths the CRD schema rejects (the
             API server's validator, after null pruning, with strict unknown fields)  ==  the
             paths of kflint's schema errors under `--target kubeflow` (KF101-KF104, KF302, KF303)
Intended differences are the table under "## Intended differences" in docs/agreement.md: each row
names a check, the words kflint says (a substring of its message), and the reason. Any other
difference fails. With --fixtures, every listed row must still occur among the files checked
(a row that no longer differs is stale: the table must say only what is true).

Usage: differential.py [--fixtures] [--schemas DIR] KFLINT ORACLE AGREEMENT_MD ROOT...
"""
import json
import os
import re
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


def intended(agreement_md):
    """[(check, kflint's words)] from the docs' table (| check | kflint says | kubectl | reason |)."""
    rows, inside = [], False
    for line in open(agreement_md, encoding="utf-8"):
        if line.startswith("## "):
            inside = line.strip() == "## Intended differences"
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if inside and line.startswith("|") and len(cells) >= 4 and cells[1].startswith("`"):
            rows.append((cells[0], cells[1].strip("`")))
    return rows


SCHEMA_RULES = {"KF007", "KF101", "KF102", "KF103", "KF104", "KF220", "KF302", "KF303"}


def field_path(path):
    """kflint's `a.b[0]["x.y"]` as the validator writes it: `a.b.x.y` (no list indices)."""
    path = re.sub(r'\[(\d+)\]', '', path)
    return re.sub(r'\["([^"]*)"\]', r'.\1', path)


def kflint_schema_paths(kflint, f):
    k = subprocess.run([kflint, "check", "--format", "json", "--no-config", "--target", "kubeflow", f], capture_output=True)
    paths = {}
    for d in json.loads(k.stdout.decode("utf-8"))["files"][0]["diagnostics"]:
        if d["rule"] not in SCHEMA_RULES or d["severity"] != "error" or "path" not in d:
            continue
        path = field_path(d["path"])
        if d["rule"] == "KF103":  # reported at the map that lacks the field; the validator names the field
            m = re.search(r"the required field `([^`]*)`", d["message"])
            path = (path + "." if path else "") + (m.group(1) if m else "")
        paths.setdefault(path, d["rule"])
    return paths


def normalized(raw):
    try:
        return json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False)
    except ValueError as e:
        return f"(not JSON: {e}: {raw[:120]})"


def main():
    args = sys.argv[1:]
    fixtures = args[0] == "--fixtures"
    if fixtures:
        args = args[1:]
    schemas = []
    if args[0] == "--schemas":  # schema/upstream: the CRD schemas kflint imported
        schemas, args = ["-schemas", args[1]], args[2:]
    kflint, oracle, agreement_md, roots = args[0], args[1], args[2], args[3:]
    source_dir = os.path.dirname(os.path.dirname(os.path.abspath(agreement_md)))
    files = files_under(roots)
    verdicts = {}
    proc = subprocess.run([oracle] + schemas + files, capture_output=True, check=True)
    for line in proc.stdout.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        r = json.loads(line)
        verdicts[r["file"]] = r
    expected = intended(agreement_md)
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
            verdicts_of_jobs = [d["schema"] for d in o["docs"] if "schema" in d]
            if verdicts_of_jobs:
                theirs_paths = {line.split(": ", 1)[0] for v in verdicts_of_jobs for line in v}
                mine = kflint_schema_paths(kflint, f)
                mine_paths = set(mine)
                if theirs_paths != mine_paths:
                    only_mine = [f"{p} ({mine[p]})" for p in sorted(mine_paths - theirs_paths)]
                    found.append(("schema", f"the API server rejects {sorted(theirs_paths - mine_paths) or 'nothing more'}; "
                                            f"kflint alone rejects {only_mine or 'nothing more'}"))
            o_dup = any(d.get("duplicate") for d in o["docs"])
            k_dup = "duplicate key" in k_err
            if o_dup != k_dup:
                found.append(("duplicate", f"kubectl strict: {o_dup}; kflint: {k_dup}"))
        for check, detail in found:
            row = next((r for r in expected if r[0] == check and r[1] in detail), None)
            if row:
                seen.add(row)
            else:
                unexpected.append(f"{rel}: {check}: {detail}")
    stale = [f"{c}: `{w}`" for (c, w) in expected if (c, w) not in seen] if fixtures else []
    print(f"differential: {len(files)} files, {len(seen)} intended differences, {len(unexpected)} unexpected, {len(stale)} stale")
    for u in unexpected:
        print("  UNEXPECTED " + u)
    for s in stale:
        print("  STALE (listed in docs/agreement.md, but agrees now) " + s)
    return 1 if unexpected or stale else 0


if __name__ == "__main__":
    sys.exit(main())
