#!/usr/bin/env bash
# Richtet bei Bedarf alles ein und baut data/ nach output/. Weitere Argumente gehen an build.py,
# z. B. ./bauen.sh check oder ./bauen.sh --data anderer-ordner --out andere-ausgabe
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python build.py "$@"
