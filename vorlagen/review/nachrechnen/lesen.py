"""Reads a typed Vorlage (PDF text layer, DOCX with its tables, .txt, .md) into numbered lines."""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core import limits
from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.core.reads import NotReadable, read_file
from vorlagen.review.nachrechnen.zahlen import Zahl, figures

ENDUNGEN = (".pdf", ".docx", ".txt", ".md")
MAX_BYTES = limits.NR_DATEI
MAX_UNPACKED = limits.NR_ENTPACKT
_SPLIT_HINT = "speichern Sie den Teil mit den Zahlen als eigene Datei und rechnen Sie diesen nach."
_DIGITS = re.compile(r"\d[\d.,]*")
_XML_PARAGRAPH = re.compile(rb"<(?:[\w.-]+:)?p[\s/>]")
_XML_CELL = re.compile(rb"<(?:[\w.-]+:)?tc[\s/>]")
_XML_SPAN = re.compile(rb"<(?:[\w.-]+:)?gridSpan\b[^>]*?\bval\s*=\s*[\"']\s*\+?(\d+)")
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

    @functools.cached_property
    def zahlen(self) -> list[Zahl]:
        """The figures of the line, found once (every stage reads them; nobody changes the list)."""
        return figures(self.text)

    @property
    def ort(self) -> str:
        return f"S. {self.seite}, Z. {self.nr}" if self.seite else f"Z. {self.nr}"


