#!/usr/bin/env bash
# Command-line throughput and start-up: kflint vs its peers, see bench/cli_bench.py for options.
#   bench/run_cli_bench.sh [--runs 3] [--medium-docs 10000] [--large-mb 50] ...
exec python3 "$(dirname "$0")/cli_bench.py" "$@"
