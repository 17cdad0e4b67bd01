"""Checks that every id a file names exists: Sitzung, Gremium, Amt, Satz, Bescheid, Kommune – with the checks that
run beside them over all the data: ids, Nummern and output names once (load/kennungen.py), each Beratungsfolge in
time order (load/beratungsfolge.py)."""

from __future__ import annotations

from collections.abc import Iterable

from vorlagen.core.problems import Problem, Where
from vorlagen.load.beratungsfolge import zeitfolge
from vorlagen.load.facts import Facts
from vorlagen.load.kennungen import Ausgabenamen, doppelte_kennungen
from vorlagen.load.records import line_of, suggest
from vorlagen.load.vorlage import Vorlage


def unknown(where: Where, kind: str, name: str, known: Iterable[str], hint: str) -> Problem:
    """'Unbekanntes Amt „KJ“ – meinten Sie „KI“? Tragen Sie …' or without the suggestion."""
    close = suggest(name, known)
    if close:
        return Problem(where, f"Unbekannte{kind} „{name}“{close} {hint[0].upper()}{hint[1:]}")
    return Problem(where, f"Unbekannte{kind} „{name}“ – {hint}")


def check_references(facts: Facts) -> list[Problem]:
    """All reference problems of the data at once."""
    problems = [
        *doppelte_kennungen(facts),
        *_gremien_der_sitzungen(facts),
        *_gremien_der_haushalte(facts),
        *_saetze_der_bescheide(facts),
        *_bescheide_der_antraege(facts),
    ]
    alle = {source.vorlage.nummer for source in facts.vorlagen if source.vorlage.nummer is not None}
    ausgabenamen = Ausgabenamen()
    for source in facts.vorlagen:
        problems += ausgabenamen.pruefen(source)
        problems += _verweise_der_vorlage(facts, source.vorlage, alle)
    return problems


def _gremien_der_sitzungen(facts: Facts) -> list[Problem]:
    """Each Sitzung belongs to a Gremium of the Körperschaft."""
    gremien = {g.id for g in facts.koerperschaft.gremien}
    return [
        unknown(
            sitzung.where("gremium"),
            "s Gremium",
            sitzung.gremium,
            gremien,
            "tragen Sie es in koerperschaft.yaml unter „gremien“ ein.",
        )
        for sitzung in facts.sitzungen.values()
        if sitzung.gremium not in gremien
    ]


def _gremien_der_haushalte(facts: Facts) -> list[Problem]:
    """The Gremium that decides a Haushalt (`entscheidet`) is one of the Körperschaft."""
    gremien = {g.id for g in facts.koerperschaft.gremien}
    return [
        unknown(
            haushalt.where("entscheidet"),
            "s Gremium",
            haushalt.entscheidet,
            gremien,
            "nennen Sie das Kürzel eines Gremiums aus koerperschaft.yaml („gremien“).",
        )
        for haushalt in facts.haushalte.values()
        if haushalt.entscheidet is not None and haushalt.entscheidet not in gremien
    ]


def _saetze_der_bescheide(facts: Facts) -> list[Problem]:
    """Every Satz a position of a Bescheid or an Antrag names exists."""
    problems = []
    for bescheid in [*facts.bescheide.values(), *facts.antraege.values()]:
        for position in bescheid.positionen:
            problems += _check_satz(facts, position.satz, position.where("satz"))
    return problems


def _bescheide_der_antraege(facts: Facts) -> list[Problem]:
    """The Bescheid an Antrag names exists (or could not be read, which is said elsewhere)."""
    return [
        unknown(
            antrag.where("bescheid"),
            "r Bescheid",
            antrag.bescheid,
            facts.bescheide,
            "nennen Sie die Kennung eines Bescheids aus bescheide/.",
        )
        for antrag in facts.antraege.values()
        if antrag.bescheid is not None
        and antrag.bescheid not in facts.bescheide
        and not facts.is_unreadable("bescheide", antrag.bescheid)
    ]


def _verweise_der_vorlage(facts: Facts, vorlage: Vorlage, alle: set[str]) -> list[Problem]:
    """Everything one Vorlage names exists: Bezug, Amt, Beratungen in order, Bescheide, Anträge, Sätze, Berechnungen."""
    return [
        *_bezug(facts, vorlage, alle),
        *_federfuehrendes_amt(facts, vorlage),
        *_beratungen(facts, vorlage),
        *zeitfolge(facts, vorlage.beratungsfolge, vorlage.datum),
        *_bescheide_und_antraege(facts, vorlage),
        *_saetze_der_finanzierung(facts, vorlage),
        *_verteilungen(facts, vorlage),
    ]


