"""The listing of `vorlagen zahlen`: each name a text can quote with the value it prints, and how a text writes a
name (a key in quotes, a row by its id or label, a period)."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute.names import Named
from vorlagen.compute.tabelle import Zeilen
from vorlagen.core.fmt import Zahlformat, monate
from vorlagen.core.money import CENT
from vorlagen.load.zeitraum import Zeitraum


def zitiert(key: object) -> str:
    """A key as a text writes it: a name in quotes, a number as it is."""
    return f'"{key}"' if isinstance(key, str) else str(key)


class Liste:
    """Collects (expression with filter, printed value)."""

    def __init__(self, zahlformat: Zahlformat, prozent_stellen: int = 2) -> None:
        self.lines: list[tuple[str, str]] = []
        self.filters = zahlformat.filters  # money in the house's sign
        self.prozent_stellen = prozent_stellen  # „| prozent“ prints as many places as the Körperschaft says

    def add(self, expression: str, value: object, kind: str, quantum: Decimal = Decimal(1)) -> None:
        if value is None:
            return
        if kind == "geld":
            kind = "eur_cent" if quantum == CENT else "eur"
        if kind == "text":
            self.lines.append((expression, str(value)))
        elif kind == "prozent":
            self.lines.append((f"{expression} | prozent", self.filters["prozent"](value, self.prozent_stellen)))
        else:
            self.lines.append((f"{expression} | {kind}", self.filters[kind](value)))


def zeilenname(zeilen: Zeilen, zeile: Named) -> str | None:
    """How a text names the row: its id or label in quotes; None when no name reads it alone (texts read rows by
    name only – such a row needs an `id` to be quoted)."""
    name = zeilen.name_von(zeile)
    return zitiert(name) if name is not None else None


def zeitraum(out: Liste, base: str, zeitraum_: Zeitraum | None) -> None:
    """The names of a period: its first and last day and its months in words."""
    if zeitraum_ is not None:
        out.add(f"{base}.zeitraum.von", zeitraum_.von, "datum")
        out.add(f"{base}.zeitraum.bis", zeitraum_.bis, "datum")
        out.add(f"{base}.monate", monate(zeitraum_), "text")
