"""An über- or außerplanmäßige Ausgabe as three labelled lines under its Haushaltsstelle: „Haushaltssoll : 65.000,00
€“, „Anordnungssoll : 66.124,72 €“, „Überplanmäßige Ausgabe : 1.124,72 €“ – the over-run is what is needed less what
the plan holds (an außerplanmäßige one has a plan of 0,00 €). The labels name all three amounts and their roles: a
mismatch is a slip. The three lines follow each other (blank lines between passed over); each holds one amount."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_PLAN = re.compile(r"^\W*(?:Haushaltssoll|Haushaltsansatz|Planansatz|Ansatz)\b[^\d]{0,30}$", re.IGNORECASE)
_NEEDED = re.compile(r"^\W*(?:Anordnungssoll|Rechnungsergebnis|Gesamtbedarf|Bedarf)\b[^\d]{0,30}$", re.IGNORECASE)
_OVER = re.compile(
    r"^\W*(?:über|außer)planmäßige\s+(?:Ausgabe|Aufwendung|Auszahlung)(?:en)?\b[^\d]{0,30}$", re.IGNORECASE
)
_GAP = 1  # blank lines between two of the three lines, at most


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index in range(len(zeilen)):
        plan = _entry(zeilen, index, _PLAN)
        needed = _entry(zeilen, _next(zeilen, plan[2]), _NEEDED) if plan else None
        over = _entry(zeilen, _next(zeilen, needed[2]), _OVER) if needed else None
        if plan is None or needed is None or over is None or over[1].key in taken:
            continue
        found.append(
            Rechnung(
                "über- oder außerplanmäßige Ausgabe: Anordnungssoll weniger Haushaltssoll",
                "unterschied",
                [needed[1], plan[1]],
                over[1],
                f"{needed[0].betrag()} − {plan[0].betrag()}",
                rang=3,
                typ="sollzeilen",
            )
        )
    return found


def _entry(zeilen: list[Zeile], index: int | None, label: re.Pattern[str]) -> tuple[Zahl, Fund, int] | None:
    """The amount a line labels – on the line („Haushaltssoll : 65.000,00 €“) or, where the label stands alone, on
    the next line with text („Haushaltssoll :“ over „1.000,00 €“): the figure, where it stands, the last line used."""
    if index is None:
        return None
    zeile = zeilen[index]
    figure = _labelled(zeile, label)
    if figure is not None:
        return figure, Fund(zeile, figure), index
    if zeile.zahlen or not label.match(zeile.text):
        return None
    below = _next(zeilen, index)
    if below is None:
        return None
    alone = _labelled(zeilen[below], re.compile(r"\W*$"))
    return (alone, Fund(zeilen[below], alone), below) if alone is not None else None


def _labelled(zeile: Zeile, label: re.Pattern[str]) -> Zahl | None:
    """The line's one amount, where the words before it are the label and nothing but its unit follows it."""
    figures = [z for z in zeile.zahlen if z.tiefe == 0]
    if len(figures) != 1 or not figures[0].geld:
        return None
    figure = figures[0]
    if not label.match(zeile.text[: figure.start]) or zeile.text[figure.ende :].strip(" .€"):
        return None
    return figure


def _next(zeilen: list[Zeile], index: int) -> int | None:
    """The next line with text, `_GAP` blank lines passed over at most."""
    for below in range(index + 1, min(len(zeilen), index + 2 + _GAP)):
        if zeilen[below].text.strip():
            return below
    return None
