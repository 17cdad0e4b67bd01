"""The text layer of a PDF, page by page, with every bound of pypdf set to ours."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vorlagen.core import limits
from vorlagen.nachrechnen.lesen import pdfspalten, seitenrand, umbruch
from vorlagen.nachrechnen.lesen.zahlenlesen import figures
from vorlagen.nachrechnen.lesen.zeile import Zeile, bounded, fail, line, line_fits, number

_WORD_AFTER = re.compile(r" [A-Za-zÄÖÜäöüß]")


def lines(path: Path, data: bytes) -> list[Zeile]:
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
        return _pages(path, data, said)


@contextlib.contextmanager
def _quiet(library: str) -> Iterator[list[str]]:
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


def _pages(path: Path, data: bytes, said: list[str]) -> list[Zeile]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):  # many PDFs only restrict printing, with an empty password
        fail(
            path,
            "Die PDF-Datei ist mit einem Kennwort geschützt – speichern Sie sie ohne Kennwort und versuchen "
            "Sie es noch einmal.",
        )
    if len(reader.pages) > limits.NR_SEITEN:
        fail(
            path,
            f"Die PDF-Datei hat mehr als {number(limits.NR_SEITEN)} Seiten (Grenze für nachrechnen) – "
            "speichern Sie den Teil mit den Zahlen als eigene Datei und rechnen Sie diesen nach.",
        )
    _inhalt_begrenzt(path, reader)
    seiten = pdfspalten.pages(reader, lambda seite: _forms_bounded(path, said, seite))
    result: list[Zeile] = []
    kept = seitenrand.content([seite.zeilen for seite in seiten])
    for page_number, (seite, lines) in enumerate(zip(seiten, kept, strict=True), start=1):
        bounded(path, result, len(lines))
        for nr, raw in lines:
            line_fits(path, raw, nr, page_number)
            # the hyphen our renderer breaks with; the spaces of a laid-out line set its cells apart
            text = raw.replace("\u2010", "-")
            laid = line(
                page_number, nr, text, aligned=seite.spalten, eng=seite.eng[nr - 1], spans=seite.spannen[nr - 1]
            )
            result.append(line(page_number, nr, text, eng=laid.eng) if _glued(laid) else laid)
    return umbruch.join(result)


def _inhalt_begrenzt(path: Path, reader: Any) -> None:
    """The content of all pages together is bounded (NR_INHALT), counted as each page's is unpacked, before any is
    read: each stream has its bound and the pages theirs, but 1000 pages that share one stream of 4 MB (a file of
    100 KB) were read 1000 times – about two hours."""
    gesamt = 0
    for nummer, page in enumerate(reader.pages, start=1):
        try:
            contents = page.get_contents()
            gesamt += len(contents.get_data()) if contents is not None else 0
        except Exception as error:  # noqa: BLE001 - what cannot be unpacked is said by the reading that follows
            if type(error).__name__ == "LimitReachedError":
                raise
            return
        if gesamt > limits.NR_INHALT:
            fail(
                path,
                f"Die Seiten der PDF-Datei haben zusammen mehr als {number(limits.NR_INHALT)} Bytes Inhalt (bis "
                f"Seite {nummer}; Grenze für nachrechnen) – {_TEIL}",
            )


_TEIL = "speichern Sie den Teil mit den Zahlen als eigene Datei und rechnen Sie diesen nach."


def _glued(zeile: Zeile) -> bool:
    """A laid-out line whose cells the layout could not set apart: an amount with words right after it in one
    cell („− 50.000 € KIM-Förderung“, a table set without space between its columns). It is read as running text,
    its values by their order."""
    if not zeile.lagen:
        return False
    for cell in zeile.text.split("\t"):
        for zahl in figures(cell):
            if zahl.einheit and not zahl.tiefe and _WORD_AFTER.match(cell, zahl.ende):
                return True
    return False


def _forms_bounded(path: Path, said: list[str], page_number: int) -> None:
    """Stops when reading page `page_number` called more embedded forms than the bound allows."""
    if any("form XObject invocations" in message for message in said):
        fail(
            path,
            f"Seite {page_number} der PDF-Datei ruft mehr als {number(limits.NR_FORMULARE)} eingebettete "
            "Formulare (XObjects) auf (Grenze für nachrechnen) – ist die Datei beschädigt? Drucken Sie sie "
            "neu als PDF oder speichern Sie sie als DOCX.",
        )
