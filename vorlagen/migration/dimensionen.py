"""The dimension of a formula in one Vorlage (€, a number, VZÄ …) as `vorlagen aktualisieren` needs it to turn a
computing text into named figures: read from the Vorlage's computed ledger, and the figures the rewrite adds."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.einheiten import Wert, rechnen
from vorlagen.compute.formel import Name, lesen
from vorlagen.compute.formelnamen import namenswert
from vorlagen.compute.hauptbuch import Project
from vorlagen.load.vorlagenordner import VorlageSource


class Dimensionen:
    """The dimension of a formula in one Vorlage (€, '' for a number, VZÄ …), read from its computed ledger; the
    figures the rewrite adds are known by their own. `zeilen(pfad)` lists the names of a row list's rows."""

    def __init__(self, names: dict, figures: dict):
        self.names, self.figures = names, figures
        self.neue: dict[str, str] = {}  # id of a figure this rule adds → its dimension

    def von(self, formel: str) -> str:
        """Raises EinheitFehler or FormelFehler where the formula does not compute."""

        def lesen_name(name: Name) -> Wert:
            if len(name.pfad) == 1 and name.pfad[0] in self.neue:
                return Wert(Fraction(1), self.neue[name.pfad[0]])
            value, unit = namenswert(name.pfad, self.names, self.figures)
            return Wert(value, unit)

        return rechnen(lesen(formel), lesen_name).dimension

    def zeilen(self, pfad: tuple[str, ...]) -> list[str]:
        """The names of the rows of the list at `pfad` (finanzierung, id, zeilen); [] where there is none."""
        obj: object = self.names
        for part in pfad:
            obj = obj.get(part) if isinstance(obj, dict) else vars(obj).get(part) if hasattr(obj, "__dict__") else None
            if obj is None:
                return []
        name_von = getattr(obj, "name_von", None)
        if name_von is None:
            return []
        names = [name_von(row) for row in obj]  # type: ignore[attr-defined]
        return [] if None in names else names


def dimensionen(project: Project | None, source: VorlageSource) -> Dimensionen:
    """The dimensions of the formulas of one Vorlage, read from what `project` computed for it (none without it)."""
    rechnung = project.rechnungen.get(source.slug) if project is not None else None
    if rechnung is None:
        return Dimensionen({}, {})
    names = dict(
        finanzierung=rechnung.tabellen,
        uebersicht=rechnung.uebersicht,
        bescheide=rechnung.bescheide,
        antraege=rechnung.antraege,
        verteilungen=rechnung.verteilungen,
        kennzahlen=rechnung.kennzahlen,
    )
    return Dimensionen({k: v for k, v in names.items() if v is not None}, rechnung.zahlen.herleitung)
