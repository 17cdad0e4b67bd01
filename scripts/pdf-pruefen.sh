#!/bin/sh
# Checks PDFs with validators we did not write: veraPDF (PDF/UA-1 and PDF/A-2u) and outloud (PDF/UA-1).
# Usage: scripts/pdf-pruefen.sh [Ordner oder PDF …]   (Standard: output/ ohne intern/)
# Set up once with scripts/setup.sh --test (it installs them into .werkzeuge/ of the project).
set -eu
WERKZEUGE=$(cd "$(dirname "$0")/.." && pwd)/.werkzeuge
VERAPDF=$WERKZEUGE/validators/verapdf-check
OUTLOUD=$WERKZEUGE/validators-venv/bin/outloud
[ -x "$VERAPDF" ] && [ -x "$OUTLOUD" ] || { echo "Die PDF-Prüfprogramme fehlen – richten Sie sie mit scripts/setup.sh --test ein." >&2; exit 1; }
[ $# -gt 0 ] || set -- output
DATEIEN=$(find "$@" -name '*.pdf' -not -path '*/intern/*' | sort)
[ -n "$DATEIEN" ] || { echo "Keine PDF-Dateien gefunden." >&2; exit 1; }
STATUS=0
# shellcheck disable=SC2086
ERGEBNIS=$("$VERAPDF" ua1,2u $DATEIEN) || STATUS=1
echo "$ERGEBNIS" | grep -v '^  time' 
for DATEI in $DATEIEN; do
  # In a Sitzungsmappe every part repeats its letterhead: outloud warns (PAG-001); there only errors count.
  case $(basename "$DATEI") in sitzungsmappe*) STUFE=error ;; *) STUFE=warning ;; esac
  ERGEBNIS=$("$OUTLOUD" --no-info --fail-on $STUFE "$DATEI") || STATUS=1
  echo "$ERGEBNIS" | head -1
done
[ $STATUS -eq 0 ] && echo "Alle PDF bestehen veraPDF (PDF/UA-1, PDF/A-2u) und outloud." || echo "Mindestens eine PDF besteht nicht." >&2
exit $STATUS
