#!/usr/bin/env bash
# Sets up what vorlagen needs on a fresh Debian/Ubuntu machine, and does nothing when it is already set up.
#   scripts/setup.sh         building: WeasyPrint's system libraries, .venv with requirements.lock – no test tool
#   scripts/setup.sh --test  also testing: Chromium, LibreOffice Writer without its user interface (it must convert
#                            every Word file we write), Java and JAXB (system), requirements-test.lock into .venv,
#                            the PDF validators (veraPDF engine, outloud) into .werkzeuge/ inside the project,
#                            the handbook's generator (requirements-handbuch.lock: Sphinx, MyST-Parser, Furo),
#                            Node.js (system) and the OpenID Connect provider of the server's tests into
#                            tests/oidc/node_modules/ (npm ci from its package-lock.json)
#   scripts/setup.sh --handbuch  building and the handbook's generator (for `vorlagen hilfe`)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
test=false
[ "${1:-}" = "--test" ] && test=true
handbuch=$test
[ "${1:-}" = "--handbuch" ] && handbuch=true

# grep reads the whole list: with -q it could stop early, ldconfig would die of SIGPIPE and pipefail report a miss
have_lib() { ldconfig -p 2>/dev/null | grep "$1" >/dev/null; }
# each lock file is installed into .venv once and again when it changes (its copy in .venv is the stamp)
locks=(requirements.lock)
$test && locks+=(requirements-test.lock)
$handbuch && locks+=(requirements-handbuch.lock)
stale_locks() { for lock in "${locks[@]}"; do cmp -s "$lock" ".venv/.${lock/./-}" || echo "$lock"; done; }
# the provider of the OIDC tests, installed once and again when its lock changes (a copy of the lock is the stamp)
oidc_missing() { [ -f tests/oidc/package-lock.json ] && ! cmp -s tests/oidc/package-lock.json tests/oidc/node_modules/.vorlagen-lock; }
validators_missing() { [ ! -x .werkzeuge/validators/verapdf-check ] || [ ! -x .werkzeuge/validators-venv/bin/outloud ]; }

