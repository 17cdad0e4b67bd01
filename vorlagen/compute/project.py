"""The pipeline up to rendering: load → check the facts → compute → check the ledger."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from vorlagen.compute import checks, eigenanteil
from vorlagen.compute.bescheide import bescheid_werte
from vorlagen.compute.hauptbuch import Project, Rechnung, entschieden
from vorlagen.compute.haushalt import Auswirkungen, auswirkungen
from vorlagen.compute.haushaltsrecht import check_deckung, check_gemeinsam, check_gremium
from vorlagen.compute.kennzahlen import formelwert, kennzahlen
from vorlagen.compute.names import Names
from vorlagen.compute.niederschrift import beratungsergebnisse
from vorlagen.compute.stellen import alle_statistiken
from vorlagen.compute.tabellen import compute_table, reads_figures
from vorlagen.compute.verteilung import verteilung_werte
from vorlagen.core.money import Rundung, quantum_for
from vorlagen.core.problems import BuildFailed, Problem, raise_if
from vorlagen.load.facts import Facts, load
from vorlagen.load.vorlagenordner import VorlageSource


def prepare(data_dir: Path, haushaltsrecht: bool = True) -> Project:
    """The boundary every later stage starts from: loads, checks and computes everything, and raises BuildFailed
    with every problem found. `haushaltsrecht=False` (for read-only listings): the problems of the Finanzielle
    Auswirkungen do not raise but stay in `Project.haushaltsrecht`."""
    facts, problems = load(data_dir)
    if facts is None:
        raise BuildFailed(problems)
    for check in checks.FACTS:
        problems += check(facts)
    raise_if(problems)
    project, problems = compute(facts)
    raise_if(problems + project.haushaltsrecht if haushaltsrecht else problems)
    return project


def compute(facts: Facts) -> tuple[Project, list[Problem]]:
    """Every figure of every Vorlage, computed from checked facts, and the problems of the ledger's checks. The
    problems of the Finanzielle Auswirkungen are not among them but in `Project.haushaltsrecht`."""
    rundung = rundung_of(facts)
    project = Project(facts, {}, alle_statistiken(facts.stellen), beratungsergebnisse(facts))
    problems: list[Problem] = []
    for art, given, computed in (
        ("Bescheid", facts.bescheide, project.bescheide),
        ("Antrag", facts.antraege, project.antraege),
    ):
        for bescheid_id, bescheid in given.items():
            berechnet, found = bescheid_werte(
                bescheid_id, bescheid, facts.saetze, eigene_rundung(rundung, bescheid.rundung), art
            )
            problems += found
            if berechnet is not None:
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
    offen = []
    for source in facts.vorlagen:
        # a decided Vorlage was checked against the Haushalt of its decision; later bookings (its own amounts under
        # „gebunden“) must not fail it: only open Vorlagen are checked against the Haushalt as it stands
        entscheidung = entschieden(facts, source, project.ergebnisse)
        rechnung, found = _compute(source, facts, project, rundung, shared, not entscheidung)
        project.rechnungen[source.slug] = rechnung
        problems += found
        project.haushaltsrecht += rechnung.haushaltsrecht
        if not entscheidung and rechnung.haushalt is not None:
            offen.append((source.bezeichnung, rechnung.haushalt))
    project.haushaltsrecht += _ohne_land(facts)
    project.haushaltsrecht = sorted(project.haushaltsrecht + check_gemeinsam(offen, facts.haushalte))
    for check in checks.LEDGER:
        problems += check(project)
    return project, problems


def _ohne_land(facts: Facts) -> list[Problem]:
    """A body that gives Finanzielle Auswirkungen as data names its Land (or its own legal basis): never a default."""
    k = facts.koerperschaft
    mit_daten = [s.bezeichnung for s in facts.vorlagen if s.vorlage.finanzen_daten is not None]
    if not mit_daten or k.rechtsgrundlage() is not None:
        return []
    return [
        Problem(
            k.where(),
            f"Die Körperschaft nennt kein Land, aber Vorlage {mit_daten[0]} rechnet ihre finanziellen Auswirkungen "
            "aus dem Haushalt – welche Vorschrift gilt und wer erheblichen Beträgen zustimmt, hängt vom Land ab: "
            "tragen Sie in koerperschaft.yaml z. B. „land: NRW“ ein (oder Ihr Land) oder nennen Sie Ihre "
            "Vorschrift unter „hausstil: finanzen: rechtsgrundlage“.",
        )
    ]


OHNE_LAND = "dem Haushaltsrecht Ihres Landes"  # printed nowhere: a body without Land gets a problem first


def rundung_of(facts: Facts) -> Rundung:
    """The Körperschaft's one rounding rule."""
    k = facts.koerperschaft
    return Rundung(quantum_for(k.rundung), k.runden == "je_einheit", k.prozent_stellen)


def eigene_rundung(rundung: Rundung, eigene: str | None) -> Rundung:
    """A table's or Bescheid's own `rundung: euro|cent`, else the Körperschaft's."""
    return rundung if eigene is None else dataclasses.replace(rundung, quantum=quantum_for(eigene))


