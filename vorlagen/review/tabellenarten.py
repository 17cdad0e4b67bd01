"""The table kinds as review/ knows them: the figures `vergleichen` compares of each, the records its rows come
from, and what the rules for earlier revisions look at. The one place of review/ that names the kinds
(docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vorlagen.core.fmt import Zahlformat
from vorlagen.review import tabellenzahlen
from vorlagen.review.fassungszahl import Zahl


def _kosten_und_abzuege(b) -> list:
    return [*b.kosten, *b.abzuege]


def _nie(b) -> bool:
    return False


@dataclass(frozen=True)
class Pruefart:
    """How review/ treats one kind of table."""

    zahlen: Callable[[Any, str, dict[str, Zahl], Zahlformat], None]  # its figures `vergleichen` compares
    positionen: Callable[[Any], list] = _kosten_und_abzuege  # the records of its rows, in the order of its rows
    # it prints amounts scaled (T€, Mio. €): an earlier version printed a small one as zero (review/nullwerte.py)
    skaliert: Callable[[Any], bool] = _nie
    # it prints shares and year columns an earlier version rounded otherwise (review/rundungsaenderungen.py)
    anteile_und_jahre: bool = False


PRUEFUNG: dict[str, Pruefart] = {
    "Eigenanteil": Pruefart(tabellenzahlen.eigenanteil),
    "Aufstellung": Pruefart(tabellenzahlen.aufstellung, skaliert=lambda b: b.anzeige != "€"),
    "Finanzierungsplan": Pruefart(tabellenzahlen.finanzierungsplan, anteile_und_jahre=True),
    "Vergleich": Pruefart(tabellenzahlen.vergleich, positionen=lambda b: list(b.zeilen)),
    "Matrix": Pruefart(tabellenzahlen.matrix),
}
