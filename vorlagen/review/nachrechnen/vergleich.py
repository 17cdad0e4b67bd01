"""Comparison tables: columns Plan/Ist/Vorjahr (or years) followed by a Veränderung column and its percentage."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vorlagen.core.money import round_half_up
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.reihe import WERT, Reihe
from vorlagen.review.nachrechnen.zahlen import Zahl

_DIFFERENCE = re.compile(
    r"\b(?:Veränderung|Veränd\.|Differenz|Diff\.|Abweichung|Delta|Mehr-?/Minder\w*)|\+/-|\+/−", re.IGNORECASE
)
_COMPARED = re.compile(
    r"\b(?:Plan|Planung|Ansatz|Ansätze|Ist|Soll|Vorjahr|Ergebnis|Entwurf|Haushalt|HH|Prognose|"
    r"Fortschreibung|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"%|\bProzent\b|v\.\s?H\.")
_MAX_GAP = 3  # label lines a flattened table may wrap between two rows of figures


def recognise(reihen: list[Reihe], found: list[Rechnung]) -> set[tuple]:
    """Adds the row checks of every comparison table; returns the lines whose percentage is a rate of change
    (never the sum of the percentages above it)."""
    rates: set[tuple] = set()
    for index, head in enumerate(reihen):
        with_percent = _header(head)
        if with_percent is not None:
            _rows((reihen[i] for i in range(index + 1, len(reihen))), with_percent, found, rates)
    return rates


def _header(reihe: Reihe) -> bool | None:
    """None: no comparison header; else whether it announces a percent column after the difference column."""
    text = reihe.zeile.text.strip()
    if reihe.werte or not text or len(text) > 200 or text.endswith((".", ":", ";")):
        return None
    difference = _DIFFERENCE.search(text)
    if not difference or len(_COMPARED.findall(text[: difference.start()])) < 1:
        return None
    return bool(_PERCENT.search(text[difference.end() :]))


def _rows(below: Iterable[Reihe], with_percent: bool, found: list[Rechnung], rates: set[tuple]) -> None:
    gap = 0
    for reihe in below:
        if not reihe.zeile.text.strip() or _header(reihe) is not None:
            return
        values = [e.zahlen[0] for e in reihe.eintraege if e.art == WERT and len(e.zahlen) == 1] or reihe.werte
        if not values:
            gap += 1
            if gap > _MAX_GAP:
                return
            continue
        gap = 0
        rate = values[-1] if with_percent and values[-1].einheit == "%" else None
        amounts = values[:-1] if rate else values
        if len(amounts) < 3 or len({z.einheit for z in amounts[-3:]} - {"%"}) != 1 or amounts[-3].einheit == "%":
            return  # not a row of this table
        a, b, d = amounts[-3:]
        line = reihe.zeile
        shown = f"{b.betrag()} − {a.betrag()}" if min(a.wert, b.wert) >= 0 else f"({b.zeige()}) − ({a.zeige()})"
        found.append(
            Rechnung(
                "Spalte „Veränderung“ als Differenz der beiden Spalten davor",
                "abstand",
                [Fund(line, a), Fund(line, b)],
                Fund(line, d),
                shown,
                typ="vergleich_differenz",
            )
        )
        if rate is not None:
            base, other = (b, a) if not _holds(a, b, rate) and _holds(b, a, rate) else (a, b)
            found.append(
                Rechnung(
                    "Spalte „%“ als Veränderung in Prozent",
                    "steigerung",
                    [Fund(line, base), Fund(line, other)],
                    Fund(line, rate),
                    f"({other.zeige()} − {base.zeige()}) / {base.betrag()} x 100",
                    typ="vergleich_prozent",
                )
            )
            rates.add((line.seite or 0, line.nr))


def _holds(base: Zahl, other: Zahl, rate: Zahl) -> bool:
    return bool(base.wert) and round_half_up(abs(other.wert - base.wert) / abs(base.wert) * 100, rate.schritt) == abs(
        rate.wert
    )
