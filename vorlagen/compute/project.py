"""The pipeline up to rendering: load → references → compute → check."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from vorlagen.compute import checks, eigenanteil
from vorlagen.compute.bescheide import bescheid_werte
from vorlagen.compute.glyphs import check_glyphs
from vorlagen.compute.haushalt import Auswirkungen, auswirkungen
from vorlagen.compute.haushaltsrecht import check_deckung, check_gemeinsam, check_gremium
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
from vorlagen.core.reads import Recorded, note_all, recording
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
    reads: dict = dataclasses.field(default_factory=dict)  # every fact it was computed from (see core/reads.py)


@dataclass
class Project:
    facts: Facts
    rechnungen: dict[str, Rechnung]  # VorlageSource.slug → Rechnung
    stellen: Names  # Stellenstatistik id → Bausteine with their Quoten
    ergebnisse: dict[tuple[str, str], Beratungsergebnis]  # (Vorlage-Nummer, Sitzung id) → recorded result
    haushaltsrecht: list[Problem] = dataclasses.field(
        default_factory=list
    )  # problems of the Finanzielle Auswirkungen (raised, unless asked not to)

    def rechnung(self, source: VorlageSource) -> Rechnung:
        """What was computed for a Vorlage; a document that asks notes every fact it was computed from."""
        rechnung = self.rechnungen[source.slug]
        note_all(rechnung.reads)
        return rechnung


def summary(project: Project) -> str:
    """'2 Vorlagen, 5 Berechnungen' – for the closing line of a command."""
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{anzahl(vorlagen, 'Vorlage', 'Vorlagen')}, {anzahl(tabellen, 'Berechnung', 'Berechnungen')}"


def prepare(data_dir: Path, haushaltsrecht: bool = True) -> Project:
    """Loads and checks everything; raises BuildFailed with every problem found. `haushaltsrecht=False` (for
    read-only listings): the problems of the Finanzielle Auswirkungen do not raise but stay in
    `Project.haushaltsrecht`."""
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
    )
    rundung = rundung_of(facts)
    bescheide, antraege = _Computed("den Bescheiden", facts.bescheide), _Computed("den Anträgen", facts.antraege)
    for art, given, computed in (("Bescheid", facts.bescheide, bescheide), ("Antrag", facts.antraege, antraege)):
        for bescheid_id, bescheid in given.items():
            with recording() as reads:  # its file and the rates it multiplies
                given.get(bescheid_id)
                berechnet, found = bescheid_werte(
                    bescheid_id, bescheid, facts.saetze, eigene_rundung(rundung, bescheid.rundung), art
                )
            computed.gelesen[bescheid_id] = reads
            problems += found
            if berechnet is not None:
                problems += checks.check_bescheid(
                    berechnet, f"{art} „{bescheid_id}“", eigene_rundung(rundung, bescheid.rundung).quantum
                )
                computed[bescheid_id] = berechnet
    shared = Names.of("den gemeinsamen Kennzahlen (Ordner kennzahlen/)", facts.kennzahlen)
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
    for source in facts.vorlagen:
        with recording() as reads:
            rechnungen[source.slug] = _compute(source, facts, bescheide, antraege, rundung, problems, shared, recht)
        rechnungen[source.slug].reads = reads
    recht += _ohne_land(facts)
    ergebnisse = _recorded_results(facts, beratungsergebnisse(facts))
    # a decided Vorlage was checked against the Haushalt of its decision; later bookings (its own amounts under
    # „gebunden“) must not fail it: only open Vorlagen are checked against the Haushalt as it stands
    offen_quellen = [s for s in facts.vorlagen if not entschieden(facts, s, ergebnisse)]
    for s in offen_quellen:
        recht += rechnungen[s.slug].haushaltsrecht
    offen = [(s.bezeichnung, a) for s in offen_quellen if (a := rechnungen[s.slug].haushalt) is not None]
    recht += check_gemeinsam(offen, facts.haushalte)
    raise_if(problems + recht if haushaltsrecht else problems)
    stellen = alle_statistiken(facts.stellen)
    if isinstance(facts.stellen, Recorded):
        stellen.reads_of, stellen.listing = facts.stellen.reads_of, facts.stellen.listing
    return Project(facts, rechnungen, stellen, ergebnisse, sorted(recht))


class _Computed(Names):
    """Bescheide or Anträge as computed: asking for one notes its file and the rates it multiplies."""

    def __init__(self, kind: str, given: dict):
        self.given = given if isinstance(given, Recorded) else None
        super().__init__(kind, (), self._reads if self.given else None, self.given.listing if self.given else None)
        self.gelesen: dict[str, dict] = {}

    def _reads(self, key) -> dict:
        found = self.gelesen.get(key)
        if found is None and self.given is not None and self.given.reads_of is not None:
            return self.given.reads_of(key)
        return found or {}


def _recorded_results(facts: Facts, ergebnisse: dict) -> dict:
    """The recorded results by (Nummer, Sitzung): asking for one notes the Sitzung's file and its Niederschrift (or
    that there is none yet: when it comes, the Vorlage prints the result)."""
    sitzungen, niederschriften = facts.sitzungen, facts.niederschriften
    if not isinstance(sitzungen, Recorded) or not isinstance(niederschriften, Recorded):
        return ergebnisse
    return Recorded(ergebnisse, lambda key: {**sitzungen.reads_of(key[1]), **niederschriften.reads_of(key[1])})


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
OFFEN_WORTE = ("vertagt", "zurückgestellt", "abgesetzt")  # results that leave a Vorlage open


def entschieden(facts: Facts, source: VorlageSource, ergebnisse: dict) -> bool:
    """Whether a Beratung of the Vorlage in a deciding role has settled it: a result recorded in a Niederschrift
    other than a Kenntnisnahme (a Beschluss, a word such as erledigt), or a result stated in the Vorlage itself;
    vertagt, zurückgestellt and abgesetzt settle nothing."""
    rollen = facts.koerperschaft.hausstil.rollen
    for b in source.vorlage.beratungsfolge:
        if b.rolle not in rollen or not rollen[b.rolle].entscheidet:
            continue
        recorded = ergebnisse.get((source.vorlage.nummer, b.sitzung))
        if (recorded is not None and recorded.ergebnis not in ("Kenntnisnahme", *OFFEN_WORTE)) or (
            b.ergebnis and b.ergebnis not in OFFEN_WORTE
        ):
            return True
    return False


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
                problems += checks.check_tabelle(tabelle)
                computed[tabelle.id] = tabelle
    order = [b.id for b in source.vorlage.finanzierung]
    tabellen = Names(tabellen.kind, sorted(computed.items(), key=lambda item: order.index(item[0])))
    names["finanzierung"] = tabellen
    haushalt, pruefungen = _haushalt(source, facts, names, zahlen.herleitung, recht)
    return Rechnung(tabellen, summary, own, verteilungen, own_antraege, zahlen, shared, haushalt, pruefungen)


def _haushalt(
    source: VorlageSource, facts: Facts, names: dict, figures: dict, recht: list[Problem]
) -> tuple[Auswirkungen | None, list[Problem]]:
    """The Finanzielle Auswirkungen of a Vorlage that gives them as data, and its budget-law checks against the
    Haushalt (Deckung, Gremium); the problems of reading them (amounts, Positionen, years) and a Kämmerei role
    missing from the Hausstil go to `recht`."""
    daten = source.vorlage.finanzen_daten
    if daten is None:
        return None, []
    lesen, recht = recht, []
    koerperschaft = facts.koerperschaft
    land = koerperschaft.landesrecht
    result = auswirkungen(
        daten,
        facts.haushalte,
        names,
        figures,
        koerperschaft.rechtsgrundlage() or OHNE_LAND,
        lesen,
        {k.id for k in source.vorlage.zahlen},
    )
    result.entscheidung = land.entscheidung if land is not None else "die Entscheidung nach dem Recht Ihres Landes"
    recht += check_deckung(result, daten)
    mitzeichnung = koerperschaft.hausstil.mitzeichnung
    if result.mehrbedarf and mitzeichnung.kaemmerei not in mitzeichnung.rollen:  # the Hausstil's: always
        lesen.append(
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
    folge = source.vorlage.beratungsfolge  # in the stated order, checked to run forward in time
    letzte = None
    if folge:
        b = folge[-1]
        gremium = facts.sitzungen[b.sitzung].gremium if b.sitzung is not None else b.gremium
        assert gremium is not None  # Beratung.check: an open Termin names its Gremium
        letzte = (gremium, b.sitzung, b.rolle)
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    entscheidend = [wort for wort, rolle in facts.koerperschaft.hausstil.rollen.items() if rolle.entscheidet]
    recht += check_gremium(
        result, facts.haushalte, letzte, gremien, entscheidend, source.vorlage.where("beratungsfolge")
    )
    return result, recht
