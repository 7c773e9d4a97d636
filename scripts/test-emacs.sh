#!/usr/bin/env bash
# The Emacs (eglot) client test alone: installs what is needed, builds kflint, and runs
# tests/e2e/emacs_eglot.sh against it (ctest runs the same as `lsp_emacs_client`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target kflint
exec bash tests/e2e/emacs_eglot.sh "$PWD/build/kflint"