def read(path: Path) -> list[Zeile]:
    """The lines of one document; a German BuildFailed when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        _fail(
            path,
            "Das alte Word-Format .doc kann nachrechnen nicht lesen – speichern Sie die Datei in Word "
            "als .docx oder als PDF.",
        )
    if suffix not in ENDUNGEN:
        _fail(
            path,
            f"Dateien vom Typ „{path.suffix or 'ohne Endung'}“ kann nachrechnen nicht lesen – "
            "geben Sie eine PDF-, DOCX-, TXT- oder MD-Datei an.",
        )
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
            lines = _plain(path, data)
    except BuildFailed:
        raise
    except MemoryError:
        _fail(path, "Die Datei braucht zum Lesen mehr Arbeitsspeicher, als frei ist – " + _SPLIT_HINT)
    except Exception as error:  # noqa: BLE001 - whatever is broken in a foreign file, the user needs the same advice
        if type(error).__name__ == "LimitReachedError":  # pypdf: a stream or count above NR_STROM and the like
            _fail(
                path,
                f"Die PDF-Datei enthält einen Teil, der entpackt größer als "
                f"{limits.NR_STROM // 1_000_000} MB wäre oder zu viele Elemente hat (Grenze für "
                f"nachrechnen) – {_SPLIT_HINT}",
            )
        kind = {".pdf": "PDF", ".docx": "Word"}.get(suffix, "Text")
        _fail(
            path,
            f"Die {kind}-Datei lässt sich nicht lesen – ist sie beschädigt oder mit einem Kennwort "
            "geschützt? Speichern Sie sie neu (als DOCX oder PDF) und versuchen Sie es noch einmal.",
        )
    _bounded(path, lines)
    if sum(len(_DIGITS.findall(z.text)) for z in lines) > limits.NR_ZAHLEN:  # counted before any is read as a figure
        _fail(
            path,
            f"Die Datei enthält mehr als {_number(limits.NR_ZAHLEN)} Zahlen (Grenze für nachrechnen) – " + _SPLIT_HINT,
        )
    if not any(z.text.strip() for z in lines):
        _fail(
            path,
            "Die Datei enthält keinen Text – ist sie eingescannt? Nachrechnen braucht eine Textebene "
            "(in Word als PDF speichern oder eine Texterkennung laufen lassen).",
        )
    return lines


def _fail(path: Path, message: str, line: int | None = None) -> None:
    raise BuildFailed([Problem(Where(str(path), line), message)])


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _bounded(path: Path, lines: list[Zeile], more: int = 0) -> None:
    """Stops at the bound for lines (NR_ZEILEN) and for the length of one line (NR_ZEILENLAENGE)."""
    if len(lines) + more > limits.NR_ZEILEN:
        _fail(
            path, f"Die Datei hat mehr als {_number(limits.NR_ZEILEN)} Zeilen (Grenze für nachrechnen) – " + _SPLIT_HINT
        )


def _line_fits(path: Path, raw: str, nr: int, seite: int | None = None) -> None:
    if len(raw) > limits.NR_ZEILENLAENGE:
        where = f"Zeile {nr} auf Seite {seite}" if seite else f"Zeile {nr}"
        _fail(
            path,
            f"{where} ist länger als {_number(limits.NR_ZEILENLAENGE)} Zeichen (Grenze für nachrechnen) – "
            "ist das wirklich Text? Brechen Sie die Zeile um oder rechnen Sie nur den Teil mit den Zahlen "
            "nach.",
            None if seite else nr,
        )


_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f](?=\d{3}(?!\d))")


def clean(raw: str) -> tuple[str, bool]:
    """Removes Markdown and HTML markup; Markdown table pipes become cells."""
    bold = bool(_BOLD.search(raw))
    text = _HEADING.sub("", _TAGS.sub("", _BOLD.sub("", raw)))
    if _MD_RULE.match(text) and "-" in text:
        return "", False
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        text = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
    text = _GROUP_SPACE.sub("\u202f", text)  # "1\u00a0234 €": one number (zahlen reads U+202F as a group mark)
    text = re.sub(r" {2,}", "\t", text.replace("\u00a0", " "))
    return text.rstrip(), bold


def _plain(path: Path, data: bytes) -> list[Zeile]:
    _bounded(path, [], data.count(b"\n"))  # counted before the text is split into lines
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    pages = text.split("\f")
    lines = []
    for page, content in enumerate(pages, start=1):
        for nr, raw in enumerate(content.split("\n"), start=1):
            _line_fits(path, raw, nr, page if len(pages) > 1 else None)
            line, bold = clean(raw.rstrip("\r"))
            lines.append(Zeile(page if len(pages) > 1 else None, nr, line, bold))
    return lines


def _pdf(path: Path, data: bytes) -> list[Zeile]:
    import pypdf

    bound = limits.NR_STROM
    with (
        _quiet("pypdf") as said,
        pypdf.apply_configuration(
            maximum_declared_stream_length=bound,
            array_based_stream_maximum_output_length=bound,
            jbig2_maximum_output_length=bound,
            lzw_maximum_output_length=bound,
            run_length_maximum_output_length=bound,
            zlib_maximum_output_length=bound,
            brotli_maximum_output_length=bound,
            image_maximum_buffer_size=bound,
            stream_decoding_work_maximum_length=4 * bound,
            xform_maximum_invocations_per_extraction=limits.NR_FORMULARE,
        ),
    ):
        return _pdf_lines(path, data, said)


@contextlib.contextmanager
def _quiet(library: str):
    """Keeps a library's English warnings ("EOF marker not found") from the user: what matters reaches them as
    the German message of a file that cannot be read."""
    logger = logging.getLogger(library)
    said: list[str] = []
    handler = _Collect(said)
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield said
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class _Collect(logging.Handler):
    """Keeps what a library logs (in English) for the program to read, never for the user."""

    def __init__(self, said: list[str]) -> None:
        super().__init__()
        self.said = said

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.said) < 100:
            self.said.append(record.getMessage())


def _pdf_lines(path: Path, data: bytes, said: list[str]) -> list[Zeile]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):  # many PDFs only restrict printing, with an empty password
        _fail(
            path,
            "Die PDF-Datei ist mit einem Kennwort geschützt – speichern Sie sie ohne Kennwort und versuchen "
            "Sie es noch einmal.",
        )
    if len(reader.pages) > limits.NR_SEITEN:
        _fail(
            path,
            f"Die PDF-Datei hat mehr als {_number(limits.NR_SEITEN)} Seiten (Grenze für nachrechnen) – " + _SPLIT_HINT,
        )
    lines = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        if any("form XObject invocations" in message for message in said):
            _fail(
                path,
                f"Seite {number} der PDF-Datei ruft mehr als {_number(limits.NR_FORMULARE)} eingebettete "
                "Formulare (XObjects) auf (Grenze für nachrechnen) – ist die Datei beschädigt? Drucken Sie sie "
                "neu als PDF oder speichern Sie sie als DOCX.",
            )
        _bounded(path, lines, text.count("\n") + 1)
        for nr, raw in enumerate(text.split("\n"), start=1):
            _line_fits(path, raw, nr, number)
            line, bold = clean(raw.replace("\u2010", "-"))  # the hyphen our renderer breaks words with
            lines.append(Zeile(number, nr, line, bold))
    return lines


def _docx(path: Path, data: bytes) -> list[Zeile]:
    archive = zipfile.ZipFile(io.BytesIO(data))  # not a ZIP archive: BadZipFile, reported as unreadable
    if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED:
        _fail(
            path,
            f"Die Word-Datei wäre entpackt größer als {MAX_UNPACKED // 1_000_000} MB – so große Dokumente "
            "liest nachrechnen nicht; speichern Sie den Teil mit den Zahlen als eigene Datei.",
        )
    _docx_bounded(path, archive)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[Zeile] = []

    def add(text: str, bold: bool) -> None:
        _line_fits(path, text, len(lines) + 1)
        line, marked = clean(text)
        lines.append(Zeile(None, len(lines) + 1, line, bold or marked))

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for part in block.text.split("\n"):
                add(part, _bold_paragraph(block))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = _unique_cells(row)
                add(
                    "\t".join(" ".join(c.text.split()) for c in cells),
                    any(_bold_paragraph(p) for c in cells for p in c.paragraphs),
                )
    return lines


def _docx_bounded(path: Path, archive: zipfile.ZipFile) -> None:
    """Counts, in the unpacked XML (its size bounded first; zipfile never unpacks more than a member declares),
    what python-docx would build: paragraphs, and table cells with every grid column a merged cell spans."""
    for member in archive.infolist():
        if member.filename.lower().endswith((".xml", ".rels")) and member.file_size > limits.NR_XML:
            _fail(
                path,
                f"Ein Teil der Word-Datei („{member.filename}“) wäre entpackt größer als "
                f"{limits.NR_XML // 1_000_000} MB (Grenze für nachrechnen) – " + _SPLIT_HINT,
            )
    try:
        xml = archive.read("word/document.xml")
    except KeyError:
        return  # no main part: python-docx reports the file as unreadable
    if sum(1 for _ in _XML_PARAGRAPH.finditer(xml)) > limits.NR_ABSAETZE:
        _fail(
            path,
            f"Die Word-Datei hat mehr als {_number(limits.NR_ABSAETZE)} Absätze (Grenze für nachrechnen) – "
            + _SPLIT_HINT,
        )
    widest, extra = 0, 0
    for match in _XML_SPAN.finditer(xml):
        span = int(match[1][:12])  # "99999999999…" stays a small integer to compare
        widest, extra = max(widest, span), extra + max(0, span - 1)
    if widest > limits.NR_SPANNE:
        _fail(
            path,
            f"Eine Tabellenzelle der Word-Datei ist über {_number(widest)} Spalten verbunden; Word kennt "
            f"höchstens {limits.NR_SPANNE} (Grenze für nachrechnen) – ist die Datei beschädigt? Speichern Sie "
            "sie in Word neu.",
        )
    cells = sum(1 for _ in _XML_CELL.finditer(xml)) + extra
    if cells > limits.NR_ZELLEN:
        _fail(
            path,
            f"Die Tabellen der Word-Datei haben zusammen mehr als {_number(limits.NR_ZELLEN)} Zellen "
            "(verbundene Zellen je Spalte gezählt; Grenze für nachrechnen) – " + _SPLIT_HINT,
        )


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
