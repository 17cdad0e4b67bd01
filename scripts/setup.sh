#!/usr/bin/env bash
# Sets up everything vorlagen needs on a fresh Debian/Ubuntu machine, and does nothing when it is
# already set up: WeasyPrint's system libraries, then .venv with the exact package versions.
# With --test also Chromium, which the tests drive headless; with --handbuch the handbook's tools.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
required=()
have_lib libpango-1.0.so.0 || required+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || required+=(libpangoft2-1.0-0)
if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null; then
  required+=(chromium)
fi
# libharfbuzz-subset0 makes PDF fonts ~20 % faster; older systems lack it, so it is tried once only.
optional=()
tried=.venv/.harfbuzz-subset-versucht
if ! have_lib libharfbuzz-subset.so.0 && [ ! -e "$tried" ]; then
  optional+=(libharfbuzz-subset0)
fi

if [ ${#required[@]} -gt 0 ] || [ ${#optional[@]} -gt 0 ]; then
  echo "Einrichtung: installiere Systempakete: ${required[*]} ${optional[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null; then
    echo "Fehler: Bitte installieren Sie ${required[*]} mit dem Paketmanager Ihres Systems." >&2
    exit 1
  fi
  $sudo apt-get update -qq
  if [ ${#required[@]} -gt 0 ]; then
    $sudo apt-get install -y -qq "${required[@]}" >/dev/null
  fi
  if [ ${#optional[@]} -gt 0 ]; then
    $sudo apt-get install -y -qq "${optional[@]}" >/dev/null 2>&1 || true
    mkdir -p .venv && touch "$tried"
  fi
fi

python=${PYTHON:-python3}
stamp=.venv/.requirements-lock
if [ ! -x .venv/bin/python ] || ! cmp -s requirements.lock "$stamp"; then
  echo "Einrichtung: Python-Umgebung .venv mit den Paketen aus requirements.lock"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  cp requirements.lock "$stamp"
fi

# With --test or --handbuch also the handbook's generator (Sphinx, MyST-Parser, Furo) from requirements-handbuch.lock.
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--handbuch" ]; then
  if ! cmp -s requirements-handbuch.lock .venv/.requirements-handbuch-lock; then
    echo "Einrichtung: Handbuch-Werkzeuge (Sphinx, MyST-Parser, Furo) aus requirements-handbuch.lock in .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-handbuch.lock
    cp requirements-handbuch.lock .venv/.requirements-handbuch-lock
  fi
fi

# With --test also the PDF validators (veraPDF engine and outloud), which the standards tests run.
if [ "${1:-}" = "--test" ] && { [ ! -x /opt/validators/verapdf-check ] || [ ! -x /opt/validators-venv/bin/outloud ]; }; then
  echo "Einrichtung: PDF-Prüfprogramme (veraPDF, outloud) unter /opt"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  need=()
  command -v javac >/dev/null || need+=(default-jdk-headless)
  [ -f /usr/share/java/jaxb-runtime.jar ] || need+=(libjaxb-java)
  if [ ${#need[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  $sudo sh scripts/validators/einrichten.sh
fi
