"""A new amount of a Nachtrag table typed with its digit groups wrong: „| 2.250.250 € | 540.000 € | 2.7902.500 |“ – one
group of four digits among groups of three. Such a figure is no number a reader can take at its word, so the number
reader leaves it out; in a row of a Nachtrag table („gegenüber bisher | verändert um | nunmehr festgesetzt auf“) its
place says what it should be: bisher plus the change. However one reads the mistyped groups, it is not that sum – a
slip, reported with the sum the row makes. Only such a figure alone in the last cell of a row whose other cells hold
the bisher and the change is read; a Haushaltsstelle („2141.54001“) or a date has other groups and is left alone."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.nachtrag import tables
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum

# a figure in groups of three or four after the first, at least three groups: „2.7902.500“ (checked: one of four)
_MISGROUPED = re.compile(r"(?P<zahl>[1-9]\d{0,2}(?:\.\d{3,4}){2,})(?:\s?(?P<euro>€|EUR|Euro))?")
_HINWEIS = "die Zifferngruppen von „{}“ sind falsch gesetzt"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for roles, rows, years in tables(reihen):
        if (
            years != 1
            or roles[-1] != "neu"
            or len(roles) != 3
            or roles[0] != "alt"
            or roles[1] not in ("delta", "plus")
        ):
            continue
        for reihe in rows:
            reading = _reading(reihe)
            if reading:
                found.append(reading)
    return found


def _reading(reihe: Reihe) -> Rechnung | None:
    """The row's bisher and change, and its last cell a mistyped figure standing alone."""
    zeile = reihe.zeile
    if len(reihe.werte) != 2 or not zeile.zellen:
        return None
    cells = zeile.text.split("\t")
    last = cells[-1].strip() or (cells[-2].strip() if len(cells) > 1 else "")
    match = _MISGROUPED.fullmatch(last)
    if (
        not match
        or [len(g) for g in match["zahl"].split(".")[1:]].count(4) != 1
        or any(z.start >= zeile.text.rfind(last) for z in reihe.werte)
    ):
        return None
    start = zeile.text.rfind(last)
    alt, change = reihe.werte
    if alt.wert < 0 or change.wert < 0:
        return None  # a Saldo row: its sign is its own; only an amount is read here
    typed = Zahl(
        wert=Decimal(match["zahl"].replace(".", "")),
        text=last,
        einheit="€" if match["euro"] else "",
        schritt=Decimal(1),
        skala=Decimal(1),
        start=start,
        ende=start + len(last),
        tiefe=0,
        minus=False,
    )
    return Rechnung(
        "Nachtrag: bisher und Veränderung, nunmehr festgesetzt",
        "saldo",
        [reihe.fund(alt), reihe.fund(change)],
        reihe.fund(typed),
        written_sum([alt, change], [1, 1], signed=True),
        betrag=False,
        vorzeichen=[1, 1],
        sicher=True,
        rang=3,
        typ="nachtrag",
        hinweis=_HINWEIS.format(match["zahl"]),
    )
