"""The pipeline up to rendering: load → references → compute → check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from vorlagen.compute import checks, eigenanteil
from vorlagen.compute.auswirkungen import haushalt_der_vorlage, haushalt_lesende, ohne_land
from vorlagen.compute.bescheide import bescheid_werte
from vorlagen.compute.beschluss import check_ergebnisse_vergangen, entschieden_am
from vorlagen.compute.glyphs import check_glyphs
from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.compute.haushaltsrecht import check_gemeinsam
from vorlagen.compute.kennzahlen import formelwert, kennzahlen
from vorlagen.compute.names import Names
from vorlagen.compute.niederschrift import Beratungsergebnis, beratungsergebnisse, check_niederschriften
from vorlagen.compute.sitzungen import check_tagesordnungen
from vorlagen.compute.stellen import alle_statistiken
from vorlagen.compute.tabellen import compute_table, reads_figures
from vorlagen.compute.verteilung import verteilung_werte
from vorlagen.core.fmt import anzahl
from vorlagen.core.money import Rundung, quantum_for
from vorlagen.core.problems import BuildFailed, Problem, raise_if
from vorlagen.load.facts import Facts, load
from vorlagen.load.references import check_references
from vorlagen.load.regeln import check_regeln
from vorlagen.load.vorlagenordner import VorlageSource


@dataclass
class Rechnung:
    """Everything computed for one Vorlage; prose and tables read only this."""

    tabellen: Names  # id → a table of its kind (eigenanteil.Tabelle)
    uebersicht: eigenanteil.Uebersicht | None  # only with Eigenanteil tables
    bescheide: Names  # id → bescheide.BescheidWerte
    verteilungen: Names  # id → verteilung.VerteilungWerte
    antraege: Names  # id → bescheide.BescheidWerte of an Antrag
    zahlen: Names  # id → kennzahlen.Groesse, the Vorlage's named figures (their Herleitung: zahlen.herleitung)
    kennzahlen: Names  # file → id → Groesse: the shared figures (folder kennzahlen/)
    haushalt: Auswirkungen | None = None  # the Finanzielle Auswirkungen as data, computed from the Haushalt
    haushaltsrecht: list[Problem] = dataclasses.field(
        default_factory=list
    )  # its budget-law checks (not for a decided Vorlage)


@dataclass
class Project:
    facts: Facts
    rechnungen: dict[str, Rechnung]  # VorlageSource.slug → Rechnung
    stellen: Names  # Stellenstatistik id → Bausteine with their Quoten
    ergebnisse: dict[tuple[str, str], Beratungsergebnis]  # (Vorlage-Nummer, Sitzung id) → recorded result
    haushaltsrecht: list[Problem] = dataclasses.field(
        default_factory=list
    )  # problems of the Finanzielle Auswirkungen (raised, unless asked not to)
    entschieden: dict[str, dt.date | None] = dataclasses.field(default_factory=dict)  # slug → day of its decision

    def rechnung(self, source: VorlageSource) -> Rechnung:
        return self.rechnungen[source.slug]


def summary(project: Project) -> str:
    """'2 Vorlagen, 5 Berechnungen' – for the closing line of a command."""
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{anzahl(vorlagen, 'Vorlage', 'Vorlagen')}, {anzahl(tabellen, 'Berechnung', 'Berechnungen')}"


def prepare(data_dir: Path, haushaltsrecht: bool = True, heute: dt.date | None = None) -> Project:
    """Loads and checks everything; raises BuildFailed with every problem found. `haushaltsrecht=False` (for
    read-only listings): the problems of the Finanzielle Auswirkungen do not raise but stay in
    `Project.haushaltsrecht`. `heute`: the day no result may lie after (default: today)."""
    facts, problems = load(data_dir)
    if facts is None:
        raise BuildFailed(problems)
    raise_if(
        problems
        + check_references(facts)
        + check_regeln(facts)
        + check_tagesordnungen(facts)
        + check_niederschriften(facts)
        + check_glyphs(facts)
        + check_ergebnisse_vergangen(facts, heute or dt.date.today())
    )
    rundung = rundung_of(facts)
    bescheide, antraege = Names("den Bescheiden"), Names("den Anträgen")
    for art, given, computed in (("Bescheid", facts.bescheide, bescheide), ("Antrag", facts.antraege, antraege)):
        for bescheid_id, bescheid in given.items():
            berechnet, found = bescheid_werte(
                bescheid_id, bescheid, facts.saetze, eigene_rundung(rundung, bescheid.rundung), art
            )
            problems += found
            if berechnet is not None:
                problems += checks.check_bescheid(
                    berechnet, f"{art} „{bescheid_id}“", eigene_rundung(rundung, bescheid.rundung).quantum
                )
                computed[bescheid_id] = berechnet
    shared = Names("den gemeinsamen Kennzahlen (Ordner kennzahlen/)")
    for datei, definitionen in facts.kennzahlen.items():
        # shared figures read only numbers and each other: a Vorlage's cache key holds the folder, nothing else
        werte, found = kennzahlen(
            definitionen.zahlen,
            {},
            rundung.quantum,
            rundung.prozent_stellen,
            f"den Zahlen der Datei kennzahlen/{datei}.yaml",
        )
        problems += found
        shared[datei] = werte
    rechnungen: dict[str, Rechnung] = {}
    recht: list[Problem] = []
    ergebnisse = beratungsergebnisse(facts)
    entschieden = {s.slug: entschieden_am(facts, s, ergebnisse) for s in facts.vorlagen}
    for source in facts.vorlagen:
        # a decided Vorlage prints the Haushalt as of its decision: bookings from that day on are not in it
        haushalte = {jahr: h.am(entschieden[source.slug]) for jahr, h in facts.haushalte.items()}
        rechnungen[source.slug] = _compute(
            source, facts, bescheide, antraege, rundung, problems, shared, recht, haushalte
        )
    recht += ohne_land(facts)
    # a decided Vorlage was checked against the Haushalt of its decision: only open ones are checked now, and
    # together against what is free today
    offen_quellen = [s for s in facts.vorlagen if entschieden[s.slug] is None]
    for s in offen_quellen:
        recht += rechnungen[s.slug].haushaltsrecht
    offen = [(s.bezeichnung, a) for s in offen_quellen if (a := rechnungen[s.slug].haushalt) is not None]
    recht += check_gemeinsam(offen)
    raise_if(problems + recht if haushaltsrecht else problems)
    return Project(facts, rechnungen, alle_statistiken(facts.stellen), ergebnisse, sorted(recht), entschieden)


def rundung_of(facts: Facts) -> Rundung:
    """The Körperschaft's one rounding rule."""
    k = facts.koerperschaft
    return Rundung(quantum_for(k.rundung), k.runden == "je_einheit", k.prozent_stellen)


