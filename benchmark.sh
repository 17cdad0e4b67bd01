#!/usr/bin/env bash
# Misst die Geschwindigkeit (einige Minuten): ./benchmark.sh [--jahr 500]
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python benchmark/run.py "$@"