def _bezug(facts: Facts, vorlage: Vorlage, alle: set[str]) -> list[Problem]:
    """The Bezug names another Vorlage of the data (or one that could not be read)."""
    if (
        vorlage.bezug
        and (vorlage.bezug.vorlage not in alle or vorlage.bezug.vorlage == vorlage.nummer)
        and not facts.is_unreadable("vorlagen", vorlage.bezug.vorlage)
    ):
        return [
            unknown(
                vorlage.bezug.where("vorlage"),
                " Vorlage",
                vorlage.bezug.vorlage,
                [n for n in alle if n != vorlage.nummer],
                "„bezug“ nennt die Nummer einer anderen Vorlage aus vorlagen/.",
            )
        ]
    return []


def _federfuehrendes_amt(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """The federführende Amt is one of the Körperschaft."""
    aemter = {a.id for a in facts.koerperschaft.aemter}
    if vorlage.federfuehrend is not None and vorlage.federfuehrend not in aemter:
        return [
            unknown(
                vorlage.where("federfuehrend"),
                "s Amt",
                vorlage.federfuehrend,
                aemter,
                "tragen Sie es in koerperschaft.yaml unter „aemter“ ein.",
            )
        ]
    return []


def _beratungen(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """Each step of the Beratungsfolge names a known Sitzung, or without one a known Gremium."""
    gremien = {g.id for g in facts.koerperschaft.gremien}
    problems = []
    for beratung in vorlage.beratungsfolge:
        if beratung.sitzung is None:
            if beratung.gremium is not None and beratung.gremium not in gremien:  # None: Beratung.check reports it
                problems.append(
                    unknown(
                        beratung.where("gremium"),
                        "s Gremium",
                        beratung.gremium,
                        gremien,
                        "tragen Sie es in koerperschaft.yaml unter „gremien“ ein.",
                    )
                )
        elif beratung.sitzung not in facts.sitzungen and not facts.is_unreadable("sitzungen", beratung.sitzung):
            problems.append(
                unknown(
                    beratung.where("sitzung"),
                    " Sitzung",
                    beratung.sitzung,
                    facts.sitzungen,
                    "legen Sie sie unter sitzungen/ an.",
                )
            )
    return problems


def _bescheide_und_antraege(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """The Bescheide and Anträge a Vorlage lists exist (or could not be read)."""
    problems = [
        unknown(
            vorlage.where("bescheide"),
            "r Bescheid",
            bescheid_id,
            facts.bescheide,
            "legen Sie ihn unter bescheide/ an.",
        )
        for bescheid_id in vorlage.bescheide
        if bescheid_id not in facts.bescheide and not facts.is_unreadable("bescheide", bescheid_id)
    ]
    problems += [
        unknown(
            vorlage.where("antraege"),
            "r Antrag",
            antrag_id,
            facts.antraege,
            "legen Sie ihn unter antraege/ an.",
        )
        for antrag_id in vorlage.antraege
        if antrag_id not in facts.antraege and not facts.is_unreadable("antraege", antrag_id)
    ]
    return problems


def _saetze_der_finanzierung(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """Every Satz a Kosten or Abzug of a Berechnung names exists."""
    problems = []
    for berechnung in vorlage.finanzierung:
        for posten in [*berechnung.kosten, *berechnung.abzuege]:
            for satz_id in posten.saetze:
                problems += _check_satz(facts, satz_id, posten.where("saetze"))
    return problems


def _verteilungen(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """A Verteilung names a Berechnung of its Vorlage and, where the Körperschaft lists them, known Kommunen."""
    kommunen = facts.koerperschaft.kommunen
    berechnungen = {b.id for b in vorlage.finanzierung}
    problems = []
    for verteilung in vorlage.verteilungen:
        if verteilung.berechnung is not None and verteilung.berechnung not in berechnungen:
            problems.append(
                unknown(
                    verteilung.where("berechnung"),
                    " Berechnung",
                    verteilung.berechnung,
                    berechnungen,
                    "nennen Sie eine Berechnung aus „finanzierung“.",
                )
            )
        if kommunen:
            problems += [
                unknown(
                    line_of(verteilung.werte, name),
                    " Kommune",
                    name,
                    kommunen,
                    "prüfen Sie die Schreibweise oder ergänzen Sie „kommunen“ in koerperschaft.yaml.",
                )
                for name in verteilung.werte
                if name not in kommunen
            ]
    return problems


def _check_satz(facts: Facts, satz_id: str, where: Where) -> list[Problem]:
    catalog = satz_id.split("/")[0]
    if satz_id in facts.saetze or any(facts.is_unreadable(f, catalog) for f in ("kostensaetze", "foerderprogramme")):
        return []
    return [
        unknown(
            where,
            "r Satz",
            satz_id,
            facts.saetze,
            "Sätze heißen „datei/kürzel“ (kostensaetze/) oder „programm/modul/satz“ (foerderprogramme/).",
        )
    ]
