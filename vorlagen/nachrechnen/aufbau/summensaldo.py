"""The Saldo of two total rows: „Einnahmen gesamt | … / Ausgaben gesamt | … / SALDO | 3.134“, „Fehlbetrag
gesamt:“ under the total of the Ausgaben whose rows stand under the total of the Einnahmen."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.gesamtzeile import bare_words, total_kind, walk
from vorlagen.nachrechnen.aufbau.lesarten import figure_in
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

# „SALDO“, „Fehlbetrag gesamt:“ – a row that names the Saldo of two totals and nothing else
_SALDO = re.compile(r"^\W*(?:Saldo|SALDO|Fehlbetrag|Überschuss|Defizit)(?:\s+gesamt|\s+insgesamt)?\W*$")


def saldo_of_totals(reihen: list[Reihe], index: int, found: list[Rechnung]) -> None:
    """„Einnahmen gesamt | … / Ausgaben gesamt | … / SALDO | 3.134“: a row „Saldo“ right under two total rows is,
    in each column it fills, the first total less the second."""
    total = reihen[index]
    above = next((i for i in range(index - 1, max(-1, index - 4), -1) if reihen[i].zeile.text.strip()), None)
    if above is None or not _SALDO.search(bare_words(total)) or total_kind(reihen[above]) not in ("summe", "zwischen"):
        return
    lauf = walk(reihen, above, reihen[above])
    first = lauf.above if lauf is not None else None
    if first is None or total_kind(reihen[first]) not in ("summe", "zwischen"):
        return
    places = [
        (column, place, figure_in(total, reihen[first], column), figure_in(total, reihen[above], column), total)
        for column, place in enumerate(total.eintraege)
    ]
    below = _figure_below(reihen, index)
    if not total.eintraege and below is not None:  # „Fehlbetrag gesamt:“ over „96.489“: the figure of the first column
        places = [(0, below.eintraege[0], _first(reihen[first]), _first(reihen[above]), below)]
    for _, place, a, b, holder in places:
        if place.art != WERT or len(place.zahlen) != 1 or a is None or b is None:
            continue
        found.append(
            Rechnung(
                f"Saldo der Summenzeilen {reihen[first].zeile.ort} und {reihen[above].zeile.ort}",
                "abstand",
                [reihen[above].fund(b), reihen[first].fund(a)],
                holder.fund(place.zahlen[0]),
                f"{a.zeige()} − {b.zeige()}" if b.wert >= 0 else f"{a.zeige()} − ({b.zeige()})",
                rang=4,
                typ="saldo",
            )
        )


def _figure_below(reihen: list[Reihe], index: int) -> Reihe | None:
    """The next row with text, where it holds one figure and no words (a page set the row's figure on its own line)."""
    below = next((r for r in reihen[index + 1 : index + 3] if r.zeile.text.strip()), None)
    if below is None or below.label.strip() or len(below.eintraege) != 1 or below.eintraege[0].art != WERT:
        return None
    return below


def _first(reihe: Reihe) -> Zahl | None:
    """The row's first figure (a total row of an amount and its share: the amount)."""
    return next((e.zahlen[0] for e in reihe.eintraege if e.art == WERT and len(e.zahlen) == 1), None)
