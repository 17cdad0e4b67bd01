"""The table kinds as a Berechnung is written (vorlage.yaml, „finanzierung“): the keys each kind needs and may have,
and what it checks beyond its record. The one place of load/ that names the kinds; the later stages have registries
of their own, keyed by the same names (docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from vorlagen.core.problems import Problem
from vorlagen.load.vergleichszeilen import matrix_probleme, vergleich_probleme


def _keine(b: Any) -> list[Problem]:
    return []


def _immer(b: Any) -> bool:
    return True


@dataclass(frozen=True)
class Angaben:
    """How a Berechnung of one kind is written."""

    braucht: tuple[str, ...]  # keys it must not leave empty
    schluessel: frozenset[str]  # the keys of its kind it may have (the others belong to other kinds)
    zeitraum: bool = False  # it needs a Zeitraum
    formelzeilen: bool = False  # its rows may carry „formel“, „felder“ and „gruppe“
    pruefen: Callable[[Any], list[Problem]] = _keine  # what it must be beyond its record
    geld: Callable[[Any], bool] = _immer  # whether it computes euros (a Vorlage with „keine“ Auswirkungen has none)


ARTEN: dict[str, Angaben] = {
    "Eigenanteil": Angaben(("kosten",), frozenset({"kosten", "abzuege"}), zeitraum=True),
    "Aufstellung": Angaben(
        ("kosten",),
        frozenset({"kosten", "summe_als", "spalten", "anzeige", "fonds", "fonds_als", "ausschoepfen"}),
        formelzeilen=True,
    ),
    "Finanzierungsplan": Angaben(
        ("kosten", "quellen"), frozenset({"kosten", "quellen", "haushaltsjahre", "szenarien"})
    ),
    "Vergleich": Angaben(
        ("zeilen", "spalten"),
        frozenset({"spalten", "einheit", "zeilen", "vergleichsspalten"}),
        pruefen=vergleich_probleme,
        geld=lambda b: b.einheit == "Euro",
    ),
    "Matrix": Angaben(
        ("zeilen", "spalten"),
        frozenset({"spalten", "einheit", "zeilen", "summe_als", "zeilenkopf", "zeilensummen", "spaltensummen"}),
        pruefen=matrix_probleme,
    ),
}
STANDARD = "Eigenanteil"  # the kind of a Berechnung that names none

if TYPE_CHECKING:
    Art = str
else:  # the record's choices (and the schema's enum), in the order above
    Art = Literal[tuple(ARTEN)]
