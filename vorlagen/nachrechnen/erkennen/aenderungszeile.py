"""A table row that states how the row above it changes from one column to the next: „Planstellen | 264,52 |
269,40“ and under it „Stellenabbau/-zuwachs | | 4,88“, „Veränderung zum Vorjahr | | +1.500 €“. Each of its figures
is the figure above it less the one left of that.

Read only when the shape says so: the row's label names a change and has few words, the row is typed in cells (a
pipe table, Word, HTML, or rows a page stored one cell per line, faltung.py), and it leaves the first column of the
row above empty – there is nothing to compare the first column with. A figure typed with its sign („+ 2,05“,
„-1,55“) is compared with its sign; one without (an „Abbau“ is as often typed without a minus) as an amount."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe
from vorlagen.nachrechnen.woerter import CHANGE_ROW

_MAX_WORDS = 5
_SIGN = re.compile(r"^\s*[+\-−–]")
_IN_PERCENT = re.compile(r"%|\bProzent")


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for above, reihe in zip(reihen, reihen[1:]):
        if not CHANGE_ROW.match(reihe.label) or reihe.woerter > _MAX_WORDS or not _in_cells(reihe, above):
            continue
        if _IN_PERCENT.search(reihe.label):  # „Veränderung gegenüber Vorjahr in %“: a rate, no difference
            continue
        places = _places(above)
        if len(places) < 2:
            continue
        keys = list(places)
        changes = _places(reihe)
        if keys[0] in {e.spalte for e in reihe.eintraege} or not changes or not set(changes) <= set(keys[1:]):
            continue  # the first column filled, or a figure where the row above has none: another kind of row
        for key, cell in changes.items():
            before = keys[keys.index(key) - 1]
            found.append(_change(above, reihe, places[before], places[key], cell))
    return found


def _in_cells(*reihen: Reihe) -> bool:
    return all(r.eintraege and all(e.spalte and e.spalte[0] == "zelle" for e in r.eintraege) for r in reihen)


def _places(reihe: Reihe) -> dict[tuple, Eintrag]:
    """The row's cells that hold one figure, by column, in order."""
    return {e.spalte: e for e in reihe.eintraege if e.art == WERT and len(e.zahlen) == 1 and e.spalte is not None}


def _change(above: Reihe, reihe: Reihe, left: Eintrag, right: Eintrag, cell: Eintrag) -> Rechnung:
    a, b, result = left.zahlen[0], right.zahlen[0], cell.zahlen[0]
    signed = bool(_SIGN.match(cell.text))
    shown = f"{b.zeige()} − ({a.zeige()})" if a.wert < 0 else f"{b.zeige()} − {a.zeige()}"
    return Rechnung(
        f"Veränderung der Zeile darüber ({above.zeile.ort}) zur Spalte davor",
        "unterschied" if signed else "abstand",
        [above.fund(b), above.fund(a)] if signed else [above.fund(a), above.fund(b)],
        reihe.fund(result),
        shown if signed else f"|{shown}|",
        betrag=not signed,
        rang=3,
        typ="aenderungszeile",
    )
