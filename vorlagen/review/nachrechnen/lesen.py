"""Reads a typed Vorlage (PDF text layer, DOCX with its tables, .txt, .md) into numbered lines."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.core.reads import NotReadable, read_file

ENDUNGEN = (".pdf", ".docx", ".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024  # a typed Vorlage, even with pictures, is far smaller
MAX_UNPACKED = 100_000_000  # a DOCX's parts together, unpacked (a ZIP bomb is far larger)
_BOLD = re.compile(r"</?b>|\*\*|__")
_TAGS = re.compile(r"</?[a-zA-Z][^<>]*>")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Zeile:
    """One line of the document: page (None where the format has none), line number, text, cells."""

    seite: int | None
    nr: int
    text: str  # cells joined by tabs, markup removed
    fett: bool = False  # the line's figures were marked bold (<b>, **)

    @property
    def ort(self) -> str:
        return f"S. {self.seite}, Z. {self.nr}" if self.seite else f"Z. {self.nr}"


def read(path: Path) -> list[Zeile]:
    """The lines of one document; a German BuildFailed when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        _fail(path, "Das alte Word-Format .doc kann nachrechnen nicht lesen – speichern Sie die Datei in Word "
                    "als .docx oder als PDF.")
    if suffix not in ENDUNGEN:
        _fail(path, f"Dateien vom Typ „{path.suffix or 'ohne Endung'}“ kann nachrechnen nicht lesen – "
                    "geben Sie eine PDF-, DOCX-, TXT- oder MD-Datei an.")
    if not path.exists():
        _fail(path, "Die Datei gibt es nicht – prüfen Sie den Namen und den Ordner.")
    try:
        data = read_file(path, MAX_BYTES)  # a regular file (never a pipe), and not too large to read whole
    except NotReadable as error:
        _fail(path, str(error))
    except OSError:
        _fail(path, "Die Datei lässt sich nicht lesen – prüfen Sie, ob Sie sie öffnen dürfen.")
    try:
        if suffix == ".pdf":
            lines = _pdf(path, data)
        elif suffix == ".docx":
            lines = _docx(path, data)
        else:
            lines = _plain(data)
    except BuildFailed:
        raise
    except Exception:  # noqa: BLE001 - whatever is broken in a foreign file, the user needs the same advice
        kind = {".pdf": "PDF", ".docx": "Word"}.get(suffix, "Text")
        _fail(path, f"Die {kind}-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem Kennwort "
                    "geschützt? Speichern Sie sie neu (als DOCX oder PDF) und versuchen Sie es noch einmal.")
    if not any(z.text.strip() for z in lines):
        _fail(path, "Die Datei enthält keinen Text – ist sie eingescannt? Nachrechnen braucht eine Textebene "
                    "(in Word als PDF speichern oder eine Texterkennung laufen lassen).")
    return lines


def _fail(path: Path, message: str) -> None:
    raise BuildFailed([Problem(Where(str(path)), message)])


def clean(raw: str) -> tuple[str, bool]:
    """Removes Markdown and HTML markup; Markdown table pipes become cells."""
    bold = bool(_BOLD.search(raw))
    text = _HEADING.sub("", _TAGS.sub("", _BOLD.sub("", raw)))
    if _MD_RULE.match(text) and "-" in text:
        return "", False
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        text = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
    text = re.sub(r" {2,}", "\t", text.replace("\u00a0", " "))
    return text.rstrip(), bold


def _plain(data: bytes) -> list[Zeile]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    pages = text.split("\f")
    lines = []
    for page, content in enumerate(pages, start=1):
        for nr, raw in enumerate(content.split("\n"), start=1):
            line, bold = clean(raw.rstrip("\r"))
            lines.append(Zeile(page if len(pages) > 1 else None, nr, line, bold))
    return lines


def _pdf(path: Path, data: bytes) -> list[Zeile]:
    with _quiet("pypdf"):
        return _pdf_lines(path, data)


@contextlib.contextmanager
def _quiet(library: str):
    """Keeps a library's English warnings ("EOF marker not found") from the user: what matters reaches them as
    the German message of a file that cannot be read."""
    logger = logging.getLogger(library)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _pdf_lines(path: Path, data: bytes) -> list[Zeile]:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):  # many PDFs only restrict printing, with an empty password
        _fail(path, "Die PDF-Datei ist mit einem Kennwort geschützt – speichern Sie sie ohne Kennwort und versuchen "
                    "Sie es noch einmal.")
    lines = []
    for number, page in enumerate(reader.pages, start=1):
        for nr, raw in enumerate(page.extract_text().split("\n"), start=1):
            line, bold = clean(raw.replace("\u2010", "-"))  # the hyphen our renderer breaks words with
            lines.append(Zeile(number, nr, line, bold))
    return lines


def _docx(path: Path, data: bytes) -> list[Zeile]:
    archive = zipfile.ZipFile(io.BytesIO(data))  # not a ZIP archive: BadZipFile, reported as unreadable
    if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED:
        _fail(path, f"Die Word-Datei wäre entpackt größer als {MAX_UNPACKED // 1_000_000} MB – so große Dokumente "
                    "liest nachrechnen nicht; speichern Sie den Teil mit den Zahlen als eigene Datei.")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    document = docx.Document(io.BytesIO(data))
    lines: list[Zeile] = []

    def add(text: str, bold: bool) -> None:
        line, marked = clean(text)
        lines.append(Zeile(None, len(lines) + 1, line, bold or marked))

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for part in block.text.split("\n"):
                add(part, _bold_paragraph(block))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = _unique_cells(row)
                add("\t".join(" ".join(c.text.split()) for c in cells),
                    any(_bold_paragraph(p) for c in cells for p in c.paragraphs))
    return lines


def _unique_cells(row) -> list:
    """Merged cells appear once, not once per grid column."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _bold_paragraph(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip() and any(ch.isdigit() for ch in r.text)]
    return bool(runs) and all(r.bold for r in runs)
