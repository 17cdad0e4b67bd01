"""A rate a paragraph states after two amounts as their ratio: „Die förderfähigen Kosten betragen 657.363,88 €.
Bewilligt sind 413.481 €; der Fördersatz beträgt damit 62,9 %.“ – the smaller amount in percent of the larger.

A guess: the words name a rate (Fördersatz, Förderquote, Anteil, Deckungsgrad …) but not its two amounts, so only a
rate that holds is confirmed; one that does not stays „nicht geprüft“. Read only where the paragraph (a line) names
exactly two amounts before the rate."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile

_RATE = re.compile(
    r"\b(?:Fördersatz|Fördersatzes|Förderquote|Förderanteil|Zuschussquote|Quote|Deckungsgrad|Deckungsquote|"
    r"Anteil|Eigenanteil|Fördermittelanteil|Finanzierungsanteil)\b[^.;:\d€%]{0,50}$",
    re.IGNORECASE,
)
_LOOK_BACK = 70


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    taken = {r.ergebnis.key for r in prior}
    for zeile in zeilen:
        for index, rate in enumerate(zeile.zahlen):
            if rate.einheit != "%" or Fund(zeile, rate).key in taken:
                continue
            if not _RATE.search(look_back(zeile.text, rate.start, _LOOK_BACK)):
                continue
            amounts = [z for z in zeile.zahlen[:index] if z.einheit == "€" and z.tiefe == 0]
            if len(amounts) != 2 or not all(z.wert > 0 for z in amounts):
                continue
            part, whole = sorted(amounts, key=lambda z: z.wert)
            found.append(
                Rechnung(
                    "Satz als Verhältnis der zwei Beträge davor",
                    "quote",
                    [Fund(zeile, part), Fund(zeile, whole)],
                    Fund(zeile, rate),
                    f"{part.betrag()} / {whole.betrag()} x 100",
                    sicher=False,
                    rang=1,
                    typ="quote",
                )
            )
    return found