def eigene_rundung(rundung: Rundung, eigene: str | None) -> Rundung:
    """A table's or Bescheid's own `rundung: euro|cent`, else the Körperschaft's."""
    return rundung if eigene is None else dataclasses.replace(rundung, quantum=quantum_for(eigene))


def _compute(
    source: VorlageSource,
    facts: Facts,
    bescheide: Names,
    antraege: Names,
    rundung: Rundung,
    problems: list[Problem],
    shared: Names,
    recht: list[Problem],
    haushalte: dict,
) -> Rechnung:
    computed: dict[str, eigenanteil.Tabelle] = {}
    for berechnung in source.vorlage.finanzierung:
        if reads_figures(berechnung):
            continue  # after the figures
        tabelle, found = compute_table(berechnung, facts.saetze, eigene_rundung(rundung, berechnung.rundung))
        problems += found
        if tabelle is not None:
            problems += checks.check_tabelle(tabelle)
            computed[tabelle.id] = tabelle
    tabellen = Names("„finanzierung“ dieser Vorlage", computed)
    tabellen.spaeter = {b.id for b in source.vorlage.finanzierung if reads_figures(b)}  # computed after the figures
    verteilungen = Names("„verteilungen“ dieser Vorlage")
    arten = {b.id: b.art for b in source.vorlage.finanzierung}
    for verteilung in source.vorlage.verteilungen:
        art = arten.get(verteilung.berechnung) if verteilung.berechnung is not None else None
        if verteilung.berechnung is not None and art != "Vergleich" and verteilung.berechnung not in tabellen:
            continue  # its table failed; that problem is already listed
        if verteilung.berechnung is not None and art != "Eigenanteil":
            problems.append(
                Problem(
                    verteilung.where("berechnung"),
                    f"Die Berechnung „{verteilung.berechnung}“ ist "
                    "keine Eigenanteil-Berechnung und nennt keine Stellen – geben Sie „vzae“ an.",
                )
            )
            continue
        werte = verteilung_werte(verteilung, tabellen)
        problems += checks.check_verteilung(werte)
        verteilungen[werte.id] = werte
    own = Names(
        "den Bescheiden dieser Vorlage (Liste „bescheide“ in vorlage.yaml)",
        {b: bescheide[b] for b in source.vorlage.bescheide if b in bescheide},
    )
    own_antraege = Names(
        "den Anträgen dieser Vorlage (Liste „antraege“ in vorlage.yaml)",
        {a: antraege[a] for a in source.vorlage.antraege if a in antraege},
    )
    summary = eigenanteil.uebersicht(list(tabellen.values()))
    names = dict(
        finanzierung=tabellen,
        uebersicht=summary,
        bescheide=own,
        antraege=own_antraege,
        verteilungen=verteilungen,
        kennzahlen=shared,
    )
    names = {k: v for k, v in names.items() if v is not None}
    spaet = haushalt_lesende(source.vorlage.zahlen)  # figures that read the Haushalt block: computed after it
    zuerst = [k for k in source.vorlage.zahlen if k.id not in spaet]
    zahlen, found = kennzahlen(zuerst, names, rundung.quantum, rundung.prozent_stellen)
    if not spaet:
        problems += found
    auswerten = functools.partial(formelwert, names=names, figures=zahlen.herleitung)
    for berechnung in source.vorlage.finanzierung:
        if reads_figures(berechnung):
            tabelle, found = compute_table(
                berechnung, facts.saetze, eigene_rundung(rundung, berechnung.rundung), auswerten
            )
            problems += found
            if tabelle is not None:
                problems += checks.check_tabelle(tabelle)
                computed[tabelle.id] = tabelle
    order = [b.id for b in source.vorlage.finanzierung]
    tabellen = Names(tabellen.kind, sorted(computed.items(), key=lambda item: order.index(item[0])))
    names["finanzierung"] = tabellen
    haushalt, pruefungen = haushalt_der_vorlage(source, facts, haushalte, names, zahlen.herleitung, recht, spaet)
    if spaet:
        zahlen, found = kennzahlen(
            source.vorlage.zahlen, {**names, "haushalt": haushalt}, rundung.quantum, rundung.prozent_stellen
        )
        problems += found
    return Rechnung(tabellen, summary, own, verteilungen, own_antraege, zahlen, shared, haushalt, pruefungen)
