"""The Beratungsfolge of a Vorlage as printed: one step per Sitzung, in the stated order."""

from __future__ import annotations

from dataclasses import dataclass

from vorlagen.load.facts import Facts
from vorlagen.load.model import Beratung, Berichterstattung, Gremium, Sitzung, Vorlage


@dataclass(frozen=True)
class Schritt:
    """One step: where and when, in which role, who reports, and the result once there is one."""

    sitzung_id: str
    sitzung: Sitzung
    gremium: Gremium
    rolle: str
    berichterstattung: Berichterstattung | None
    ergebnis: str | None  # from the Vorlage's data; a recorded Niederschrift may supply it later

    @property
    def uhrzeit(self) -> str | None:
        """The Sitzung's start as written, e.g. '15:00 Uhr'."""
        return self.sitzung.beginn


def schritt(facts: Facts, beratung: Beratung) -> Schritt:
    sitzung = facts.sitzungen[beratung.sitzung]
    return Schritt(beratung.sitzung, sitzung, facts.gremium(sitzung.gremium), beratung.rolle,
                   beratung.berichterstattung, beratung.ergebnis)


def beratungsfolge(facts: Facts, vorlage: Vorlage) -> list[Schritt]:
    """The steps in the order the Vorlage states them (checked to run forward in time)."""
    return [schritt(facts, b) for b in vorlage.beratungsfolge]
