"""The pipeline up to rendering: load → check the facts → compute → check the ledger."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from vorlagen.compute import checks, uebersicht
from vorlagen.compute.auswirkungen import haushalt_der_vorlage, haushalt_lesende, ohne_land
from vorlagen.compute.bescheide import bescheid_werte
from vorlagen.compute.beschluss import (
    am_beschlusstag,
    check_beschlossen,
    check_ergebnisse_vergangen,
    entschieden_am,
    festgehalten,
)
from vorlagen.compute.hauptbuch import Project, Rechnung
from vorlagen.compute.haushaltsrecht import check_gemeinsam
from vorlagen.compute.kennzahlen import formelwert, kennzahlen
from vorlagen.compute.names import Names
from vorlagen.compute.niederschrift import beratungsergebnisse
from vorlagen.compute.rundung import eigene_rundung, rundung_of
from vorlagen.compute.stellen import alle_statistiken
from vorlagen.compute.tabelle import Auswerten, Tabelle
from vorlagen.compute.tabellenarten import KINDS, compute_table, reads_figures
from vorlagen.compute.verteilung import verteilung_werte
from vorlagen.core.money import Rundung
from vorlagen.core.problems import BuildFailed, Problem, raise_if
from vorlagen.core.reads import Recorded, recording
from vorlagen.load.beschlossen import Beschlossen
from vorlagen.load.facts import Facts, load
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.vorlagenordner import VorlageSource


def prepare(data_dir: Path, haushaltsrecht: bool = True, heute: dt.date | None = None) -> Project:
    """The boundary every later stage starts from: loads, checks and computes everything, and raises BuildFailed
    with every problem found. `haushaltsrecht=False` (for read-only listings): the problems of the Finanzielle
    Auswirkungen do not raise but stay in `Project.haushaltsrecht`. `heute`: the day no result may lie after
    (default: today)."""
    facts, problems = load(data_dir)
    if facts is None:
        raise BuildFailed(problems)
    for check in checks.FACTS:
        problems += check(facts)
    raise_if(problems)
    # a result that cannot be one yet is listed with every other problem of the run, not alone; until then its
    # Vorlage counts as open and is checked as one
    heute = heute or dt.date.today()
    problems = check_ergebnisse_vergangen(facts, heute)
    project, found = compute(facts, heute)
    problems += found
    raise_if(problems + project.haushaltsrecht if haushaltsrecht else problems)
    return project


def compute(facts: Facts, heute: dt.date) -> tuple[Project, list[Problem]]:
    """Every figure of every Vorlage, computed from checked facts, and the problems of the ledger's checks. The
    problems of the Finanzielle Auswirkungen are not among them but in `Project.haushaltsrecht`. `heute`: a result
    dated after it decides nothing."""
    rundung = rundung_of(facts)
    stellen = alle_statistiken(facts.stellen)
    if isinstance(facts.stellen, Recorded):
        stellen.reads_of, stellen.listing = facts.stellen.reads_of, facts.stellen.listing
    project = Project(facts, {}, stellen, _recorded_results(facts, beratungsergebnisse(facts)))
    project.bescheide = _Computed("den Bescheiden", facts.bescheide)
    project.antraege = _Computed("den Anträgen", facts.antraege)
    problems: list[Problem] = []
    for art, given, computed in (
        ("Bescheid", facts.bescheide, project.bescheide),
        ("Antrag", facts.antraege, project.antraege),
    ):
        for bescheid_id, bescheid in given.items():
            with recording() as reads:  # its file and the rates it multiplies
                given.get(bescheid_id)
                berechnet, found = bescheid_werte(
                    bescheid_id,
                    bescheid,
                    facts.saetze,
                    eigene_rundung(rundung, bescheid.rundung),
                    facts.koerperschaft.zahlformat,
                    art,
                )
            if isinstance(computed, _Computed):
                computed.gelesen[bescheid_id] = reads
            problems += found
            if berechnet is not None:
                computed[bescheid_id] = berechnet
    shared = Names.of("den gemeinsamen Kennzahlen (Ordner kennzahlen/)", facts.kennzahlen)
    for datei, definitionen in facts.kennzahlen.items():
        # shared figures read only numbers and each other: a Vorlage's cache key holds the folder, nothing else
        werte, found = kennzahlen(
            definitionen.zahlen,
            {},
            rundung,
            facts.koerperschaft.zahlformat,
            f"den Zahlen der Datei kennzahlen/{datei}.yaml",
        )
        problems += found
        shared[datei] = werte
    offen = []
    # an Änderungsantrag reads the figures of the Vorlage it changes: computed after the others
    for source in sorted(facts.vorlagen, key=lambda s: s.vorlage.aendert is not None):
        # a decided Vorlage prints the Haushalt of its decision (kept in beschlossen.yaml, else without the bookings
        # from that day on) and is checked against it; only open Vorlagen are checked against the Haushalt as it
        # stands, and together
        with recording() as reads:  # the Rechnung's record: every fact it is computed from
            tag = entschieden_am(facts, source, project.ergebnisse)
            if tag is not None and tag > heute:
                tag = None  # a future result is an error (check_ergebnisse_vergangen), never a decision
            project.entschieden[source.slug] = tag
            beschlossen, found = check_beschlossen(source, tag, facts.haushalte)
            problems += found
            haushalte = _am(facts.haushalte, tag, beschlossen)
            rechnung, found = _compute(source, facts, project, rundung, shared, haushalte, tag)
            if tag is not None:
                faellig, rechnung.ungeklaert = am_beschlusstag(
                    source, facts.paths, tag, beschlossen, rechnung.ungeklaert
                )
                rechnung.haushaltsrecht += faellig
        rechnung.reads = reads
        project.rechnungen[source.slug] = rechnung
        problems += found
        project.haushaltsrecht += rechnung.haushaltsrecht
        if tag is None and rechnung.haushalt is not None:
            offen.append((source.bezeichnung, rechnung.haushalt))
    project.haushaltsrecht += ohne_land(facts)
    haushalte = {jahr: h.am(None) for jahr, h in facts.haushalte.items()}
    project.haushaltsrecht = sorted(
        project.haushaltsrecht + check_gemeinsam(offen, haushalte, facts.koerperschaft.zahlformat)
    )
    for check in checks.LEDGER:
        problems += check(project)
    return project, problems


def _am(
    haushalte: dict[int, Haushalt], tag: dt.date | None, beschlossen: Beschlossen | None = None
) -> dict[int, Haushalt]:
    """Every Haushalt as of a day (None: as it stands), with the amounts a decision kept (beschlossen.yaml); asking
    for a year notes its file alone."""
    result = {jahr: festgehalten(h.am(tag), jahr, beschlossen) for jahr, h in dict.items(haushalte)}
    return Recorded(result, haushalte.reads_of, haushalte.listing) if isinstance(haushalte, Recorded) else result


class _Computed(Names):
    """Bescheide or Anträge as computed: asking for one notes its file and the rates it multiplies."""

    def __init__(self, kind: str, given: dict) -> None:
        self.given = given if isinstance(given, Recorded) else None
        super().__init__(
            kind,
            reads_of=self._reads if self.given else None,
            listing=self.given.listing if self.given else None,
        )
        self.gelesen: dict[str, dict] = {}

    def _reads(self, key: str) -> dict:
        found = self.gelesen.get(key)
        if found is None and self.given is not None and self.given.reads_of is not None:
            return self.given.reads_of(key)
        return found or {}


def _recorded_results(facts: Facts, ergebnisse: dict) -> dict:
    """The recorded results by (Nummer, Sitzung or None): asking for one notes the Sitzung's file and its Niederschrift (or
    that there is none yet: when it comes, the Vorlage prints the result)."""
    sitzungen, niederschriften = facts.sitzungen, facts.niederschriften
    if not isinstance(sitzungen, Recorded) or not isinstance(niederschriften, Recorded):
        return ergebnisse

    def reads_of(key: tuple) -> dict:
        sitzung = key[1]  # None: a result dated without a Sitzung file, read from the Vorlage's own file
        if sitzung is None:
            return {}
        assert sitzungen.reads_of is not None and niederschriften.reads_of is not None  # recorded facts name theirs
        return {**sitzungen.reads_of(sitzung), **niederschriften.reads_of(sitzung)}

    return Recorded(ergebnisse, reads_of)


def _compute(
    source: VorlageSource,
    facts: Facts,
    project: Project,
    rundung: Rundung,
    shared: Names,
    haushalte: dict[int, Haushalt],
    beschlossen_am: dt.date | None,
) -> tuple[Rechnung, list[Problem]]:
    """The Rechnung of one Vorlage (`haushalte`: as of its decision; `beschlossen_am`: None while it is open) and the
    problems of computing it; the budget-law checks of a decided Vorlage wait in `ungeklaert` (see `am_beschlusstag`)."""
    finanzierung = source.vorlage.finanzierung
    computed: dict[str, Tabelle] = {}
    problems = _tabellen_rechnen([b for b in finanzierung if not reads_figures(b)], facts, rundung, computed)
    later = frozenset(b.id for b in finanzierung if reads_figures(b))  # computed after the figures
    tabellen = Names("„finanzierung“ dieser Vorlage", computed, spaeter=later)
    verteilungen, found = _verteilungen(source, tabellen)
    problems += found
    own = Names(
        "den Bescheiden dieser Vorlage (Liste „bescheide“ in vorlage.yaml)",
        {b: project.bescheide[b] for b in source.vorlage.bescheide if b in project.bescheide},
    )
    own_antraege = Names(
        "den Anträgen dieser Vorlage (Liste „antraege“ in vorlage.yaml)",
        {a: project.antraege[a] for a in source.vorlage.antraege if a in project.antraege},
    )
    summary = uebersicht.uebersicht(list(tabellen.values()))
    names = dict(
        finanzierung=tabellen,
        uebersicht=summary,
        bescheide=own,
        antraege=own_antraege,
        verteilungen=verteilungen,
        kennzahlen=shared,
    )
    names = {k: v for k, v in names.items() if v is not None}
    if (geaendert := _geaendert(source, facts, project)) is not None:
        names["geaendert"] = geaendert
    spaet = haushalt_lesende(source.vorlage.zahlen)  # figures that read the Haushalt block: computed after it
    zuerst = [k for k in source.vorlage.zahlen if k.id not in spaet]
    zahlen, found = kennzahlen(zuerst, names, rundung, facts.koerperschaft.zahlformat)
    if not spaet:
        problems += found
    auswerten = functools.partial(formelwert, names=names, figures=zahlen.herleitung)
    problems += _tabellen_rechnen([b for b in finanzierung if reads_figures(b)], facts, rundung, computed, auswerten)
    order = [b.id for b in finanzierung]
    tabellen = Names(tabellen.kind, sorted(computed.items(), key=lambda item: order.index(item[0])))
    names["finanzierung"] = tabellen
    haushalt, recht, pruefungen = haushalt_der_vorlage(source, facts, haushalte, names, zahlen.herleitung, spaet)
    if spaet:
        zahlen, found = kennzahlen(
            source.vorlage.zahlen, {**names, "haushalt": haushalt}, rundung, facts.koerperschaft.zahlformat
        )
        problems += found
    rechnung = Rechnung(tabellen, summary, own, verteilungen, own_antraege, zahlen, shared, haushalt, recht)
    if beschlossen_am is None:
        rechnung.haushaltsrecht += pruefungen
    else:
        rechnung.ungeklaert = pruefungen
    return rechnung, problems


def _geaendert(source: VorlageSource, facts: Facts, project: Project) -> Names | None:
    """For an Änderungsantrag, the figures of the Vorlage it changes as its formulas read them
    („geaendert.zahlen.<id>“); its record notes what they were computed from."""
    a = source.vorlage.aendert
    ziel = facts.vorlage(a.vorlage) if a is not None else None
    rechnung = project.rechnungen.get(ziel.slug) if ziel is not None else None
    if a is None or rechnung is None:
        return None
    return Names(
        f"den Zahlen der geänderten Vorlage {a.vorlage}", {"zahlen": rechnung.zahlen}, reads_of=lambda _: rechnung.reads
    )


def _tabellen_rechnen(
    berechnungen: list[Berechnung],
    facts: Facts,
    rundung: Rundung,
    computed: dict[str, Tabelle],
    auswerten: Auswerten | None = None,
) -> list[Problem]:
    """Computes the tables of `berechnungen` in order into `computed` (`auswerten`: how the tables that read named
    figures read them); their problems."""
    problems: list[Problem] = []
    for berechnung in berechnungen:
        tabelle, found = compute_table(
            berechnung,
            facts.saetze,
            eigene_rundung(rundung, berechnung.rundung),
            facts.koerperschaft.zahlformat,
            auswerten,
        )
        problems += found
        if tabelle is not None:
            computed[tabelle.id] = tabelle
    return problems


def _verteilungen(source: VorlageSource, tabellen: Names) -> tuple[Names, list[Problem]]:
    """The Verteilungen of a Vorlage, each with the Stellen of its Eigenanteil table (or its own `vzae`)."""
    problems: list[Problem] = []
    verteilungen = Names("„verteilungen“ dieser Vorlage")
    arten = {b.id: b.art for b in source.vorlage.finanzierung}
    for verteilung in source.vorlage.verteilungen:
        art = arten.get(verteilung.berechnung) if verteilung.berechnung is not None else None
        spaeter = art is not None and KINDS[art].nach_verteilungen
        if verteilung.berechnung is not None and not spaeter and verteilung.berechnung not in tabellen:
            continue  # its table failed; that problem is already listed
        if verteilung.berechnung is not None and (art is None or not KINDS[art].stellen):
            problems.append(
                Problem(
                    verteilung.where("berechnung"),
                    f"Die Berechnung „{verteilung.berechnung}“ ist "
                    "keine Eigenanteil-Berechnung und nennt keine Stellen – geben Sie „vzae“ an.",
                )
            )
            continue
        werte = verteilung_werte(verteilung, tabellen)
        verteilungen[werte.id] = werte
    return verteilungen, problems
