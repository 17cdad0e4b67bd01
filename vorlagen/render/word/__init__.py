"""A document's Word file (.docx), made from the print HTML its PDF is set from and from the PDF's layout: the same
text, headings, header block, tables with the same figures, the same pages. Changes made in Word do not flow back –
the data stay the source.

satzbild.py reads the layout, inhalt.py and tabelle.py walk the elements, formatvorlagen.py, listen.py, seiten.py
and paket.py write the parts; the archive is byte-identical for the same print (paket.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from vorlagen.render.word import paket, seiten
from vorlagen.render.word.aussehen import Linie
from vorlagen.render.word.bloecke import Umgebung
from vorlagen.render.word.formatvorlagen import Formatvorlage, formatvorlagen, schriften_xml, styles_xml
from vorlagen.render.word.inhalt import Inhalt
from vorlagen.render.word.listen import Nummern
from vorlagen.render.word.satzbild import Satzbild, aus_dokument, ohne_satz
from vorlagen.render.word.trennung import Silben

__all__ = ["Satzbild", "aus_dokument", "ohne_satz", "worddatei", "MIME"]
MIME = paket.MIME
TABELLENLINIE = ("9AA5B1", 0.4)  # the rule between table rows where the print draws none to copy


@dataclass
class Dokument:
    """What the parts of one Word file share while it is written."""

    bild: Satzbild
    stile: dict[str, Formatvorlage]
    silben: Silben
    lesen: Callable[[str], bytes | None] | None
    nummern: Nummern = field(default_factory=Nummern)
    beziehungen: paket.Beziehungen = field(default_factory=paket.Beziehungen)
    zeichnungen: int = 0

    def zeichnung(self) -> int:
        """The next id of a drawing (unique in the document)."""
        self.zeichnungen += 1
        return self.zeichnungen


def worddatei(
    bild: Satzbild, erstellt: dt.date, woerter: tuple[str, ...] = (), lesen: Callable[[str], bytes | None] | None = None
) -> bytes:
    """The .docx of a document; `erstellt` its date (stamped on the archive and its properties), `woerter` the
    house's words of the hyphenation, `lesen` gives the bytes of an image the document shows (None: none)."""
    dokument = Dokument(bild, formatvorlagen(bild), Silben(woerter), lesen)
    body = bild.root.find("body")
    normal = dokument.stile["Normal"]
    teile = Inhalt(dokument).bloecke(body, Umgebung(normal.zeichen, normal.absatz)) if body is not None else []
    titelseite = any("laufkopf" in (e.get("class") or "").split() for e in bild.root.iter())
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {seiten.NAMESPACES}><w:body>'
        f"{seiten.koerper(bild, teile, titelseite)}</w:body></w:document>"
    ).encode()
    kopf, kopf_erste = seiten.kopfzeilen(bild, dokument.stile, dokument.silben)
    rels = dokument.beziehungen
    for rid, art, ziel in (
        ("stile", "styles", "styles.xml"),
        ("einstellungen", "settings", "settings.xml"),
        ("schriften", "fontTable", "fontTable.xml"),
        (seiten.KOPF, "header", "header1.xml"),
        (seiten.KOPF_ERSTE, "header", "header2.xml"),
        (seiten.FUSS, "footer", "footer1.xml"),
    ):
        rels.fest(rid, art, ziel)
    numbering = dokument.nummern.xml()
    if numbering is not None:
        rels.fest("nummern", "numbering", "numbering.xml")
    head = bild.root.find("head")
    meta = {m.get("name"): m.get("content") or "" for m in head.iter("meta")} if head is not None else {}
    title = head.find("title") if head is not None else None
    titel = " ".join("".join(title.itertext()).split()) if title is not None else ""
    teile_xml = [
        ("_rels/.rels", paket.paket_rels()),
        ("docProps/core.xml", paket.kern(titel, meta.get("author", ""), meta.get("description", ""), erstellt)),
        ("docProps/app.xml", paket.programm()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels.xml()),
        ("word/styles.xml", styles_xml(dokument.stile, _tabellenlinie(bild))),
        ("word/settings.xml", seiten.einstellungen()),
        ("word/fontTable.xml", schriften_xml(dokument.stile)),
        *([("word/numbering.xml", numbering)] if numbering is not None else []),
        ("word/header1.xml", kopf),
        ("word/header2.xml", kopf_erste),
        ("word/footer1.xml", seiten.fusszeile(bild, dokument.stile)),
        *[(name, data) for _, name, data in rels.medien.values()],
    ]
    return paket.zip_bytes(teile_xml, erstellt)


def _tabellenlinie(bild: Satzbild) -> Linie:
    """The rule between the rows of the first table of the print that draws one (for new tables in Word)."""
    from vorlagen.render.word.aussehen import Linie, linie

    for row in bild.root.iter("tr"):
        style = bild.stil(row)
        found = linie(style, "bottom") if style is not None else None
        if found is not None:
            return found
    return Linie(TABELLENLINIE[1], TABELLENLINIE[0])
