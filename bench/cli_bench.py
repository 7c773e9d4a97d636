#!/usr/bin/env python3
"""Command-line benchmark: kflint and the peers that run offline here, on the same corpora, in the
same run, alternating, several runs each. Prints medians, ratios (the figures that count on this
noisy 2-core machine) and peak RSS (/usr/bin/time), with floors beside them (cat, and the parsers
alone: bench/floors.cpp). Writes results/cli.jsonl, results/cli.md and results/cli.svg.

  bench/cli_bench.py [--build ../build] [--runs 3] [--one-runs 21] [--slow-runs 1]
                     [--medium-docs 10000] [--large-mb 50] [--tools kflint,ajv+js-yaml,...]

Corpora (bench/gen_corpus.py, generated on first use): one job; "medium" = N jobs in 20 files;
"large" = one stream of M megabytes; "large-split" = the large stream's jobs one per file (the
only shape ajv-cli reads: one YAML document per data file).
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def sh(cmd):
    return ["bash", "-c", cmd]


def make_corpora(medium_docs, large_mb):
    c = os.path.join(HERE, "corpus")
    os.makedirs(c, exist_ok=True)
    gen = [sys.executable, os.path.join(HERE, "gen_corpus.py")]
    one = os.path.join(c, "one.yaml")
    medium = os.path.join(c, f"medium-{medium_docs}")
    large = os.path.join(c, f"large-{large_mb:g}mb.yaml")
    split = os.path.join(c, f"large-{large_mb:g}mb-split")
    if not os.path.exists(one):
        subprocess.run(gen + ["--docs", "1", "--defects", "0", "--out", one], check=True)
    if not os.path.isdir(medium):
        subprocess.run(gen + ["--docs", str(medium_docs), "--files", "20", "--out", medium], check=True)
    if not os.path.exists(large):
        subprocess.run(gen + ["--megabytes", str(large_mb), "--out", large], check=True)
    if not os.path.isdir(split):
        os.makedirs(split)
        for i, doc in enumerate(open(large).read().split("---\n")):
            kind = "tfjob" if "\nkind: TFJob\n" in doc else "mxjob"
            with open(os.path.join(split, f"{kind}-{i:05d}.yaml"), "w") as f:
                f.write(doc)
    return {"one": one, "medium": medium, "large": large, "large-split": split}


def schemas_without_draft():
    """ajv 8 does not load draft-04 meta-schemas; our schemas use only keywords draft-07 reads alike."""
    out = {}
    for kind in ("tfjob", "mxjob"):
        s = json.load(open(os.path.join(HERE, "..", "schema", "generated", f"{kind}.schema.json")))
        s.pop("$schema", None)
        path = os.path.join(HERE, "results", f"{kind}.draft07.schema.json")
        json.dump(s, open(path, "w"))
        out[kind] = path
    return out


def tools(build, schemas):
    kflint = os.path.join(build, "kflint")
    floors = os.path.join(build, "kflint_floors")
    ajv_cli = os.path.join(HERE, "node_modules", ".bin", "ajv")

    def files(path):  # a directory's files, for the floors (they take files)
        return " ".join(os.path.join(path, f) for f in sorted(os.listdir(path))) if os.path.isdir(path) else path

    def ajv_cli_cmd(path):
        if path.endswith("split"):
            pattern = lambda kind: f"'{path}/{kind}-*.yaml'"
        elif path.endswith("one.yaml"):
            pattern = lambda kind: f"'{path}'" if kind == "tfjob" else None
        else:
            return None  # multi-document files: ajv-cli reads one document per file
        runs = [f"{ajv_cli} validate --strict=false --all-errors -s {schemas[k]} -d {pattern(k)}" for k in ("tfjob", "mxjob") if pattern(k)]
        return sh("; ".join(r + " >/dev/null 2>&1" for r in runs) + "; true")

    return {
        # name: (command for a corpus path or None when it cannot read that corpus, slow?)
        "kflint": (lambda p: [kflint, "check", "--no-source", "--max-file-size", "1000000000", "-f", "json", "-o", "/dev/null", p], False),
        "ajv+js-yaml": (lambda p: None if p.endswith("split") else ["node", os.path.join(HERE, "ajv_validate.mjs"), p], False),
        "ajv-cli+js-yaml": (ajv_cli_cmd, False),
        "jsonschema+PyYAML": (lambda p: None if p.endswith("split") else [sys.executable, os.path.join(HERE, "jsonschema_validate.py"), p], True),
        "yamllint": (lambda p: None if p.endswith("split") else ["yamllint", "-f", "parsable", "-d", "relaxed", p], True),
        "yaml-language-server": (lambda p: ["node", os.path.join(HERE, "lsp_latency.mjs"), "--server", "yamlls", "--file", p, "--edits", "0"]
                                 if p.endswith("mb.yaml") else None, True),
        "floor: cat": (lambda p: sh(f"cat {p}/* > /dev/null" if os.path.isdir(p) else f"cat {p} > /dev/null"), False),
        "floor: yaml-cpp events (1 thread)": (lambda p: None if "one" in p or p.endswith("split") else sh(f"{floors} yaml-cpp {files(p)}"), True),
        "floor: tree-sitter (1 thread)": (lambda p: None if "one" in p or p.endswith("split") else sh(f"{floors} tree-sitter {files(p)}"), True),
        "floor: kflint reading only (1 thread)": (lambda p: None if "one" in p or p.endswith("split") else sh(f"{floors} read-values {files(p)}"), False),
    }


def measure(cmd):
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        seconds = time.perf_counter() - start
        rss_kb = int(t.read().strip().splitlines()[-1])  # time prints "Command exited..." first on exit 1
    if "lsp_latency.mjs" in " ".join(cmd):  # the server's figures, not the Node client's
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        return r["open_ms"] / 1000, r["peak_rss_mb"] * 1024
    return seconds, rss_kb


def corpus_bytes(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    return os.path.getsize(path)


def summarize(rows, corpora, out_md, out_svg):
    by = {}
    for r in rows:
        by.setdefault((r["corpus"], r["tool"]), []).append(r)
    lines = [f"Machine: {os.cpu_count()} cores, {platform.platform()}; kflint uses both cores, floors one.\n",
             "| corpus | size | tool | runs | median s | MB/s | peak RSS MB | kflint is × faster |", "|---|---|---|---|---|---|---|---|"]
    plot = {}
    for corpus in corpora:
        size = corpus_bytes(corpora[corpus])
        k = [r["seconds"] for r in by.get((corpus, "kflint"), [])]
        kmed = statistics.median(k) if k else None
        for tool in dict.fromkeys(r["tool"] for r in rows if r["corpus"] == corpus):
            rs = by[(corpus, tool)]
            med = statistics.median(r["seconds"] for r in rs)
            rss = max(r["rss_kb"] for r in rs) / 1024
            ratio = f"{med / kmed:.2f}" if kmed and tool != "kflint" and "floor" not in tool else ""
            shown = f"{med * 1000:.1f} ms" if med < 1 else f"{med:.2f}"
            rate = "—" if size < 1e6 else f"{size / 1e6 / med:.1f}"
            shown_size = f"{size / 1e3:.1f} kB" if size < 1e6 else f"{size / 1e6:.1f} MB"
            lines.append(f"| {corpus} | {shown_size} | {tool} | {len(rs)} | {shown} | {rate} | {rss:.0f} | {ratio} |")
            plot.setdefault(corpus, []).append((tool, med, rss))
    open(out_md, "w").write("\n".join(lines) + "\n")
    open(out_svg, "w").write(svg(plot))
    print("\n".join(lines))


def svg(plot):
    """Horizontal bars, one panel per corpus, log-scaled seconds; kflint in its own colour."""
    import math
    width, bar, gap, left = 900, 18, 6, 300
    panels = [(c, sorted(v, key=lambda t: t[1])) for c, v in plot.items()]
    height = sum(40 + len(v) * (bar + gap) for _, v in panels) + 30
    lo = min(t[1] for _, v in panels for t in v)
    hi = max(t[1] for _, v in panels for t in v)
    lo_log, hi_log = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    scale = lambda s: left + (math.log10(s) - lo_log) / (hi_log - lo_log) * (width - left - 120)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>']
    y = 20
    for corpus, items in panels:
        out.append(f'<text x="10" y="{y + 12}" font-weight="bold">{corpus} (seconds, log scale; lower is better)</text>')
        y += 24
        for tool, med, _ in items:
            colour = "#d9480f" if tool == "kflint" else "#adb5bd" if "floor" in tool else "#4263eb"
            x1 = scale(med)
            x0 = scale(10 ** lo_log)
            out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{tool}</text>')
            out.append(f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="{bar}" fill="{colour}"/>')
            label = f"{med * 1000:.0f} ms" if med < 1 else f"{med:.2f} s"
            out.append(f'<text x="{x1 + 4:.1f}" y="{y + 13}">{label}</text>')
            y += bar + gap
        y += 16
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one-runs", type=int, default=21)
    ap.add_argument("--slow-runs", type=int, default=1, help="runs for the slow peers and the one-thread floors")
    ap.add_argument("--medium-docs", type=int, default=10000)
    ap.add_argument("--large-mb", type=float, default=50)
    ap.add_argument("--tools", help="comma-separated subset")
    ap.add_argument("--corpora", default="one,medium,large,large-split")
    ap.add_argument("--keep", action="store_true", help="add to results/cli.jsonl instead of starting over")
    ap.add_argument("--report", action="store_true", help="only rebuild cli.md and cli.svg from results/cli.jsonl")
    args = ap.parse_args()
    if args.report:
        rows = [json.loads(l) for l in open(os.path.join(HERE, "results", "cli.jsonl"))]
        corpora = make_corpora(args.medium_docs, args.large_mb)
        corpora = {k: v for k, v in corpora.items() if any(r["corpus"] == k for r in rows)}
        summarize(rows, corpora, os.path.join(HERE, "results", "cli.md"), os.path.join(HERE, "results", "cli.svg"))
        return
    build = os.path.abspath(args.build)
    subprocess.run(["cmake", "--build", build, "--target", "kflint", "kflint_floors"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.isdir(os.path.join(HERE, "node_modules", "ajv-cli")):
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    corpora = make_corpora(args.medium_docs, args.large_mb)
    corpora = {k: v for k, v in corpora.items() if k in args.corpora.split(",")}
    all_tools = tools(build, schemas_without_draft())
    chosen = args.tools.split(",") if args.tools else list(all_tools)
    out = os.path.join(HERE, "results", "cli.jsonl")
    rows = [json.loads(l) for l in open(out)] if args.keep and os.path.exists(out) else []
    with open(out, "a" if args.keep else "w") as log:
        for corpus, path in corpora.items():
            runs = args.one_runs if corpus == "one" else args.runs
            for run in range(runs):
                for tool in chosen:
                    make, slow = all_tools[tool]
                    cmd = make(path)
                    if cmd is None or (slow and run >= (args.slow_runs if corpus != "one" else args.runs)):
                        continue
                    seconds, rss_kb = measure(cmd)
                    row = {"corpus": corpus, "tool": tool, "run": run, "seconds": round(seconds, 4), "rss_kb": rss_kb}
                    print(json.dumps(row), flush=True)
                    log.write(json.dumps(row) + "\n")
                    log.flush()
                    rows.append(row)
    summarize(rows, corpora, os.path.join(HERE, "results", "cli.md"), os.path.join(HERE, "results", "cli.svg"))


if __name__ == "__main__":
    main()
