#!/usr/bin/env bash
# Richtet bei Bedarf alles ein und führt alle Tests aus. Weitere Argumente gehen an pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
exec .venv/bin/python -m pytest "$@"
