"""Every table of a Vorlage as printed: rows × columns of cell texts, each figure with its derivation – so that
`vorlagen zahlen NUMMER TABELLE ZEILE SPALTE` explains any cell, and a test can hold each against the document.

A table is addressed by its id (a Berechnung's, a Verteilung's, or `uebersicht`, `haushalt`, `deckung`), a row by
the label it prints (or its id), a column by its head. The modules beside this one lay out each kind as the
templates of templates/tabellen.html.j2 and templates/haushalt.html.j2 print it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from vorlagen.compute.herleitung import Herleitung
from vorlagen.render.satzregeln import einheiten_halten


@dataclass
class Zelle:
    text: str
    herleitung: Herleitung | None = None


@dataclass
class Rasterzeile:
    name: str  # the label the row prints
    zellen: list[Zelle]
    ids: tuple[str, ...] = ()  # other names of the row (its id)


@dataclass
class Raster:
    """One printed table: its id, caption, head rows (as printed) and the names of its columns, and its rows."""

    id: str
    titel: str
    kopf: list[list[str]]
    spalten: list[str] = field(default_factory=list)  # a name per column (default: the last head row)
    zeilen: list[Rasterzeile] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.spalten and self.kopf:
            self.spalten = list(self.kopf[-1])

    def zeile(self, name: str, zellen: list[Zelle | str], ids: tuple[str, ...] = ()) -> None:
        self.zeilen.append(Rasterzeile(name, [z if isinstance(z, Zelle) else Zelle(z) for z in zellen], ids))

    def gedruckt(self) -> list[list[str]]:
        """Head and rows as the document's text prints them (a number keeps its unit, as the template prints it)."""
        return [[einheiten_halten(t) for t in row] for row in self.kopf] + [
            [einheiten_halten(z.text) for z in r.zellen] for r in self.zeilen
        ]


def zelle(herleitung: Herleitung, praefix: str = "") -> Zelle:
    """A figure's cell: what its derivation prints, after the sign or mark the table sets before it ('− ', '= ')."""
    return Zelle(praefix + herleitung.gedruckt, herleitung)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u2212", "-").casefold()
    return " ".join(text.split())


class NichtGefunden(LookupError):
    """A table, row or column that is not there – with the German reason and what there is."""


def finden(raster: list[Raster], tabelle: str, zeile: str, spalte: str) -> tuple[Raster, Rasterzeile, int]:
    """The cell of table `tabelle` in the row named `zeile` and the column named `spalte`."""
    tables = [r for r in raster if r.id == tabelle]
    if not tables:
        known = ", ".join(dict.fromkeys(r.id for r in raster)) or "keine"
        raise NichtGefunden(f"Eine Tabelle „{tabelle}“ gibt es in dieser Vorlage nicht. Tabellen: {known}.")
    found = []
    for r in tables:
        rows = [z for z in r.zeilen if _norm(zeile) in (_norm(z.name), *(_norm(i) for i in z.ids))]
        heads = r.kopf[-1] if r.kopf and len(r.kopf[-1]) == len(r.spalten) else r.spalten
        cols = [
            i
            for i, (name, head) in enumerate(zip(r.spalten, heads, strict=True))
            if _norm(spalte) in (_norm(name), _norm(head))
        ]
        found += [(r, z, c) for z in rows for c in cols if c < len(z.zellen)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise NichtGefunden(
            f"„{zeile}“ nennt in der Tabelle „{tabelle}“ mehrere Zeilen – nennen Sie die Zeile mit ihrer id: "
            + ", ".join(dict.fromkeys(z.ids[0] for _, z, _ in found if z.ids))
            + "."
        )
    rows_known = ", ".join(dict.fromkeys(z.name for r in tables for z in r.zeilen if z.name))
    cols_known = ", ".join(dict.fromkeys(c for r in tables for c in r.spalten if c))
    raise NichtGefunden(
        f"In der Tabelle „{tabelle}“ gibt es die Zelle „{zeile}“ / „{spalte}“ nicht. Zeilen: {rows_known}. "
        f"Spalten: {cols_known}."
    )
