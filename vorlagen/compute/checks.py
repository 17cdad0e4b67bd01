"""Every check of a run, registered in one place: a check is a plain function that returns problems and never
raises. FACTS run on the facts as loaded, before anything is computed (computing relies on what they check: every
reference resolves); LEDGER run on the computed ledger (assertions with `erwartet`, Bescheid = positions × rates,
distributions that add up). compute/project.py runs both lists."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.bescheide import BescheidWerte
from vorlagen.compute.glyphs import check_glyphs
from vorlagen.compute.grenzen import Texte, tabellengrenzen
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.niederschriftpruefung import check_niederschriften
from vorlagen.compute.sitzungen import check_tagesordnungen
from vorlagen.compute.tabelle import Tabelle, Zeilen, cents_lost
from vorlagen.compute.tabellenarten import KINDS
from vorlagen.compute.verteilung import VerteilungWerte
from vorlagen.core.fmt import Zahlformat, datum, zahl
from vorlagen.core.money import CENT, Zahl, below
from vorlagen.core.problems import Problem, Where
from vorlagen.load.drucksachenpruefung import check_drucksachen
from vorlagen.load.facts import Facts
from vorlagen.load.finanzen import Erwartet
from vorlagen.load.records import line_of
from vorlagen.load.references import check_references
from vorlagen.load.regeln import check_regeln


def _mismatch(
    where: Where, what: str, computed: Decimal, expected: Decimal, quantum: Decimal, zahlformat: Zahlformat
) -> Problem:
    money = lambda value: zahlformat.euro_or_cent(value, quantum)  # noqa: E731
    return Problem(
        where,
        f"{what}: berechnet {money(computed)}, erwartet {money(expected)}, "
        f"Differenz {zahlformat.signed(computed - expected, quantum)} – prüfen Sie den erwarteten Wert und "
        "die Eingangswerte.",
    )


def check_tabelle(t: Tabelle, zahlformat: Zahlformat) -> list[Problem]:
    """`erwartet` on the table and on each row; every rate valid for the period; amounts as `zahlformat` prints them."""
    problems = []
    name = f"Berechnung „{t.id}“"
    kind = KINDS[t.art]
    for zeile in t.zeilen if not kind.eigene_einheit else []:
        if zeile.position.erwartet is not None and zeile.position.erwartet != zeile.betrag:
            problems.append(
                _mismatch(
                    zeile.position.where("erwartet"),
                    f"{name}, Zeile „{zeile.text or zeile.als}“",
                    zeile.betrag,
                    zeile.position.erwartet,
                    t.quantum,
                    zahlformat,
                )
            )
        problems += tabellengrenzen(
            zeile.position,
            [("", f"Zeile „{zeile.position.als or zeile.text}“", zeile.betrag)],
            _geld(t.quantum, zahlformat),
            name,
        )
        for satz in zeile.saetze:
            g = satz.gueltig
            if g is not None and t.zeitraum is not None and not (g.von <= t.zeitraum.von and t.zeitraum.bis <= g.bis):
                problems.append(
                    Problem(
                        zeile.position.where("saetze"),
                        f"Der Satz „{satz.id}“ gilt nur vom {datum(g.von)} bis {datum(g.bis)}, "
                        f"die Berechnung „{t.id}“ reicht vom {datum(t.zeitraum.von)} bis "
                        f"{datum(t.zeitraum.bis)} – wählen Sie Sätze, die für den Zeitraum gelten.",
                    )
                )
    erwartet = t.berechnung.erwartet
    if erwartet is not None and erwartet.spalten and not kind.zellen:
        problems.append(
            Problem(
                erwartet.where("spalten"),
                f"{name}: „spalten“ unter „erwartet“ gibt es nur in einer Matrix – entfernen Sie es.",
            )
        )
    if erwartet is not None and not kind.zellen:  # a Matrix checks its own, in its unit (compute/matrix.py)
        for key, label in SUMMEN:
            expected = getattr(erwartet, key)
            value = getattr(t, key, None) if key in {f.name for f in dataclasses.fields(t)} else None
            if expected is None:
                continue
            if below(expected, t.quantum):
                problems.append(cents_lost(erwartet.where(key), f"„erwartet: {key}“", expected, zahlformat, name))
            elif value is None:
                problems.append(
                    Problem(
                        erwartet.where(key),
                        f"{name}: Eine Berechnung der Art „{t.art}“ hat keinen Wert „{key}“ – "
                        + (_quellen_hinweis(t) or "entfernen Sie ihn aus „erwartet“."),
                    )
                )
            elif expected != value:
                problems.append(
                    _mismatch(erwartet.where(key), f"{name}, {label}", value, expected, t.quantum, zahlformat)
                )
    if erwartet is not None and not kind.zellen:
        problems += _quellen_erwartet(t, erwartet, name, zahlformat)
    if not kind.eigene_einheit:  # a Vergleich and a Matrix check their own, in their unit
        felder = [
            (key, label, getattr(t, key)) for key, label in SUMMEN if key in {f.name for f in dataclasses.fields(t)}
        ]
        felder += [(f"quellen:{q.als}", f"Quelle „{q.als}“", q.betrag) for q in _quellen(t) or []]
        problems += tabellengrenzen(t.berechnung, felder, _geld(t.quantum, zahlformat), name)
    return problems


def _quellen(t: Tabelle) -> Zeilen | None:
    """The sources of a Finanzierungsplan; None for other tables."""
    return t.quellen if KINDS[t.art].quellen else None


def _quellen_hinweis(t: Tabelle) -> str | None:
    """For a Finanzierungsplan: how to check its rows – under the name each prints (None for other tables)."""
    quellen = _quellen(t)
    if quellen is None:
        return None
    namen = ", ".join(q.als for q in quellen)
    beispiel = quellen[len(quellen) - 1].als if len(quellen) else "Bund"
    return (
        f"die Zeilen der Quellen prüfen Sie unter dem Namen, den sie drucken, z. B. „erwartet: {{quellen: "
        f"{{{beispiel}: …}}}}“ (möglich: {namen or 'keine'}), die Gesamtkosten mit „gesamtkosten“."
    )


def _quellen_erwartet(t: Tabelle, erwartet: Erwartet, name: str, zahlformat: Zahlformat) -> list[Problem]:
    """`erwartet: {quellen: {Name: Betrag}}`: each source of a Finanzierungsplan under the name its row prints."""
    if not erwartet.quellen:
        return []
    quellen = _quellen(t)
    if quellen is None:
        return [
            Problem(
                erwartet.where("quellen"),
                f"{name}: „quellen“ unter „erwartet“ gibt es nur in einem Finanzierungsplan – entfernen Sie es.",
            )
        ]
    problems = []
    for als, expected in erwartet.quellen.items():
        quelle = next((q for q in quellen if als in (q.als, q.id)), None)
        if quelle is None:
            problems.append(
                Problem(
                    erwartet.where("quellen"),
                    f"{name}: Eine Quelle „{als}“ druckt diese Tabelle nicht – ihre Quellen heißen "
                    f"{', '.join(q.als for q in quellen) or 'keine'}; prüfen Sie den Namen.",
                )
            )
        elif expected != quelle.betrag:
            problems.append(
                _mismatch(
                    erwartet.where("quellen"), f"{name}, {quelle.als}", quelle.betrag, expected, t.quantum, zahlformat
                )
            )
    return problems


SUMMEN = (("gesamtkosten", "Gesamtkosten"), ("abzuege", "Abzüge"), ("eigenanteil", "Eigenanteil"), ("summe", "Summe"))


def _geld(quantum: Decimal, zahlformat: Zahlformat) -> Texte:
    """Amounts as a table of this precision prints them; a bound or difference with cents with its cents."""

    def text(value: Zahl) -> str:
        return zahlformat.euro_or_cent(value, CENT if Fraction(value).denominator != 1 else quantum)

    def differenz(d: Fraction) -> str:
        return zahlformat.signed(d, CENT if d.denominator != 1 else quantum)

    return Texte(lambda v: zahlformat.euro_or_cent(v, quantum), text, differenz)


def check_bescheid(werte: BescheidWerte, zahlformat: Zahlformat) -> list[Problem]:
    """A given Betrag must equal VZÄ × rate; instalments must add up to the whole."""
    problems = []
    bescheid = werte.bescheid
    if bescheid.betrag is not None and bescheid.betrag != werte.betrag:
        problems.append(
            _mismatch(
                bescheid.where("betrag"),
                f"{werte.art} „{werte.id}“, Betrag (Anzahl × Satz)",
                werte.betrag,
                bescheid.betrag,
                werte.quantum,
                zahlformat,
            )
        )
    if bescheid.raten:
        total = sum(rate.anteil for rate in bescheid.raten)
        if total != 1:
            problems.append(
                Problem(
                    bescheid.where("raten"),
                    f"Die Anteile der Raten ergeben {total.numerator}/{total.denominator} statt 1 – "
                    "prüfen Sie die Anteile.",
                )
            )
    return problems


def check_verteilung(werte: VerteilungWerte) -> list[Problem]:
    """The values must add up to VZÄ × days per VZÄ; notes must belong to a listed name."""
    problems = []
    verteilung = werte.verteilung
    if werte.summe != werte.soll:
        problems.append(
            Problem(
                verteilung.where("werte"),
                f"Verteilung „{werte.id}“: Die Werte ergeben {zahl(werte.summe, 2)}, erwartet sind "
                f"{zahl(werte.soll, 2)} ({zahl(werte.vzae)} VZÄ x {zahl(werte.tage_pro_vzae)} Tage), "
                f"Differenz {zahl(werte.summe - werte.soll, 2)} – prüfen Sie die Werte.",
            )
        )
    for name in verteilung.hinweise:
        if name not in verteilung.werte:
            problems.append(
                Problem(
                    line_of(verteilung.hinweise, name),
                    f"Der Hinweis zu „{name}“ gehört zu keinem Eintrag unter „werte“ – prüfen Sie die Schreibweise.",
                )
            )
    return problems


def _tabellen(project: Project) -> list[Problem]:
    zahlformat = project.facts.koerperschaft.zahlformat
    return [p for r in project.rechnungen.values() for t in r.tabellen.values() for p in check_tabelle(t, zahlformat)]


def _bescheide(project: Project) -> list[Problem]:
    werte = [*project.bescheide.values(), *project.antraege.values()]
    return [p for w in werte for p in check_bescheid(w, project.facts.koerperschaft.zahlformat)]


def _verteilungen(project: Project) -> list[Problem]:
    return [p for r in project.rechnungen.values() for v in r.verteilungen.values() for p in check_verteilung(v)]


FACTS: tuple[Callable[[Facts], list[Problem]], ...] = (
    check_references,  # every name of a Sitzung, Gremium, Amt, Bescheid, Satz or Vorlage resolves
    check_regeln,  # what the Hausstil asks of each Vorlage
    check_drucksachen,  # Einreicher of Anträge and Anfragen, what an Änderungsantrag changes, what answers what
    check_tagesordnungen,  # unique TOPs naming existing Vorlagen, no non-public Vorlage in the public part
    check_niederschriften,  # Niederschriften against their Sitzung, agenda, the body's words and the votes
    check_glyphs,  # every character of the texts is in the Hausstil's font
)
LEDGER: tuple[Callable[[Project], list[Problem]], ...] = (_tabellen, _bescheide, _verteilungen)
