"""The pipeline up to rendering: load → references → compute → check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vorlagen.compute import checks

from vorlagen.compute import finance
from vorlagen.load.facts import Facts, VorlageSource, load
from vorlagen.core.money import quantum_for
from vorlagen.compute.names import Names
from vorlagen.core.problems import Problem, raise_if
from vorlagen.load.references import check_references
from vorlagen.compute.schedule import check_tagesordnungen


@dataclass
class Rechnung:
    """Everything computed for one Vorlage; prose and tables read only this."""

    tabellen: Names  # id → finance.Tabelle
    uebersicht: finance.Uebersicht | None
    bescheide: Names  # id → finance.BescheidWerte
    verteilungen: Names  # id → finance.VerteilungWerte


@dataclass
class Project:
    facts: Facts
    rechnungen: dict[str, Rechnung]  # VorlageSource.slug → Rechnung

    def rechnung(self, source: VorlageSource) -> Rechnung:
        return self.rechnungen[source.slug]


def summary(project: Project) -> str:
    """'2 Vorlagen, 5 Berechnungen' – for the closing line of a command."""
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{vorlagen} {'Vorlage' if vorlagen == 1 else 'Vorlagen'}, {tabellen} Berechnungen"


def prepare(data_dir: Path) -> Project:
    """Loads and checks everything; raises BuildFailed with every problem found."""
    facts, problems = load(data_dir)
    raise_if(problems + check_references(facts) + check_tagesordnungen(facts))
    quantum = quantum_for(facts.koerperschaft.rundung)
    bescheide = Names("den Bescheiden")
    for bescheid_id, bescheid in facts.bescheide.items():
        werte = finance.bescheid_werte(bescheid_id, bescheid, facts.saetze, quantum)
        problems += checks.check_bescheid(werte, f"Bescheid „{bescheid_id}“", quantum)
        bescheide[bescheid_id] = werte
    rechnungen = {}
    for source in facts.vorlagen:
        rechnungen[source.slug] = _compute(source, facts, bescheide, quantum, problems)
    raise_if(problems)
    return Project(facts, rechnungen)


def _compute(source: VorlageSource, facts: Facts, bescheide: Names, quantum, problems: list[Problem]) -> Rechnung:
    tabellen = Names("„finanzierung“ dieser Vorlage")
    for berechnung in source.vorlage.finanzierung:
        tabelle, found = finance.tabelle(berechnung, facts.saetze, quantum)
        problems += found
        if tabelle is not None:
            problems += checks.check_tabelle(tabelle)
            tabellen[tabelle.id] = tabelle
    verteilungen = Names("„verteilungen“ dieser Vorlage")
    for verteilung in source.vorlage.verteilungen:
        if verteilung.berechnung is not None and verteilung.berechnung not in tabellen:
            continue  # its table failed; that problem is already listed
        werte = finance.verteilung_werte(verteilung, tabellen)
        problems += checks.check_verteilung(werte)
        verteilungen[werte.id] = werte
    own = Names("den Bescheiden dieser Vorlage (Liste „bescheide“ in vorlage.yaml)",
                {b: bescheide[b] for b in source.vorlage.bescheide})
    summary = finance.uebersicht(list(tabellen.values())) if tabellen else None
    return Rechnung(tabellen, summary, own, verteilungen)
