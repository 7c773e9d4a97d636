#!/usr/bin/env python3
"""Time and memory linear in every input dimension (hardening, round three).

For each dimension, kflint runs on an input of size n and of size 2n; the CPU time (user+sys,
the least of three runs) and the peak memory (max RSS) of the larger must stay under 3x the
smaller's: linear work doubles, quadratic work quadruples. Ratios within one run on one machine,
with n chosen so that the larger input takes a tenth of a second or more (process start is then
noise). A dimension that fails names itself and both measurements.

Usage: scaling.py KFLINT [DIMENSION...]
"""
import json
import os
import subprocess
import sys
import tempfile

sys.setrecursionlimit(20000)  # removing the deepest folder tree walks it recursively
KFLINT = sys.argv[1]
ONLY = set(sys.argv[2:])
LIMIT = 3.0

HEAD = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: mnist\n"
WORKER = ("spec:\n  tfReplicaSpecs:\n    Worker:\n      replicas: 2\n      restartPolicy: OnFailure\n      template:\n        spec:\n"
          "          containers:\n            - name: tensorflow\n              image: repo/mnist:1.0\n"
          "              resources: {requests: {cpu: \"1\", memory: 1Gi}, limits: {cpu: \"1\", memory: 1Gi}}\n")


def job_json(annotations=None, args=None):
    container = {"name": "tensorflow", "image": "repo/mnist:1.0",
                 "resources": {"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"cpu": "1", "memory": "1Gi"}}}
    if args is not None:
        container["args"] = args
    meta = {"name": "mnist"}
    if annotations is not None:
        meta["annotations"] = annotations
    return {"apiVersion": "kubeflow.org/v1", "kind": "TFJob", "metadata": meta,
            "spec": {"tfReplicaSpecs": {"Worker": {"replicas": 2, "restartPolicy": "OnFailure",
                                                   "template": {"spec": {"containers": [container]}}}}}}


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# Each dimension: (name, base n, make(dir, n) -> the kflint arguments).
def one_file(name, text_of):
    def make(d, n):
        p = os.path.join(d, name)
        write(p, text_of(n))
        return ["check", "--no-source", "--no-config", "-j1", p]
    return make


def values_of(kind):
    sample = {"null": None, "string": "v", "int": 7, "float": 1.5, "bool": True, "map": {}, "list": []}[kind]
    return one_file("values.json", lambda n: json.dumps(job_json(annotations={"a%d" % i: sample for i in range(n)})))


def list_items(kind):
    sample = {"null": None, "string": "--flag", "int": 7, "float": 1.5, "bool": True, "map": {}, "list": []}[kind]
    return one_file("items.json", lambda n: json.dumps(job_json(args=[sample] * n)))


def block_keys(n):
    return HEAD + "  annotations:\n" + "".join("    k%d: \"v\"\n" % i for i in range(n)) + WORKER


def block_unknown_fields(n):  # one finding (KF101) per key
    return HEAD + WORKER + "".join("      extra%d: 1\n" % i for i in range(n))


def documents(n):
    return "---\n".join(HEAD + WORKER for _ in range(n))


def nesting(n):  # 2,000 documents, each with a value nested n deep (within the parse limit of 256)
    deep = "[" * n + "]" * n
    return "---\n".join(HEAD + "  nested: %s\n" % deep + WORKER for _ in range(2000))


def long_line(n):  # one line of n/1000 kB: a flow map of strings
    return json.dumps(job_json(annotations={"a%d" % i: "x" * 40 for i in range(n)}), separators=(",", ":"))


def patch_deletions(d, n):
    p = os.path.join(d, "patch.json")
    write(p, json.dumps({"metadata": {"annotations": {"a%d" % i: None for i in range(n)}}}))
    return ["check", "--no-source", "--no-config", "-j1", "--operation", "patch", p]


def patch_with_base(d, n):
    base = os.path.join(d, "base.yaml")
    write(base, HEAD + WORKER)
    p = os.path.join(d, "patch.json")
    write(p, json.dumps({"metadata": {"labels": {"l%d" % i: "v" if i % 2 else None for i in range(n)}}}))
    return ["check", "--no-source", "--no-config", "-j1", "--operation", "patch", "--patch-base", base, p]


def folder_depth(d, n):
    root = os.path.join(d, "deep")
    os.mkdir(root)
    fd = os.open(root, os.O_RDONLY)
    for _ in range(n):  # relative to the folder above: the path may outgrow what one call accepts
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    job = os.open("job.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(job, (HEAD + WORKER).encode())
    os.close(job)
    os.close(fd)
    return ["check", "--no-source", "--no-config", "-j1", root]


def folder_width(d, n):
    root = os.path.join(d, "wide")
    os.makedirs(root)
    for i in range(n):
        write(os.path.join(root, "job%05d.yaml" % i), HEAD + WORKER)
    return ["check", "--no-source", "--no-config", "-j1", root]


DIMENSIONS = [(f"map values: {k}", 40000, values_of(k)) for k in ("null", "string", "int", "float", "bool", "map", "list")]
DIMENSIONS += [(f"list items: {k}", 200000 if k == "string" else 40000, list_items(k)) for k in ("null", "string", "int", "map")]
DIMENSIONS += [
    ("block map keys", 80000, one_file("keys.yaml", block_keys)),
    ("findings (unknown fields)", 20000, one_file("unknown.yaml", block_unknown_fields)),
    ("documents", 5000, one_file("docs.yaml", documents)),
    ("nesting", 100, one_file("nested.yaml", nesting)),
    ("line length", 20000, one_file("line.json", long_line)),
    ("merge patch deletions", 50000, patch_deletions),
    ("merge patch with base", 20000, patch_with_base),
    ("folder depth", 900, folder_depth),
    ("folder width", 1000, folder_width),
]


def measure(args):
    """(least CPU seconds of three runs, largest peak RSS in kB), each run in a fresh grandchild so
    that its own peak is what is measured."""
    code = ("import resource,subprocess,sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(r.returncode, u.ru_utime + u.ru_stime, u.ru_maxrss); sys.stderr.write(r.stderr.decode()[:300])")
    best, peak = None, 0
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code, KFLINT] + args, capture_output=True, check=True)
        rc, cpu, rss = out.stdout.decode().split()
        if int(rc) not in (0, 1):
            raise RuntimeError(f"kflint {' '.join(args[:-1])} exited {rc}: {out.stderr.decode()}")
        best = float(cpu) if best is None else min(best, float(cpu))
        peak = max(peak, int(rss))
    return best, peak


def main():
    failed = passed = 0
    for name, n, make in DIMENSIONS:
        if ONLY and name.split(":")[0] not in ONLY and name not in ONLY:
            continue
        with tempfile.TemporaryDirectory() as small_dir, tempfile.TemporaryDirectory() as large_dir:
            small_args, large_args = make(small_dir, n), make(large_dir, 2 * n)
            t_small, m_small = measure(small_args)
            t_large, m_large = measure(large_args)
        t_ratio = t_large / max(t_small, 0.02)
        m_ratio = m_large / max(m_small, 1)
        ok = t_ratio < LIMIT and m_ratio < LIMIT
        print(f"{'ok' if ok else 'FAIL'} - {name}: n={n}: {t_small:.3f}s -> {t_large:.3f}s (x{t_ratio:.2f}), "
              f"{m_small // 1024} MB -> {m_large // 1024} MB (x{m_ratio:.2f})")
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
