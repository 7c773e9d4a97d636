#!/usr/bin/env bash
# Quick start, part 2: install, build, and run the whole test suite (what CI runs): unit, fixture,
# end-to-end and real-client tests; the same suite under sanitizers; a short run of each fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/test-vscode.sh --prepare   # code-server and puppeteer-core for the VS Code UI test (pinned)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFLINT_BUILD_TESTS=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The same suite under ASan + UBSan (own build folder), then every fuzz target for a bounded time.
scripts/sanitize.sh
scripts/fuzz.sh --ci
