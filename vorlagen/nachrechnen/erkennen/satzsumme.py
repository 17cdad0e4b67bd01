"""A total a sentence states over the amounts of the sentences before it in the same paragraph: „Für den ersten
Bauabschnitt werden 60.000 € bereitgestellt, für den zweiten 40.000 €. In der Summe demnach 100.000 €.“, „… einen
Überschuss in Höhe von 12.072,54 €. Damit ergibt sich ein Gesamtüberschuss von 3.717.039,51 €.“

A guess: the words do not say which amounts the total takes in – all amounts before it in the paragraph, or the
last few of them. A total that one such run of amounts gives is confirmed; otherwise its figures stay „nicht
geprüft“. One paragraph is a line (as a council information system stores it); every look is bounded.

Also a list of named amounts split by slashes whose first or last names the total: „Gesamt 100 T€ / Fördermittel
65 T€ / Eigenmittel 35 T€“ – „nicht eindeutig“ when the others do not add up to it (the list may leave a part out)."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import ROUNDED, TOTAL_IN_SENTENCE, TOTAL_NAME

_MAX_PARTS = 6
_NAMED = re.compile(
    r"(?P<name>[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß.\- ]{0,40}?):?\s+[-−]?\d[\d.,]*\s*(?:T€|TEUR|Mio\.\s?€|€|EUR|Euro)"
)
_LOOK_BACK = 100


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    standing = [r for r in prior if r.steht()]
    taken = {r.ergebnis.key for r in standing} | {t.key for r in standing for t in r.teile}
    for zeile in zeilen:
        listed = _slash_list(zeile)
        if listed is not None and not {t.key for t in listed.teile} & taken and listed.ergebnis.key not in taken:
            found.append(listed)
            taken |= {listed.ergebnis.key, *(t.key for t in listed.teile)}
        money = [z for z in zeile.zahlen if z.einheit == "€" and z.tiefe == 0]
        for index, total in enumerate(money):
            if index < 2 or Fund(zeile, total).key in taken:
                continue
            if not TOTAL_IN_SENTENCE.search(look_back(zeile.text, total.start, _LOOK_BACK)):
                continue
            before = [z for z in money[:index] if Fund(zeile, z).key not in taken][-_MAX_PARTS:]
            for start in range(len(before) - 1):  # all amounts before it first, then the last few
                parts = before[start:]
                if _adds_up(zeile.text, parts, total):
                    found.append(_rechnung(zeile, parts, total))
                    break
    return found


def _slash_list(zeile: Zeile) -> Rechnung | None:
    """„Gesamt 100 T€ / Fördermittel 65 T€ / Eigenmittel 35 T€“: each part a name and one amount."""
    parts = zeile.text.split(" / ")
    if not 3 <= len(parts) <= _MAX_PARTS + 1:
        return None
    figures, offset = [], 0
    for part in parts:
        inside = [z for z in zeile.zahlen if offset <= z.start < offset + len(part)]
        match = _NAMED.fullmatch(part.strip())
        if len(inside) != 1 or inside[0].einheit != "€" or match is None:
            return None
        figures.append((match["name"], inside[0]))
        offset += len(part) + 3
    if TOTAL_NAME.fullmatch(figures[0][0]):
        total, others = figures[0][1], [z for _, z in figures[1:]]
    elif TOTAL_NAME.fullmatch(figures[-1][0]):
        total, others = figures[-1][1], [z for _, z in figures[:-1]]
    else:
        return None
    return Rechnung(
        "Summe einer Aufzählung mit „/“, die ihre Gesamtsumme nennt",
        "summe",
        [Fund(zeile, z) for z in others],
        Fund(zeile, total),
        written_sum(others, [1] * len(others)),
        sicher=False,
        grund="ob die Aufzählung alle Teile nennt, sagt sie nicht",
        rang=2,
        typ="satzsumme",
    )


def _adds_up(text: str, parts: list[Zahl], total: Zahl) -> bool:
    """The parts add up to the total – exactly, or, where the total is marked as rounded („Zusammen rund 13,7
    Millionen Euro“) and typed coarser than every part, once rounded as it is typed."""
    exact = sum((abs(z.wert) for z in parts), Decimal(0))
    if exact == abs(total.wert):
        return True
    coarser = all(total.schritt > z.schritt for z in parts)
    rounded = ROUNDED.search(look_back(text, total.start, _LOOK_BACK))
    return coarser and rounded is not None and round_half_up(exact, total.schritt) == abs(total.wert)


def _rechnung(zeile: Zeile, parts: list[Zahl], total: Zahl) -> Rechnung:
    return Rechnung(
        "Summe im Satz über die Beträge davor",
        "summe",
        [Fund(zeile, z) for z in parts],
        Fund(zeile, total),
        written_sum(parts, [1] * len(parts)),
        sicher=False,
        rang=1,
        typ="satzsumme",
    )
