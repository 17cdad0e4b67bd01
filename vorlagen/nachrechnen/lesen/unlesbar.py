"""Amounts typed in no German notation, each named in the report with its line: one the reader took one way
(„37,085.971 EUR“ as 37.085.971 €, „471,621,00 €“ as 471.621,00 €; zahlenlesen.read_foreign) with that reading – a
calculation with it is „nicht eindeutig“ – and an amount whose digits are grouped by four („985.9000 EUR“), read as
none: whether 985.900 or 9.859.000 is meant, nothing tells – and one whose marks make no figure at all („10.00,00 €“,
„68.174.,41 €“, a percentage with a decimal point: „57.6 %“), read as none as well. So no amount of a document is neither checked nor listed.
Linear in a line's length."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.lesen.zahlenlesen import figures
from vorlagen.nachrechnen.lesen.zeile import Zeile

# digits and marks right before a euro sign (an account number has no unit) or a percent sign that make no figure
# zahlenlesen reads: „985.9000 EUR“ (grouped by four), „10.00,00 €“, „68.174.,41 €“, „57.6 %“ (a decimal point)
_RUN = re.compile(r"(?<![\w.,])\d[\d.,]{0,40}\d(?=[ \u00a0]?(?:€|EURO?\b|Euro\b|%|Prozent\b))")


def unreadable(zeilen: list[Zeile]) -> list[tuple[Zeile, str, str]]:
    """Each amount of the lines in no German notation, in order: its line, its digits as typed, and the reading
    taken („“ where none is)."""
    found = []
    for zeile in zeilen:
        at = [(z.start, z.text, z.zeige()) for z in zeile.zahlen if z.fremd]
        at += [(m.start(), m.group(), "") for m in _RUN.finditer(zeile.text) if not _one_figure(m.group())]
        found += [(zeile, _digits(text), reading) for _, text, reading in sorted(at)]
    return found


def _one_figure(run: str) -> bool:
    """The digits and marks read as one figure, all of them (in German notation or another one zahlenlesen reads)."""
    read = figures(run)
    return len(read) == 1 and read[0].start == 0 and read[0].ende == len(run)


def _digits(text: str) -> str:
    """„-37,085.971 EUR“ → „37,085.971“: the figure as typed, without sign and unit."""
    match = re.search(r"\d[\d.,]*\d|\d", text)
    return match.group() if match else text
