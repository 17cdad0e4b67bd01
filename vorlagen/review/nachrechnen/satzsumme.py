"""A total a sentence states over the amounts of the sentences before it in the same paragraph: „Für den ersten
Bauabschnitt werden 60.000 € bereitgestellt, für den zweiten 40.000 €. In der Summe demnach 100.000 €.“, „… einen
Überschuss in Höhe von 12.072,54 €. Damit ergibt sich ein Gesamtüberschuss von 3.717.039,51 €.“

A guess: the words do not say which amounts the total takes in – all amounts before it in the paragraph, or the
last few of them. A total that one such run of amounts gives is confirmed; otherwise its figures stay „nicht
geprüft“. One paragraph is a line (as a council information system stores it); every look is bounded."""

from __future__ import annotations

import re

from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import written_sum
from vorlagen.review.nachrechnen.zeile import Zeile

_TOTAL = re.compile(
    r"(?:^|[.;:]\s+)(?:In der Summe|In Summe|Insgesamt|Zusammen|Summa summarum|Damit ergibt sich|Somit ergibt sich|"
    r"Daraus ergibt sich|Es ergibt sich|Das ergibt|Dies ergibt|Gesamt|Summe)\b[^.;\d€]{0,80}$",
    re.IGNORECASE,
)
_MAX_PARTS = 6
_LOOK_BACK = 100


def recognise(zeilen: list[Zeile], found: list[Rechnung]) -> None:
    taken = {r.ergebnis.key for r in found} | {t.key for r in found for t in r.teile}
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.einheit == "€" and z.tiefe == 0]
        for index, total in enumerate(money):
            if index < 2 or Fund(zeile, total).key in taken:
                continue
            if not _TOTAL.search(zeile.text[max(0, total.start - _LOOK_BACK) : total.start]):
                continue
            before = [z for z in money[:index] if Fund(zeile, z).key not in taken][-_MAX_PARTS:]
            for start in range(len(before) - 1):  # all amounts before it first, then the last few
                parts = before[start:]
                if sum(abs(z.wert) for z in parts) == abs(total.wert):
                    found.append(_rechnung(zeile, parts, total))
                    break


def _rechnung(zeile: Zeile, parts: list, total) -> Rechnung:
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
