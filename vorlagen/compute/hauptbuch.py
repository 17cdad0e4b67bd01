"""The ledger after computing: everything computed for each Vorlage (Rechnung) and for the data folder (Project)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.compute.names import Names
from vorlagen.compute.niederschrift import Beratungsergebnis
from vorlagen.compute.uebersicht import Uebersicht
from vorlagen.compute.zahlwert import Zahlen
from vorlagen.core.problems import Problem
from vorlagen.core.reads import note_all
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource


@dataclass
class Rechnung:
    """Everything computed for one Vorlage; prose and tables read only this."""

    tabellen: Names  # id → a table of its kind (tabelle.Tabelle)
    uebersicht: Uebersicht | None  # only with Eigenanteil tables
    bescheide: Names  # id → bescheide.BescheidWerte
    verteilungen: Names  # id → verteilung.VerteilungWerte
    antraege: Names  # id → bescheide.BescheidWerte of an Antrag
    zahlen: Zahlen  # id → Groesse, the Vorlage's named figures (their Herleitung: zahlen.herleitung)
    kennzahlen: Names  # file → Zahlen: the shared figures (folder kennzahlen/)
    haushalt: Auswirkungen | None = None  # the Finanzielle Auswirkungen as data, computed from the Haushalt
    # the problems of its Finanzielle Auswirkungen: reading them against the Haushalt, and (while the Vorlage is
    # not decided) the budget-law checks
    haushaltsrecht: list[Problem] = dataclasses.field(default_factory=list)
    # a decided Vorlage whose Haushalt of the decision nobody kept: the budget-law checks that fail on the Haushalt it
    # prints – whether they failed on the decision day too, nobody can tell (compute/beschluss.py)
    ungeklaert: list[Problem] = dataclasses.field(default_factory=list)
    reads: dict = dataclasses.field(default_factory=dict)  # every fact it was computed from (see core/reads.py)


@dataclass
class Project:
    facts: Facts
    rechnungen: dict[str, Rechnung]  # VorlageSource.slug → Rechnung
    stellen: Names  # Stellenstatistik id → Bausteine with their Quoten
    ergebnisse: dict[tuple[str, str], Beratungsergebnis]  # (Vorlage-Nummer, Sitzung id) → recorded result
    bescheide: Names = dataclasses.field(default_factory=lambda: Names("den Bescheiden"))  # id → BescheidWerte
    antraege: Names = dataclasses.field(default_factory=lambda: Names("den Anträgen"))  # id → BescheidWerte
    # the problems of all Finanzielle Auswirkungen (raised, unless asked not to)
    haushaltsrecht: list[Problem] = dataclasses.field(default_factory=list)
    # VorlageSource.slug → the day a deciding Beratung settled it (compute/beschluss.py), None while it is open
    entschieden: dict[str, dt.date | None] = dataclasses.field(default_factory=dict)

    def rechnung(self, source: VorlageSource) -> Rechnung:
        """What was computed for a Vorlage; a document that asks notes every fact it was computed from."""
        rechnung = self.rechnungen[source.slug]
        note_all(rechnung.reads)
        return rechnung
