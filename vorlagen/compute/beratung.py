"""The Beratungsfolge of a Vorlage as printed: one step per Sitzung, in the stated order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vorlagen.load.facts import Facts
from vorlagen.load.koerperschaft import Gremium
from vorlagen.load.sitzungen import Sitzung
from vorlagen.load.vorlage import Beratung, Berichterstattung, Vorlage


@dataclass(frozen=True)
class Schritt:
    """One step: where and when, in which role, who reports, and the result once there is one."""

    sitzung_id: str | None  # None: the Termin is still open
    sitzung: Sitzung | None
    gremium: Gremium
    rolle: str | None  # none where the Vorlage names no Zuständigkeit
    berichterstattung: Berichterstattung | None
    ergebnis: str | None  # from the Vorlage's data; a recorded Niederschrift may supply it later
    tag: dt.date | None = None  # the Sitzung's day, or the day a result was taken without a Sitzung file

    @property
    def uhrzeit(self) -> str | None:
        """The Sitzung's start as written, e.g. '15:00 Uhr'."""
        return self.sitzung.beginn if self.sitzung is not None else None


def _eigenes(facts: Facts, beratung: Beratung) -> str | None:
    """The result the Vorlage states itself, with its vote as the Hausstil prints it ('beschlossen (Ja: 12)')."""
    if beratung.ergebnis is None or beratung.abstimmung is None:
        return beratung.ergebnis
    stil = facts.koerperschaft.hausstil
    stimmen = stil.abstimmung.kurz(beratung.abstimmung, stil.enthaltungen)
    return f"{beratung.ergebnis} ({stimmen})" if stimmen else beratung.ergebnis


def schritt(facts: Facts, beratung: Beratung, recorded: str | None = None) -> Schritt:
    if beratung.sitzung is None:  # Termin offen, or a result with its day but no Sitzung file
        assert beratung.gremium is not None  # Beratung.check: without a Sitzung, the Gremium is given
        return Schritt(
            None,
            None,
            facts.gremium(beratung.gremium),
            beratung.rolle,
            beratung.berichterstattung,
            _eigenes(facts, beratung),
            beratung.datum,
        )
    sitzung = facts.sitzungen[beratung.sitzung]
    return Schritt(
        beratung.sitzung,
        sitzung,
        facts.gremium(sitzung.gremium),
        beratung.rolle,
        beratung.berichterstattung,
        recorded or _eigenes(facts, beratung),
        sitzung.datum,
    )


def beratungsfolge(facts: Facts, vorlage: Vorlage, recorded: dict | None = None) -> list[Schritt]:
    """The steps in the order the Vorlage states them (checked to run forward in time).

    `recorded` maps (Nummer, Sitzung id) to the result a Niederschrift records (compute.niederschrift); it wins over
    the Vorlage's own `ergebnis`. A public Vorlage shows only results recorded in a public part.
    """
    if recorded is None:  # not `recorded or {}`: an empty record of results still notes what is asked of it
        recorded = {}
    steps = []
    for b in vorlage.beratungsfolge:
        found = recorded.get((vorlage.nummer, b.sitzung)) if vorlage.nummer is not None else None
        shown = found.kurz if found is not None and (found.oeffentlich or not vorlage.oeffentlich) else None
        steps.append(schritt(facts, b, shown))
    return steps
