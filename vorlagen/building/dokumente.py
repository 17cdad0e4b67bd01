"""The small documents composed on every build – the agendas of a Sitzung, its Niederschrift and Auszüge, the
Beschlusskontrolle lists –, each with its PDF's path, its HTML, progress lines and title; the builder writes them."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import NamedTuple

from vorlagen.meetings import beschlusskontrolle
from vorlagen.meetings.niederschrift import NiederschriftDoc
from vorlagen.meetings.tagesordnung import SitzungDoc

Labels = tuple[str | None, str | None]  # progress lines when a PDF is rendered, and when it is reused
NONE: Labels = (None, None)


class Dokument(NamedTuple):
    """A small document: its PDF's path, web and print HTML, progress lines, its title, whether a Word file comes
    with its PDF."""

    path: PurePosixPath
    web: str | None
    printed: str
    labels: Labels
    titel: str
    word: bool = False


def tagesordnungen(doc: SitzungDoc) -> list[Dokument]:
    """The public and the internal agenda of a Sitzung."""
    documents = []
    for intern in (False, True):
        web, printed = doc.html[intern]
        labels = (f"Tagesordnungen {doc.id} gesetzt", f"Tagesordnungen {doc.id} unverändert") if intern else NONE
        titel = f"Tagesordnung {doc.id}{' (intern)' if intern else ''}"
        documents.append(Dokument(doc.folder(intern) / "tagesordnung.pdf", web, printed, labels, titel))
    return documents


def niederschrift(doc: NiederschriftDoc, word: bool) -> list[Dokument]:
    """Niederschrift (public and internal) and the Auszüge of one Sitzung; `word`: each with its Word file."""
    titel = f"Niederschrift {doc.id}"
    documents = [
        Dokument(doc.folder(i) / "niederschrift.pdf", *doc.html[i], NONE, titel + (" (intern)" if i else ""), word)
        for i in (False, True)
    ]
    documents += [
        Dokument(doc.folder(True) / datei, None, html, NONE, f"{titel}, {datei}", word)
        for datei, html in doc.auszuege.items()
    ]
    return documents


def kontrolle(listen: list) -> list[Dokument]:
    """The Beschlusskontrolle lists."""
    return [
        Dokument(
            beschlusskontrolle.path(liste, ".pdf"), liste.web, liste.print, NONE, f"Beschlusskontrolle „{liste.titel}“"
        )
        for liste in listen
    ]
