"""The Anfragen the administration has not answered yet, with the day each is due: for the Sitzungsdienst's list in
`pruefen` and the internal overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vorlagen.load.drucksachenpruefung import art_von, faellig
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource


@dataclass(frozen=True)
class OffeneAnfrage:
    source: VorlageSource
    eingereicht: dt.date | None  # the day of submission
    faellig: dt.date | None  # None: neither „antwort_bis“ nor a deadline of the Geschäftsordnung


def offene_anfragen(facts: Facts) -> list[OffeneAnfrage]:
    """Every Anfrage no Vorlage answers („beantwortet“), the earliest due first."""
    beantwortet = {s.vorlage.beantwortet for s in facts.vorlagen if s.vorlage.beantwortet is not None}
    offen = []
    for source in facts.vorlagen:
        art = art_von(facts, source.vorlage)
        if art is None or art.drucksache != "anfrage" or source.vorlage.nummer in beantwortet:
            continue
        e = source.vorlage.einreicher
        offen.append(OffeneAnfrage(source, e.datum if e else None, faellig(facts, source.vorlage)))
    return sorted(offen, key=lambda a: (a.faellig or dt.date.max, a.source.bezeichnung))
