"""Paragraphs a PDF set over several lines, read as the one line a council information system stores them as.

The recognisers of calculations in prose – a Deckung, a rest, „davon“, an Ergebnis, a total of the sentences
before, a rate – read a paragraph as one line. In a PDF's text the same paragraph comes broken into lines of some
eighty characters, and a Deckung whose Ausgabe stands in the first line and whose parts stand in the fifth is not
seen. Here each such paragraph is joined into one line and given to those recognisers; every figure of what they
read is put back at its place in its own line. A reading of a figure another recogniser has read already is left
out: the lines as typed come first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from vorlagen.nachrechnen.aufbau.absatz import Absatz, paragraphs
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.erkennen import deckung, ergebnissatz, prosa, quote, restbetrag, satzsumme
from vorlagen.nachrechnen.lesen.zeile import Zeile

Erkennung = Callable[[list[Zeile], tuple[Rechnung, ...]], list[Rechnung]]
_IN_PARAGRAPHS: tuple[Erkennung, ...] = (
    deckung.recognise,
    restbetrag.recognise,
    prosa.recognise,
    ergebnissatz.recognise,
    satzsumme.recognise,
    quote.recognise,
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """What the recognisers of prose read in each broken paragraph as one line, at the lines the figures stand in."""
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for absatz in paragraphs(zeilen):
        first = absatz.zeilen[0]
        joined = Zeile(first.seite, first.nr, absatz.text)
        for erkennung in _IN_PARAGRAPHS:
            for rechnung in erkennung([joined], ()):
                placed = _placed(rechnung, absatz)
                lines = {f.zeile.nr for f in (*placed.teile, placed.ergebnis)}
                if len(lines) > 1 and placed.ergebnis.key not in taken:
                    taken.add(placed.ergebnis.key)
                    found.append(placed)
    return found


def _placed(rechnung: Rechnung, absatz: Absatz) -> Rechnung:
    """The reading with each figure at its own line (a figure of the joined line → the line it was typed in)."""
    return replace(
        rechnung,
        teile=[absatz.fund(f.zahl) for f in rechnung.teile],
        ergebnis=absatz.fund(rechnung.ergebnis.zahl),
    )