def _compute(
    source: VorlageSource, facts: Facts, project: Project, rundung: Rundung, shared: Names, offen: bool
) -> tuple[Rechnung, list[Problem]]:
    """The Rechnung of one Vorlage (`offen`: not decided yet) and the problems of computing it."""
    problems: list[Problem] = []
    computed: dict[str, eigenanteil.Tabelle] = {}
    for berechnung in source.vorlage.finanzierung:
        if reads_figures(berechnung):
            continue  # after the figures
        tabelle, found = compute_table(berechnung, facts.saetze, eigene_rundung(rundung, berechnung.rundung))
        problems += found
        if tabelle is not None:
            computed[tabelle.id] = tabelle
    later = frozenset(b.id for b in source.vorlage.finanzierung if reads_figures(b))  # computed after the figures
    tabellen = Names("„finanzierung“ dieser Vorlage", computed, spaeter=later)
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
        verteilungen[werte.id] = werte
    own = Names(
        "den Bescheiden dieser Vorlage (Liste „bescheide“ in vorlage.yaml)",
        {b: project.bescheide[b] for b in source.vorlage.bescheide if b in project.bescheide},
    )
    own_antraege = Names(
        "den Anträgen dieser Vorlage (Liste „antraege“ in vorlage.yaml)",
        {a: project.antraege[a] for a in source.vorlage.antraege if a in project.antraege},
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
    zahlen, found = kennzahlen(source.vorlage.zahlen, names, rundung.quantum, rundung.prozent_stellen)
    problems += found
    auswerten = functools.partial(formelwert, names=names, figures=zahlen.herleitung)
    for berechnung in source.vorlage.finanzierung:
        if reads_figures(berechnung):
            tabelle, found = compute_table(
                berechnung, facts.saetze, eigene_rundung(rundung, berechnung.rundung), auswerten
            )
            problems += found
            if tabelle is not None:
                computed[tabelle.id] = tabelle
    order = [b.id for b in source.vorlage.finanzierung]
    tabellen = Names(tabellen.kind, sorted(computed.items(), key=lambda item: order.index(item[0])))
    names["finanzierung"] = tabellen
    haushalt, recht = _haushalt(source, facts, names, zahlen.herleitung)
    if haushalt is not None and offen:
        recht += _haushaltsrecht(source, facts, haushalt)
    rechnung = Rechnung(tabellen, summary, own, verteilungen, own_antraege, zahlen, shared, haushalt, recht)
    return rechnung, problems


def _haushalt(
    source: VorlageSource, facts: Facts, names: dict, figures: dict
) -> tuple[Auswirkungen | None, list[Problem]]:
    """The Finanzielle Auswirkungen of a Vorlage that gives them as data, and the problems of reading them
    (amounts, Positionen, years) or of a Kämmerei role missing from the Hausstil."""
    daten = source.vorlage.finanzen_daten
    if daten is None:
        return None, []
    koerperschaft = facts.koerperschaft
    land = koerperschaft.landesrecht
    result, problems = auswirkungen(
        daten,
        facts.haushalte,
        names,
        figures,
        koerperschaft.rechtsgrundlage() or OHNE_LAND,
        {k.id for k in source.vorlage.zahlen},
    )
    result.entscheidung = land.entscheidung if land is not None else "die Entscheidung nach dem Recht Ihres Landes"
    mitzeichnung = koerperschaft.hausstil.mitzeichnung
    if result.mehrbedarf and mitzeichnung.kaemmerei not in mitzeichnung.rollen:  # the Hausstil's: always
        problems.append(
            Problem(
                daten.where("positionen"),
                f"Über- und außerplanmäßige Beträge brauchen nach {result.rechtsgrundlage} "
                f"{result.entscheidung}; dafür zeichnet jede solche Vorlage die Rolle "
                f"„{mitzeichnung.kaemmerei}“ mit, aber sie steht nicht in „hausstil: "
                "mitzeichnung: rollen“ – ergänzen Sie die Rolle dort oder "
                "nennen Sie unter „mitzeichnung: kaemmerei“ die Rolle Ihrer "
                "Kämmerei aus dieser Liste.",
            )
        )
    return result, problems


def _haushaltsrecht(source: VorlageSource, facts: Facts, result: Auswirkungen) -> list[Problem]:
    """The budget-law checks of a Vorlage's Finanzielle Auswirkungen against the Haushalt: Deckung, and the Gremium
    that must decide über-/außerplanmäßige amounts above the threshold."""
    daten = source.vorlage.finanzen_daten
    assert daten is not None  # Auswirkungen are computed from data only
    folge = source.vorlage.beratungsfolge  # in the stated order, checked to run forward in time
    letzte = None
    if folge:
        b = folge[-1]
        gremium = facts.sitzungen[b.sitzung].gremium if b.sitzung is not None else b.gremium
        assert gremium is not None  # Beratung.check: an open Termin names its Gremium
        letzte = (gremium, b.sitzung, b.rolle)
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    entscheidend = [wort for wort, rolle in facts.koerperschaft.hausstil.rollen.items() if rolle.entscheidet]
    return check_deckung(result, daten) + check_gremium(
        result, facts.haushalte, letzte, gremien, entscheidend, source.vorlage.where("beratungsfolge")
    )
