"""Amounts typed in no German notation, each named in the report with its line: one the reader took one way
(„37,085.971 EUR“ as 37.085.971 €, „471,621,00 €“ as 471.621,00 €; zahlenlesen.read_foreign) with that reading – a
calculation with it is „nicht eindeutig“ – and an amount whose digits are grouped by four („985.9000 EUR“), read as
none: whether 985.900 or 9.859.000 is meant, nothing tells. So no amount of a document is neither checked nor listed.
Linear in a line's length."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.lesen.zeile import Zeile

# a group of four digits among dotted thousands, right before a euro sign (an account number has no unit)
_MISGROUPED = re.compile(
    r"(?<![\w.,])\d{1,3}(?:\.\d{3})*\.\d{4}(?:\.\d{3})*(?:,\d+)?(?=[ \u00a0]?(?:€|EURO?\b|Euro\b))"
)


def unreadable(zeilen: list[Zeile]) -> list[tuple[Zeile, str, str]]:
    """Each amount of the lines in no German notation, in order: its line, its digits as typed, and the reading
    taken („“ where none is)."""
    found = []
    for zeile in zeilen:
        at = [(z.start, z.text, z.zeige()) for z in zeile.zahlen if z.fremd]
        at += [(m.start(), m.group(), "") for m in _MISGROUPED.finditer(zeile.text)]
        found += [(zeile, _digits(text), reading) for _, text, reading in sorted(at)]
    return found


def _digits(text: str) -> str:
    """„-37,085.971 EUR“ → „37,085.971“: the figure as typed, without sign and unit."""
    match = re.search(r"\d[\d.,]*\d|\d", text)
    return match.group() if match else text
