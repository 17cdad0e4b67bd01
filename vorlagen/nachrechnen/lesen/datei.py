"""Reads a typed Vorlage (PDF text layer, DOCX with its tables, HTML, .txt, .md) into numbered lines."""

from __future__ import annotations

import re
from pathlib import Path

from vorlagen.core import limits
from vorlagen.core.problems import BuildFailed
from vorlagen.core.reads import NotReadable, read_file
from vorlagen.nachrechnen.lesen import pdfdatei, trennlauf, webseite, worddatei
from vorlagen.nachrechnen.lesen.zeile import SPLIT_HINT, Zeile, bounded, fail, line, line_fits, number

ENDUNGEN = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")
MAX_BYTES = limits.NR_DATEI
MAX_UNPACKED = limits.NR_ENTPACKT
_DIGITS = re.compile(r"\d[\d.,]*")
# a list item of Markdown (CommonMark): „-“, „*“ or „+“ after at most three spaces, then a space – kept as long as typed
_MD_BULLET = re.compile(r"^( {0,3})[-*+]( +)(?=\S)")


def read(path: Path) -> list[Zeile]:
    """The lines of one document; a German BuildFailed when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        fail(
            path,
            "Das alte Word-Format .doc kann nachrechnen nicht lesen – speichern Sie die Datei in Word "
            "als .docx oder als PDF.",
        )
    if suffix not in ENDUNGEN:
        fail(
            path,
            f"Dateien vom Typ „{path.suffix or 'ohne Endung'}“ kann nachrechnen nicht lesen – "
            "geben Sie eine PDF-, DOCX-, HTML-, TXT- oder MD-Datei an.",
        )
    if not path.exists():
        fail(path, "Die Datei gibt es nicht – prüfen Sie den Namen und den Ordner.")
    try:
        data = read_file(path, MAX_BYTES)  # a regular file (never a pipe), and not too large to read whole
    except NotReadable as error:
        fail(path, str(error))
    except OSError:
        fail(path, "Die Datei lässt sich nicht lesen – prüfen Sie, ob Sie sie öffnen dürfen.")
    try:
        if suffix == ".pdf":
            lines = pdfdatei.lines(path, data)
        elif suffix == ".docx":
            lines = worddatei.lines(path, data, MAX_UNPACKED)
        elif suffix in (".html", ".htm"):
            lines = webseite.lines(path, _text(data))
        else:
            lines = _plain(path, data)
    except BuildFailed:
        raise
    except MemoryError:
        fail(path, "Die Datei braucht zum Lesen mehr Arbeitsspeicher, als frei ist – " + SPLIT_HINT)
    except Exception as error:  # noqa: BLE001 - whatever is broken in a foreign file, the user needs the same advice
        if type(error).__name__ == "LimitReachedError":  # pypdf: a stream or count above NR_STROM and the like
            fail(
                path,
                f"Die PDF-Datei enthält einen Teil, der entpackt größer als "
                f"{limits.NR_STROM // 1_000_000} MB wäre oder zu viele Elemente hat (Grenze für "
                f"nachrechnen) – {SPLIT_HINT}",
            )
        kind = {".pdf": "PDF", ".docx": "Word", ".html": "HTML", ".htm": "HTML"}.get(suffix, "Text")
        fail(
            path,
            f"Die {kind}-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem Kennwort "
            "geschützt? Speichern Sie sie neu (als DOCX oder PDF) und versuchen Sie es noch einmal.",
        )
    bounded(path, lines)
    if sum(len(_DIGITS.findall(z.text)) for z in lines) > limits.NR_ZAHLEN:  # counted before any is read as a figure
        fail(
            path,
            f"Die Datei enthält mehr als {number(limits.NR_ZAHLEN)} Zahlen (Grenze für nachrechnen) – " + SPLIT_HINT,
        )
    if not any(z.text.strip() for z in lines):
        fail(
            path,
            "Die Datei enthält keinen Text – ist sie eingescannt? Nachrechnen braucht eine Textebene "
            "(in Word als PDF speichern oder eine Texterkennung laufen lassen).",
        )
    return lines


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _plain(path: Path, data: bytes) -> list[Zeile]:
    bounded(path, [], data.count(b"\n"))  # counted before the text is split into lines
    pages = _text(data).split("\f")
    markdown = path.suffix.lower() == ".md"
    lines = []
    for page, content in enumerate(pages, start=1):
        seite = page if len(pages) > 1 else None
        raws = content.split("\n")
        for nr, raw in enumerate(raws, start=1):
            line_fits(path, raw, nr, seite)
        for nr, raw in enumerate(trennlauf.cells([r.rstrip("\r") for r in raws]), start=1):
            if markdown:  # „- 1.420.000 € Neubau …“ is an item of a list in Markdown, never a minus
                raw = _MD_BULLET.sub(r"\1•\2", raw, count=1)
            lines.append(line(seite, nr, raw.rstrip("\r"), aligned=True))
    return lines
