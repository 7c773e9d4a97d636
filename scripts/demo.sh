#!/usr/bin/env bash
# Quick start, part 1: install the build dependencies (no test toolchain: no browser, editor or Go),
# build, and lint the bundled examples/ (the main job).
# Exits 0 when kflint ran (findings in examples/bad are expected), 2 on any tool error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
# The same build folder and type as scripts/test.sh (which turns the tests on): running one after
# the other compiles kflint once.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFLINT_BUILD_TESTS=OFF >/dev/null
cmake --build build --target kflint
set +e
build/kflint check examples/
rc=$?
set -e
if [ "$rc" -eq 2 ]; then exit 2; fi
echo "(exit status $rc: 1 means findings at error level, as examples/bad/ is meant to produce)"
