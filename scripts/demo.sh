#!/usr/bin/env bash
# Quick start, part 1: install, build, and lint the bundled examples (the main job).
# Exits 0 when kflint ran (findings in examples/bad are expected), 2 on any tool error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The same build type as scripts/test.sh: running one after the other rebuilds nothing twice.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target kflint
set +e
build/kflint check examples/
rc=$?
set -e
if [ "$rc" -eq 2 ]; then exit 2; fi
echo "(exit status $rc: 1 means findings at error level, as examples/bad/ is meant to produce)"
