#!/usr/bin/env bash
# Richtet bei Bedarf alles ein und baut data/ nach output/. Weitere Argumente gehen an build.py,
# z. B. ./bauen.sh pruefen, ./bauen.sh hilfe (das Handbuch) oder ./bauen.sh --data anderer-ordner --out andere-ausgabe
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = hilfe ]; then
  scripts/setup.sh --handbuch  # the handbook needs Sphinx
else
  scripts/setup.sh
fi
exec .venv/bin/python build.py "$@"
