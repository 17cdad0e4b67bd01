#!/usr/bin/env bash
# Richtet bei Bedarf alles ein und führt alle Tests aus. Weitere Argumente gehen an pytest.
#   ./testen.sh --portabel [pytest-Argumente]   die Tests so, wie Windows das Programm laufen lässt, soweit Linux
#                                              das kann: ohne fcntl, termios, pwd, grp, resource, mit den Wegen
#                                              für Windows (VORLAGEN_PORTABEL=1; docs/anleitungen/windows.md)
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
if [ "${1:-}" = --portabel ]; then
  shift
  export VORLAGEN_PORTABEL=1 PYTHONPATH="$PWD/tests/portabel${PYTHONPATH:+:$PYTHONPATH}"
fi
exec .venv/bin/python -m pytest "$@"
