"""What a public document may see: non-public Anlagen, TOPs and Vorlagen cut out of the facts it is given.

Templates and prose of a public document get these views instead of the records themselves, so that
neither `{{ vorlage.anlagen[0].titel }}` nor `{{ vorlage | string }}` can show what is not public.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from vorlagen.load.niederschrift import Niederschrift
from vorlagen.load.records import changed
from vorlagen.load.sitzungen import Sitzung
from vorlagen.load.vorlage import Vorlage

NICHTOEFFENTLICH = "nichtöffentlich"


def vorlage(record: Vorlage) -> Vorlage:
    """A Vorlage whose non-public Anlagen have neither title nor file name."""
    return changed(
        record, anlagen=[a if a.oeffentlich else changed(a, titel=NICHTOEFFENTLICH, datei="") for a in record.anlagen]
    )


def sitzung(record: Sitzung) -> Sitzung:
    """A Sitzung without the TOPs of its non-public part."""
    if record.tagesordnung is None:
        return record
    return changed(record, tagesordnung=changed(record.tagesordnung, nichtoeffentlich=[]))


def anlagen(docs: list) -> list:
    """AnlageDocs of a public Vorlage: the non-public ones without title and output path (it names the title)."""
    return [
        a
        if a.oeffentlich
        else replace(a, titel=NICHTOEFFENTLICH, datei=PurePosixPath(NICHTOEFFENTLICH), quelle="", html=None, pdf=None)
        for a in docs
    ]


def schritte(steps: list) -> list:
    """Steps of a Beratungsfolge whose Sitzungen show no non-public TOPs."""
    return [replace(step, sitzung=sitzung(step.sitzung)) if step.sitzung is not None else step for step in steps]


def document(doc: Any) -> Any:  # a VorlageDoc (render/document.py, which imports this module)
    """A VorlageDoc as a public overview or agenda may show it: without its sources and without what its
    sign-offs signed (that text holds the non-public Anlagen too); who still has to sign stays."""
    source = replace(
        doc.source, vorlage=vorlage(doc.source.vorlage), texts={}, pdfs={}, reads={}, mitzeichnungen=[], gezeichnet={}
    )
    freigabe = replace(doc.freigabe, text="") if doc.freigabe is not None else None
    return replace(doc, anlagen=anlagen(doc.anlagen), source=source, freigabe=freigabe, ohne_marken=None)


def niederschrift(record: Niederschrift, tops: set[str]) -> Niederschrift:
    """A Niederschrift with only the entries of the given (public) TOPs."""
    return changed(record, punkte=[p for p in record.punkte if p.top in tops])
