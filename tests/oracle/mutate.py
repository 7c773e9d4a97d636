#!/usr/bin/env python3
"""Differential fuzzing: mutated real manifests, judged by kflint and by the oracle.

Writes COUNT mutants of the seed manifests (examples/, tests/rules/, the CCI manual's examples)
into OUT, with a fixed random seed, so a run is the same on every machine: indentation, quoting,
anchors and aliases, flow and block styles, comments, CRLF and lone CR, tabs, Unicode, YAML 1.1
scalars, repeated keys, truncation and document markers. differential.py then compares every
mutant; a disagreement it reports becomes a fixture under tests/oracle/cases/ once understood.

Usage: mutate.py SOURCE_DIR SHARED_DIR OUT COUNT [SEED]
"""
import os
import random
import sys

SCALARS = ["yes", "no", "on", "off", "y", "n", "0x1F", "012", "0o17", "1_000", "1e3", ".5", "~", "null", "2.10", "1:20", "0b101",
           "+12", "-0", ".inf", "-.Inf", ".NaN", "1e400", "99999999999999999999", "9223372036854775808", "-9223372036854775809",
           "2001-12-14t21:59:43.10-05:00", "'quoted'", '"dq\\u00e9"', '"\\ud83d\\ude00"', "a: b", "[1, 2]", "{a: 1}", "!!str 1", "!!int '7'",
           "&anchor v", "*anchor", "|\n  block", ">-\n  folded", '"unterminated', "'it''s'", "é", "\u2028", "\t", "@x", "`x", "%x", "- x"]
MARKERS = ["---", "...", "--- # c", "--- !tag", "--- {a: 1}", "----", "--- |", "%YAML 1.1\n---"]
UNICODE = ["é", "😀", "\u2028", "\u200b", "\ufeff", "\u0085", "ï»¿", "\u00a0"]


def mutate_line(lines, rng):
    i = rng.randrange(len(lines))
    line = lines[i]
    op = rng.randrange(11)
    if op == 0:  # indentation
        lines[i] = (" " * rng.choice([1, 2, 4])) + line if rng.random() < 0.5 else line[rng.choice([1, 2]):]
    elif op == 1 and ": " in line:  # quoting
        k, v = line.split(": ", 1)
        v = v.strip()
        lines[i] = k + ": " + rng.choice(['"%s"' % v, "'%s'" % v, v.strip("\"'"), '"%s' % v])
    elif op == 2 and ": " in line:  # YAML 1.1 scalars and other odd values
        k, _ = line.split(": ", 1)
        lines[i] = k + ": " + rng.choice(SCALARS)
    elif op == 3 and ":" in line:  # flow style
        k, v = line.split(":", 1)
        lines[i] = k + ": " + rng.choice(["{x: %s}" % v.strip(), "[%s]" % v.strip(), "{%s: 1}" % v.strip(), "[ ]", "{}"])
    elif op == 4:  # comments
        lines[i] = line + rng.choice(["  # note", " #no-space", "#", "  # kflint: disable=KF101"])
    elif op == 5:  # tabs
        lines[i] = "\t" + line.lstrip(" ") if rng.random() < 0.5 else line.replace(": ", ":\t", 1)
    elif op == 6:  # Unicode in a value or key
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + rng.choice(UNICODE) + line[at:]
    elif op == 7:  # document markers
        lines.insert(i, rng.choice(MARKERS))
    elif op == 8:  # a repeated key
        lines.insert(i, line)
    elif op == 9 and ": " in line:  # anchors and aliases
        k, v = line.split(": ", 1)
        lines[i] = k + ": &a" + str(rng.randrange(3)) + " " + v
        j = rng.randrange(len(lines))
        if ": " in lines[j]:
            lines[j] = lines[j].split(": ", 1)[0] + ": *a" + str(rng.randrange(3))
    elif op == 10:  # merge keys and explicit keys
        lines.insert(i, (" " * (len(line) - len(line.lstrip(" ")))) + rng.choice(["<<: {merged: 1}", "? complex", ": value", "<<: *a0"]))


def mutant(text, rng):
    lines = text.split("\n")
    for _ in range(rng.choice([1, 1, 2, 3])):
        if lines:
            mutate_line(lines, rng)
    out = "\n".join(lines)
    r = rng.random()
    if r < 0.1:
        out = out.replace("\n", "\r\n")
    elif r < 0.15:
        out = out.replace("\n", "\r")
    elif r < 0.25:
        out = out[: rng.randrange(len(out) + 1)]
    return out


def seeds(source_dir):
    paths = []
    # examples/ includes request bodies in the shapes the Huawei CCI manual documents (examples/api/).
    for root in [os.path.join(source_dir, "examples"), os.path.join(source_dir, "tests", "rules")]:
        for base, dirs, names in os.walk(root):
            dirs.sort()
            for n in sorted(names):
                if n.endswith((".yaml", ".yml", ".json")):
                    paths.append(os.path.join(base, n))
    return paths


def main():
    source_dir, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261205)
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        os.remove(os.path.join(out, old))
    texts = [open(p, encoding="utf-8", errors="surrogateescape").read() for p in seeds(source_dir)]
    for n in range(count):
        with open(os.path.join(out, "m%05d.yaml" % n), "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(mutant(rng.choice(texts), rng))
    print(f"mutate: {count} mutants of {len(texts)} seeds in {out}")


if __name__ == "__main__":
    main()
