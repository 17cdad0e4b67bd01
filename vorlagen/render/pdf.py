"""HTML → PDF with WeasyPrint; it may read only files inside the allowed folders, never the network."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import hashlib
import logging
import math
import mimetypes
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from weasyprint import DEFAULT_OPTIONS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from vorlagen.core.fmt import dezimalkomma
from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.core.reads import NotReadable, read_file
from vorlagen.load.satz import Satz
from vorlagen.render import hyphenation, maschine, satzregeln, tabellenbreite
from vorlagen.render.conformance import PDF_OPTIONS, finish
from vorlagen.render.druckbild import lokale_datei, virtuell
from vorlagen.render.layout import overflows

if TYPE_CHECKING:
    from weasyprint.document import Document


class ForbiddenResource(Exception):
    """A document asked for something outside the project: refused, and the build fails."""


class ProjectFetcher(URLFetcher):
    """Serves file: URLs below the allowed folders; refuses everything else.

    The first root is the data folder, the last the default house style: a file asked for in the data's
    templates/ that is not there comes from the house style (an own vorlage.css keeps the shipped fonts).
    """

    def __init__(self, roots: list[Path]):
        super().__init__(fail_on_errors=True, allowed_protocols={"file"})
        self.roots = [root.resolve() for root in roots]
        self.fetched: list[Path] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        asked, url = url, self.wirklich(url)
        path = lokale_datei(url, self.roots)
        if path is None:
            raise ForbiddenResource(url)
        self.fetched.append(path)
        try:
            body = read_file(path)
        except NotReadable as error:
            raise ForbiddenResource(url, str(error)) from None
        except FileNotFoundError:  # named as the user wrote it, not as WeasyPrint's English with this machine's path
            raise ForbiddenResource(url) from None
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        # the URL asked for: what a stylesheet names relative to itself stays location-free as well
        return URLFetcherResponse(asked, body=body, headers={"Content-Type": content_type})

    def ortlos(self, text: str) -> str:
        """`text` with each allowed folder's file: URI replaced by its location-free one (druckbild.virtuell)."""
        for number, root in sorted(enumerate(self.roots), key=lambda pair: -len(pair[1].as_uri())):
            text = text.replace(root.as_uri() + "/", virtuell(number))
        return text

    def wirklich(self, url: str) -> str:
        """A location-free URL back as the file: URL of its folder; any other URL as it is."""
        for number, root in enumerate(self.roots):
            if url.startswith(virtuell(number)):
                return root.as_uri() + "/" + url[len(virtuell(number)) :]
        return url


class _Collect(logging.Handler):
    """WeasyPrint's warnings about the document; a notice about the machine goes to render/maschine.py instead."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not maschine.notieren(record):
            self.messages.append(record.getMessage())


def _shown(url: str, roots: list[Path]) -> str:
    """A URL as the user knows it: a file of the project relative to it, never the build machine's path."""
    for number, root in enumerate(roots):
        url = url.replace(virtuell(number), root.as_uri() + "/")
    for root in roots:
        if url.rstrip("/") == root.as_uri():
            return "."
        if url.startswith(root.as_uri() + "/"):
            return url[len(root.as_uri()) + 1 :]
    return url


def _identifier(html: str, roots: list[Path]) -> bytes:
    """The PDF's /ID: a hash of the document without the project's location, so clones agree, and without the tables'
    lines (satzregeln.ohne_quellen)."""
    html = satzregeln.ohne_quellen(html)
    for root in roots:
        html = html.replace(root.as_uri(), "")
    return hashlib.sha256(html.encode()).digest()[:16]


def _too_wide(table: tabellenbreite.ZuBreit, where: Where, satz: Satz) -> Problem:
    """One table that does not fit: where it was typed or defined (file and line, satzregeln.quelle), its caption and
    first header row, how much it lacks and what was tried."""
    if table.quelle:
        path, _, line = table.quelle.rpartition(":")
        where = Where(path, int(line)) if line.isdigit() else where
    schrift = dezimalkomma(satz.kleinste_schrift)
    tried = (
        f"auch im Querformat und in der kleinsten Tabellenschrift ({schrift} pt)"
        if satz.querformat
        else f"auch in der kleinsten Tabellenschrift ({schrift} pt; das Querformat schaltet der Hausstil aus)"
    )
    millimetres = dezimalkomma(math.ceil(table.mm * 10) / 10, 1)
    return Problem(
        where,
        f"Die Tabelle {_benannt(table)} ist {tried} {millimetres} mm zu breit für die Seite – "
        "kürzen Sie Spaltenköpfe und Texte, nehmen Sie weniger Spalten oder teilen Sie die Tabelle.",
    )


def _benannt(table: tabellenbreite.ZuBreit) -> str:
    """A table as the message names it: „caption“ mit den Spalten „first header row“, or one of them."""
    if table.titel and table.kopf:
        return f"„{table.titel}“ mit den Spalten „{table.kopf}“"
    return f"„{table.titel or table.kopf or 'ohne Überschrift'}“"


