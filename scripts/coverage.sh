#!/usr/bin/env bash
# Line coverage of kflint's own code by the test suite (unit, fixture, replayed fuzz corpora,
# end-to-end), with GCC's --coverage in build-cov/. Prints a table per folder.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-cov -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKFLINT_BUILD_TESTS=ON \
  -DCMAKE_CXX_FLAGS="--coverage -O0" -DCMAKE_C_FLAGS="--coverage -O0" -DCMAKE_EXE_LINKER_FLAGS="--coverage" >/dev/null
cmake --build build-cov
find build-cov -name '*.gcda' -delete
ctest --test-dir build-cov -j "$(nproc)" -E 'deb_package' >/dev/null || true
python3 - <<'PY'
import glob, os, subprocess, collections, re
root = os.getcwd()
covered = collections.Counter(); total = collections.Counter()
seen = {}
for gcno in glob.glob("build-cov/**/*.gcno", recursive=True):
    objdir = os.path.dirname(gcno)
    out = subprocess.run(["gcov", "-n", "-o", objdir, gcno], capture_output=True, text=True, cwd=root).stdout
    for m in re.finditer(r"File '([^']+)'\nLines executed:([\d.]+)% of (\d+)", out):
        path = os.path.relpath(os.path.join(root, m.group(1)) if not m.group(1).startswith("/") else m.group(1), root)
        if path.startswith("..") or path.startswith("build") or path.startswith("tests/") or path.startswith("third_party") or "/" not in path: continue
        lines = int(m.group(3)); pct = float(m.group(2))
        if path not in seen or seen[path][1] < lines * pct:
            seen[path] = (lines, lines * pct / 100)
for path, (lines, hit) in seen.items():
    folder = path.split("/")[0] + ("/" + path.split("/")[1] if path.startswith("rules/") else "")
    total[folder] += lines; covered[folder] += hit
print("| folder | lines | covered |\n|---|---|---|")
for folder in sorted(total):
    print(f"| {folder} | {total[folder]} | {100 * covered[folder] / total[folder]:.1f}% |")
print(f"| **all** | {sum(total.values())} | {100 * sum(covered.values()) / sum(total.values()):.1f}% |")
PY