required=()
have_lib libpango-1.0.so.0 || required+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || required+=(libpangoft2-1.0-0)
if $test; then
  # the one line that says what the test set-up installs, where and why – only what is missing
  says=()
  if ! command -v chromium >/dev/null; then
    required+=(chromium)
    says+=("Chromium ins System (apt, für die Browser-Tests)")
  fi
  if ! command -v pdftoppm >/dev/null; then
    required+=(poppler-utils)
    says+=("poppler-utils ins System (apt, Seitenbilder der PDFs für die Tests)")
  fi
  # the smallest LibreOffice that converts a .docx to PDF (about 250 MB with what it needs, 84 MB download)
  if ! command -v soffice >/dev/null; then
    required+=(libreoffice-writer-nogui)
    says+=("LibreOffice Writer ohne Oberfläche ins System (apt, prüft die Word-Dateien, etwa 250 MB)")
  fi
  # the fonts a Word file names (Liberation Sans/Serif): without them LibreOffice sets a wider font and breaks lines
  # the PDF does not break
  if ! fc-list 2>/dev/null | grep -q "Liberation Sans"; then
    required+=(fonts-liberation)
    says+=("die Schriften Liberation Sans und Serif ins System (apt, 2 MB, für die Word-Dateien in LibreOffice)")
  fi
  if validators_missing; then
    java=()
    command -v javac >/dev/null || java+=(default-jdk-headless)
    [ -f /usr/share/java/jaxb-runtime.jar ] || java+=(libjaxb-java)
    [ ${#java[@]} -eq 0 ] || says+=("Java und JAXB ins System (apt, für veraPDF)")
    required+=("${java[@]}")
  fi
  # Kerberos sign-in through the reverse proxy as the handbook sets it up: a KDC of the test's own realm, kinit, and
  # Apache with mod_auth_gssapi in front of the server (tests/server/test_proxy_kerberos.py)
  if ! command -v krb5kdc >/dev/null || ! command -v kadmin.local >/dev/null || ! command -v kinit >/dev/null; then
    required+=(krb5-kdc krb5-admin-server krb5-user)
    says+=("einen Kerberos-KDC mit kinit ins System (apt, für die Anmeldung über den Reverse-Proxy, 3 MB)")
  fi
  if ! command -v apache2 >/dev/null || [ ! -f /usr/lib/apache2/modules/mod_auth_gssapi.so ]; then
    required+=(apache2 libapache2-mod-auth-gssapi)
    says+=("Apache mit mod_auth_gssapi ins System (apt, der Reverse-Proxy der Kerberos-Anmeldung, 10 MB)")
  fi
  if oidc_missing && ! command -v npm >/dev/null; then
    required+=(nodejs npm)
    says+=("Node.js und npm ins System (apt, für den OpenID-Connect-Anbieter der Server-Tests)")
  fi
  stale=$(stale_locks | tr '\n' ' ')
  [ -x .venv/bin/python ] || stale="${locks[*]} "
  stale=${stale% }
  named=${stale// /, }  # "a, b und c"
  [[ $named == *", "* ]] && named="${named%, *} und ${named##*, }"
  case $stale in
    *test*|*handbuch*) says+=("die Python-Pakete aus $named nach .venv/ (Testwerkzeuge: pytest, playwright, ruff, mypy; Handbuch: Sphinx)") ;;
    ?*) says+=("die Python-Pakete aus $named nach .venv/") ;;
  esac
  validators_missing && says+=("die PDF-Prüfprogramme veraPDF und outloud nach .werkzeuge/ (für die PDF-Normtests, etwa 250 MB)")
  oidc_missing && says+=("den OpenID-Connect-Anbieter der Server-Tests (npm-Paket oidc-provider, 4 MB) nach tests/oidc/node_modules/")
  if [ ${#says[@]} -gt 0 ]; then
    line=$(printf '; %s' "${says[@]}")
    echo "Einrichtung für die Tests: installiere ${line:2}."
  fi
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
    # without the recommended packages: Chromium's would bring 160 more (avahi-daemon, samba-libs, upower …) that a
    # headless browser never loads; every library Chromium links against comes from its dependencies
    $sudo apt-get install -y -qq --no-install-recommends "${required[@]}" >/dev/null
  fi
  if [ ${#optional[@]} -gt 0 ]; then
    $sudo apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null 2>&1 || true
    mkdir -p .venv && touch "$tried"
  fi
fi

# a library that changes the PDFs, installed in .venv in another version than requirements.lock pins (by hand,
# say): install the lock again. The names are PDF_LIBRARIES of vorlagen/core/versions.py (a test checks).
pdf_libraries=(weasyprint pydyf fonttools pyphen pypdf)
drifted() (
  shopt -s nullglob nocaseglob
  for name in "${pdf_libraries[@]}"; do
    pin=$(grep -i "^$name==" requirements.lock) || continue
    pin=${pin#*==}
    pin=${pin%%[ ;]*}
    others=(.venv/lib/python*/site-packages/"$name"-*.dist-info)
    tested=(.venv/lib/python*/site-packages/"$name-$pin".dist-inf[o])  # a pattern, so that case does not matter
    if [ ${#others[@]} -gt 0 ] && [ ${#tested[@]} -eq 0 ]; then
      found=${others[0]##*/}
      found=${found%.dist-info}
      echo "$name ${found#*-} statt $pin"
    fi
  done
)
if [ -x .venv/bin/python ]; then
  differs=$(drifted | tr '\n' ';')
  if [ -n "$differs" ]; then
    differs=${differs%;}
    echo "Einrichtung: in .venv sind Bibliotheken, die die PDF-Dateien verändern, in anderen Fassungen als in requirements.lock (${differs//;/, }) – installiere die getesteten."
    rm -f .venv/.requirements-lock
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
  rm -f .venv/.requirements-lock .venv/.requirements-test-lock .venv/.requirements-handbuch-lock
fi
for lock in $(stale_locks); do
  $test || echo "Einrichtung: Python-Umgebung .venv mit den Paketen aus $lock"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
  cp "$lock" ".venv/.${lock/./-}"
done

if $test && validators_missing; then
  sh scripts/validators/einrichten.sh
fi

if $test && oidc_missing; then
  (cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp tests/oidc/package-lock.json tests/oidc/node_modules/.vorlagen-lock
fi
