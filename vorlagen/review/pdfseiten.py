"""A PDF this program wrote, page by page, as `vergleichen` reads one that differs between two builds: its page count,
the text of each page, and one digest per page of everything the page draws with – each read within bounds, None
where the PDF cannot be read."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from vorlagen.core.limits import MAX_TEXTFASSUNG
from vorlagen.core.reads import ABSENT

if TYPE_CHECKING:
    from pypdf import PageObject

MAX_SEITEN = 2000  # pages of one Sitzungsmappe read for its text
_T = TypeVar("_T")


def seiten_text(out: Path, name: str) -> list[list[str]] | None:
    """The non-empty lines of each page of a PDF this program wrote (None when it cannot be read); at most
    MAX_SEITEN pages and MAX_TEXTFASSUNG characters are read."""
    gelesen = [0]

    def zeilen(page: PageObject) -> list[str]:
        text = page.extract_text()
        gelesen[0] += len(text)
        if gelesen[0] > MAX_TEXTFASSUNG:
            raise _ZuGross
        return [line.rstrip() for line in text.splitlines() if line.strip()]

    return _je_seite(out, name, zeilen)


class _ZuGross(Exception):
    """More text than a rendition may hold: the PDF is not read."""


def _je_seite(out: Path, name: str, lesen: Callable[[PageObject], _T]) -> list[_T] | None:
    """`lesen` of each page of a PDF this program wrote, at most MAX_SEITEN pages (None when it cannot be read)."""
    import pypdf  # only when a PDF differs

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        return [lesen(page) for page in pypdf.PdfReader(out / name).pages[:MAX_SEITEN]]
    except (OSError, pypdf.errors.PyPdfError, RecursionError, _ZuGross):
        return None


def abdruecke(out: Path, name: str) -> list[str] | None:
    """One digest per page of a PDF this program wrote over everything the page draws with: its content streams and
    every object its resources reach (fonts with their files, images, patterns); None when it cannot be read."""
    known: dict[int, bytes] = {}  # indirect object → its digest: fonts and images are shared between pages

    def abdruck(page: PageObject) -> str:
        contents = page.get_contents()
        digest = hashlib.sha256(contents.get_data() if contents is not None else b"")
        digest.update(_abdruck(page.get("/Resources"), known, 0))
        return digest.hexdigest()

    return _je_seite(out, name, abdruck)


def _abdruck(value: object, known: dict[int, bytes], depth: int) -> bytes:
    """The digest of a PDF object and of everything it reaches (bounded in depth; parents are not followed)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if depth > 12:
        return b""
    if isinstance(value, IndirectObject):
        if value.idnum not in known:
            known[value.idnum] = b""  # a cycle reads as empty
            known[value.idnum] = _abdruck(value.get_object(), known, depth + 1)
        return known[value.idnum]
    digest = hashlib.sha256()
    if isinstance(value, StreamObject):
        digest.update(value.get_data())
    if isinstance(value, DictionaryObject):
        for key in sorted(value):
            if key not in ("/Parent", "/P"):
                digest.update(key.encode() + _abdruck(value.raw_get(key), known, depth + 1))
    elif isinstance(value, ArrayObject):
        for item in value:
            digest.update(_abdruck(item, known, depth + 1))
    else:
        digest.update(repr(value).encode())
    return digest.digest()


def seitenzahl(out: Path, name: str, vorhanden: dict[str, str]) -> int | None:
    """The page count of a PDF this program wrote (None when it is not there or not readable)."""
    if vorhanden.get(name, ABSENT) == ABSENT:
        return None
    import pypdf  # only when a PDF differs

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        return len(pypdf.PdfReader(out / name).pages)
    except (OSError, pypdf.errors.PyPdfError):
        return None
