"""The result of checking one document: every calculation with its verdict, the figures left open, and what
follows from each slip."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.urteil.nachgerechnet import Urteil


@dataclass
class Pruefung:
    """The result for one document."""

    datei: str
    rechnungen: list[Urteil]
    offen: list[Fund]  # money and percentages no calculation explains
    erwaehnt: int = 0  # mentions in the text of figures a calculation produced
    folgen: dict[int, list[tuple[Urteil, Decimal]]] = field(default_factory=dict)  # id(slip) → dependents
    nennungen: dict[int, list[Fund]] = field(default_factory=dict)  # id(calculation) → same figure elsewhere
    # amounts in no German notation (lesen/unlesbar): line, as typed, the reading taken („“: none)
    unlesbar: list[tuple[Zeile, str, str]] = field(default_factory=list)

    def zaehle(self, status: str) -> int:
        return sum(1 for r in self.rechnungen if r.status == status)