ZU_TIEF = (
    "Das Dokument ist zu tief verschachtelt, um es zu setzen (Listen, Zitate, Tabellen oder Hervorhebungen "
    "ineinander) – ziehen Sie in seinen Texten und im Template Ebenen zusammen."
)


@contextlib.contextmanager
def _satzfehler(where: Where, fetcher: ProjectFetcher) -> Iterator[None]:
    """Turns what WeasyPrint refuses or warns about while it sets a document into German problems."""
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        yield
    except FatalURLFetchingError as error:
        cause = error.__cause__
        if isinstance(cause, ForbiddenResource) and len(cause.args) > 1:
            raise BuildFailed(
                [Problem(where, f"Das Dokument liest „{_shown(cause.args[0], fetcher.roots)}“: {cause.args[1]}")]
            ) from None
        url = cause.args[0] if isinstance(cause, ForbiddenResource) else str(error)
        raise BuildFailed(
            [
                Problem(
                    where,
                    f"Das Dokument verweist auf „{_shown(url, fetcher.roots)}“ – erlaubt sind "
                    "nur Dateien im Projektordner; entfernen Sie den Verweis oder legen Sie "
                    "die Datei in den Ordner der Vorlage.",
                )
            ]
        ) from None
    except RecursionError:  # a nesting of elements deeper than the layout can follow (texts are bounded before)
        raise BuildFailed([Problem(where, ZU_TIEF)]) from None
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise BuildFailed(
            [
                Problem(where, f"PDF-Erzeugung: {message} – prüfen Sie Template und Stylesheet.")
                for message in collect.messages
            ]
        )


def _setzen(
    html: str, base: Path, fetcher: ProjectFetcher, where: Where, fonts: FontConfiguration, satz: Satz
) -> tuple[Document, dict[str, Any]]:
    """The laid-out document (WeasyPrint's pages) and its options; tables too wide are fitted or refused."""
    options = {**DEFAULT_OPTIONS, **PDF_OPTIONS, "pdf_identifier": _identifier(html, fetcher.roots)}
    hyphenation.use(satz.woerter)
    base_url = fetcher.ortlos(Path(base).resolve().as_uri() + "/")
    page = HTML(string=fetcher.ortlos(html), base_url=base_url, url_fetcher=fetcher)
    document, wide = tabellenbreite.fit(
        page, lambda: page.render(fonts, **options), satz.kleinste_schrift, satz.querformat
    )
    if wide:
        raise BuildFailed([_too_wide(table, where, satz) for table in wide])
    return document, options


def _worddatei(document: Document, fetcher: ProjectFetcher, created: dt.date, satz: Satz) -> bytes:
    """The Word file of a laid-out document; it shows the images the PDF shows, read through the same fetcher."""
    from vorlagen.render.word import aus_dokument, worddatei

    def lesen(url: str) -> bytes | None:
        try:
            return fetcher.fetch(url).read()
        except (ForbiddenResource, OSError):
            return None

    return worddatei(aus_dokument(document), created, satz.woerter, lesen)


def lay_out(html: str, base: Path, roots: list[Path], where: Where, satz: Satz | None = None) -> Document:
    """One document laid out exactly as render_pdf sets it, without writing the PDF: WeasyPrint's Document, whose
    pages say what a reader sees where (render/seitenbild.py)."""
    fetcher = ProjectFetcher(roots)
    with _satzfehler(where, fetcher):
        document, _ = _setzen(html, base, fetcher, where, FontConfiguration(), satz or Satz())
    return document


def render_pdf(
    html: str,
    base: Path,
    roots: list[Path],
    where: Where,
    created: dt.date,
    text: str | None = None,
    font_config: FontConfiguration | None = None,
    titel: str = "",
    warnings: list[Problem] | None = None,
    satz: Satz | None = None,
    word: list[bytes] | None = None,
) -> bytes:
    """Renders one document; any WeasyPrint warning about the document or refused resource fails the build (a notice
    about the machine does not: render/maschine.py).

    Text that runs out of its box in the laid-out document goes into `warnings`, each message beginning
    with `titel` (e.g. „Vorlage 2021/0123“); the build goes on.

    SOURCE_DATE_EPOCH is set from `created` (the Vorlage's date), so libraries that stamp a
    time (fontTools when it subsets fonts) stamp that one. `text`, the plain-text rendition,
    goes into the PDF as the private data of a page piece so that `git diff` can show it for any committed PDF.
    `satz` (the Hausstil's, else the shipped one) fits tables too wide for the page and hyphenates the house's words.
    `word`, where given, gets the document's Word file, made from the same layout (render/word/).
    """
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(created.timetuple()))
    fetcher = ProjectFetcher(roots)
    with _satzfehler(where, fetcher):
        document, options = _setzen(html, base, fetcher, where, font_config or FontConfiguration(), satz or Satz())
        if warnings is not None:
            warnings += [Problem(where, f"{titel}: {message}" if titel else message) for message in overflows(document)]
        if word is not None:
            word.append(_worddatei(document, fetcher, created, satz or Satz()))
        pdf = document.write_pdf(None, 1, functools.partial(finish, text=text, modified=created), **options)
    return pdf
