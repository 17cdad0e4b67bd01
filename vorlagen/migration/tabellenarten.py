"""The table kinds as migration/ knows them: the records a kind's rows come from, and what the rules for earlier
revisions look at. The one place of migration/ that names the kinds (docs/entwicklung/architektur.md, „Eine
Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vorlagen.load.finanzen import Berechnung
from vorlagen.load.records import Record


def _kosten_und_abzuege(b: Berechnung) -> list[Record]:
    return [*b.kosten, *b.abzuege]


def _nie(b: Berechnung) -> bool:
    return False


@dataclass(frozen=True)
class Umstellart:
    """How the rules for earlier revisions treat one kind of table."""

    positionen: Callable[[Berechnung], list[Record]] = _kosten_und_abzuege  # the records of its rows, in order
    # it prints amounts scaled (T€, Mio. €): an earlier version printed a small one as zero (migration/nullwerte.py)
    skaliert: Callable[[Berechnung], bool] = _nie
    # it prints shares and year columns an earlier version rounded otherwise (migration/rundungsaenderungen.py)
    anteile_und_jahre: bool = False


UMSTELLUNG: dict[str, Umstellart] = {
    "Eigenanteil": Umstellart(),
    "Aufstellung": Umstellart(skaliert=lambda b: b.anzeige != "€"),
    "Finanzierungsplan": Umstellart(anteile_und_jahre=True),
    "Vergleich": Umstellart(positionen=lambda b: list(b.zeilen)),
    "Matrix": Umstellart(),
}
