#!/usr/bin/env bash
# Sets up everything vorlagen needs on a fresh Debian/Ubuntu machine, and does nothing when it is
# already set up: WeasyPrint's system libraries, then .venv with the exact package versions.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libpango-1.0.so.0 || missing+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
have_lib libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)   # ~20 % faster PDF fonts
if [ ${#missing[@]} -gt 0 ]; then
  echo "Einrichtung: installiere Systembibliotheken: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null; then
    echo "Fehler: Bitte installieren Sie Pango (für WeasyPrint) mit dem Paketmanager Ihres Systems." >&2
    exit 1
  fi
  $sudo apt-get update -qq
  # libharfbuzz-subset0 is optional: older systems do not have it.
  $sudo apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends libharfbuzz-subset0 >/dev/null 2>&1 || true
fi

python=${PYTHON:-python3}
stamp=.venv/.requirements-lock
if [ ! -x .venv/bin/python ] || ! cmp -s requirements.lock "$stamp"; then
  echo "Einrichtung: Python-Umgebung .venv mit den Paketen aus requirements.lock"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  cp requirements.lock "$stamp"
fi
