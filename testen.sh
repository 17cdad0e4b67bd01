#!/usr/bin/env bash
# Richtet bei Bedarf alles ein und führt die Tests der schnellen Stufe in zwei Prozessen aus (ohne die mit „langsam“
# markierten, docs/entwicklung/tests.md). Weitere Argumente gehen an pytest (`-n 0`: in einem Prozess).
#   ./testen.sh --langsam [pytest-Argumente]    nur die langsame Stufe (VORLAGEN_LANGSAM=1 -m langsam -n 2, in zwei
#                                              Prozessen): der Beweis des Rechnens mit allen Varianten, kill -9,
#                                              die wirklich volle Platte
#   ./testen.sh --portabel [pytest-Argumente]   die Tests so, wie Windows das Programm laufen lässt, soweit Linux
#                                              das kann: ohne fcntl, termios, pwd, grp, resource, mit den Wegen
#                                              für Windows (VORLAGEN_PORTABEL=1; docs/anleitungen/windows.md),
#                                              die Tests der Stufen mit eigenen Wegen für Windows (s. u.)
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
if [ "${1:-}" = --langsam ]; then
  shift
  export VORLAGEN_LANGSAM=1
  # zwei Prozesse (pytest-xdist): die Tests setzen im eigenen Prozess, einer allein nutzt nur einen Kern
  exec .venv/bin/python -m pytest -m langsam -n 2 "$@"
fi
if [ "${1:-}" = --portabel ]; then
  shift
  export VORLAGEN_PORTABEL=1 PYTHONPATH="$PWD/tests/portabel${PYTHONPATH:+:$PYTHONPATH}"
  # die Tests der Stufen, die schreiben, sperren, Prozesse starten und die Befehle laufen lassen – dort liegen die
  # Wege für Windows (docs/anleitungen/windows.md); nicht die des Rechnens, Ladens, Setzens, Nachrechnens und des
  # Repositorys, die unter Windows dieselben Wege gehen, nicht die von `vorlagen vergleichen` (tests/review: es
  # schreibt und baut über dieselben Wege wie `bauen`; seine eigenen Wege für Windows prüfen die Tests in
  # tests/ablauf/test_windows.py) und nicht die von `vorlagen server`: ein Dienst, den die IT auf Linux einrichtet,
  # nie unter Windows. Nennt der Aufruf selbst Tests, gelten nur diese.
  case " $* " in
    *" tests/"*) ;;
    *) set -- tests/ablauf tests/building tests/cli tests/core tests/meetings tests/migration "$@" ;;
  esac
fi
# zwei Prozesse (pytest-xdist) wie die langsame Stufe: die Tests setzen im eigenen Prozess, einer allein nutzt nur
# einen der zwei Kerne
exec .venv/bin/python -m pytest -n 2 "$@"
