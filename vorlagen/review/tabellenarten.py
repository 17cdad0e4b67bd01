"""The table kinds as review/ knows them: the figures `vergleichen` compares of each. The one place of review/ that
names the kinds (docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vorlagen.core.fmt import Zahlformat
from vorlagen.review import tabellenzahlen
from vorlagen.review.fassungszahl import Zahl


@dataclass(frozen=True)
class Pruefart:
    """How review/ treats one kind of table."""

    zahlen: Callable[[Any, str, dict[str, Zahl], Zahlformat], None]  # its figures `vergleichen` compares


PRUEFUNG: dict[str, Pruefart] = {
    "Eigenanteil": Pruefart(tabellenzahlen.eigenanteil),
    "Aufstellung": Pruefart(tabellenzahlen.aufstellung),
    "Finanzierungsplan": Pruefart(tabellenzahlen.finanzierungsplan),
    "Vergleich": Pruefart(tabellenzahlen.vergleich),
    "Matrix": Pruefart(tabellenzahlen.matrix),
}
