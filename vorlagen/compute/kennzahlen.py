"""Named figures of a Vorlage: formula, unit, rounding (and when), `erwartet`, and how each came about.

A figure reads other figures (by id) and what the tables, Bescheide, Anträge and Verteilungen computed
(`finanzierung.plan.zuwendung`). Units are checked (€ + VZÄ is an error), cycles and unknown names are
German problems at the formula's line, and each figure keeps its Herleitung for `vorlagen zahlen NR NAME`
(compute/zahlwert.py); a figure against its `erwartet` is compute/erwartung.py.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.darstellung import (
    Darstellung,
    gelesene_quote,
    nie_null,
    stellen_der_teile,
    verlorene_ziffern,
    weniger_stellen_als_getippt,
)
from vorlagen.compute.einheiten import (
    DIMENSION,
    GELD,
    SKALA,
    EinheitFehler,
    Wert,
    anteil_an_betrag,
    betraege,
    dim_text,
    getippt,
    getippte_stellen,
    nur_prozent,
    nur_summanden,
    plausibel,
    rechnen,
)
from vorlagen.compute.erwartung import abweichung
from vorlagen.compute.formel import FormelFehler, Knoten, Name, lesen, namen
from vorlagen.compute.formelnamen import figur, lesen_pfad, namenswert
from vorlagen.compute.grenzen import anteilsgrenze, grenze, zahl_grenzen
from vorlagen.compute.zahlwert import Groesse, Schritt, Zahlen, Zahlwert
from vorlagen.core.fmt import NBSP, Zahlformat, zahl
from vorlagen.core.money import CENT, EURO, Rundung, Zahl, exact, round_half_even, round_half_up, round_toward_zero
from vorlagen.core.problems import Problem
from vorlagen.load.kennzahlen import RUNDUNGSARTEN, Kennzahl


class _Kreis(EinheitFehler):
    """Figures that read each other in a round: one problem, at the figure where the round started."""


def _gerundet(k: Kennzahl, genau: Fraction, quantum: Decimal) -> tuple[Fraction, Decimal | None]:
    """(value after the figure's rounding, its step): money to euro or cent (stated or the Körperschaft's); a figure
    with another `rundungsart`, other units to its `stellen` (in the unit; the step stays None)."""
    runden = {"zur_geraden_ziffer": round_half_even, "abschneiden": round_toward_zero}.get(k.rundungsart, round_half_up)
    if DIMENSION[k.einheit] != GELD or k.rundung == "keine":
        if k.rundungsart == "kaufmaennisch" or k.stellen is None:
            return genau, None
        skala = Fraction(1, 100) if k.einheit == "%" else Fraction(SKALA.get(k.einheit, 1))
        return exact(runden(genau / skala, Decimal(1).scaleb(-k.stellen))) * skala, None
    step = {"euro": EURO, "cent": CENT}.get(k.rundung or "", quantum)
    return exact(runden(genau, step)), step


def kennzahlen(
    definitions: list[Kennzahl],
    names: dict,
    rundung: Rundung,
    zahlformat: Zahlformat,
    kind: str = "den Zahlen dieser Vorlage (Abschnitt „zahlen“ in vorlage.yaml)",
) -> tuple[Zahlen, list[Problem]]:
    """Computes the figures of one Vorlage (or one file of shared figures) in the order they need each other."""
    problems: list[Problem] = []
    by_id = {k.id: k for k in definitions}
    trees: dict = {}
    figures: dict[str, Zahlwert] = {}
    for k in definitions:
        try:
            trees[k.id] = lesen(k.formel)
        except FormelFehler as error:
            problems.append(Problem(k.where("formel"), f"Zahl „{k.id}“: {error}"))
    state: dict[str, str] = {}

    def compute(figure_id: str, chain: list[str]) -> Zahlwert | None:
        if figure_id in figures:
            return figures[figure_id]
        if state.get(figure_id) == "fehler":
            return None  # its problem is already listed
        if state.get(figure_id) == "läuft":
            cycle = chain[chain.index(figure_id) :] + [figure_id]
            raise _Kreis(f"Die Zahlen lesen sich im Kreis: {' → '.join(cycle)} – eine davon muss aus Fakten kommen.")
        if figure_id not in trees:
            return None  # its formula could not be read: already a problem
        state[figure_id] = "läuft"
        try:
            return _berechnen(by_id[figure_id], chain)
        except _Kreis:
            raise  # listed once, at the figure that started the round
        except EinheitFehler as error:
            problems.append(Problem(by_id[figure_id].where("formel"), f"Zahl „{figure_id}“: {error}"))
            state[figure_id] = "fehler"
            return None

    def _berechnen(k: Kennzahl, chain: list[str]) -> Zahlwert:
        figure_id = k.id
        steps: list[Schritt] = []

        def lesen_name(name: Name) -> Wert:
            eigene = figur(name.pfad, by_id)
            if eigene is not None:
                other = compute(eigene, chain + [figure_id])
                if other is None:
                    raise EinheitFehler(f"„{name.text}“ lässt sich nicht berechnen (siehe dort).")
                value, wie = (other.genau, "genau") if k.runden == "am_ende" else (other.gedruckt, "wie gedruckt")
                gerundet = (name.text, other.einheit, other.genau, value) if value != other.genau else None
                steps.append(Schritt(f"{name.text} ({wie})", other.wert.text, other.kennzahl.where("formel"), gerundet))
                return Wert(value, DIMENSION[other.einheit])
            value, dimension, where = lesen_pfad(name.pfad, names, figures)
            quote = gelesene_quote(value, name.pfad[-1], k.runden == "je_posten", rundung.prozent_stellen)
            value, text = quote or (value, _einfach(value, dimension, rundung.quantum, zahlformat))
            steps.append(Schritt(name.text, text, where))
            return Wert(exact(value), dimension)

        genau, tree = rechnen(trees[figure_id], lesen_name), trees[figure_id]  # the figures it reads are computed
        teile = stellen_der_teile(k.einheit, tree, lambda pfad: figures.get(figur(pfad, by_id) or ""))
        figures[figure_id], found = _zahlwert(k, tree, genau, steps, rundung, zahlformat, teile)
        problems.extend(found)
        state[figure_id] = "fertig"
        return figures[figure_id]

    for k in definitions:
        if k.id in trees and k.id not in figures:
            try:
                compute(k.id, [])
            except _Kreis as error:
                problems.append(Problem(k.where("formel"), f"Zahl „{k.id}“: {error}"))
                for other, status in state.items():
                    if status == "läuft":
                        state[other] = "fehler"  # one problem for a cycle, not one per member
    problems += _geprueft(definitions, figures, trees)
    return Zahlen(kind, {k.id: figures[k.id].wert for k in definitions if k.id in figures}, figures), problems


def _geprueft(definitions: list[Kennzahl], figures: dict[str, Zahlwert], trees: dict) -> list[Problem]:
    """Each computed figure against its `erwartet` and its bounds."""
    problems: list[Problem] = []
    for k in definitions:
        if k.id not in figures:
            continue
        abweichend = abweichung(k, figures[k.id], not namen(trees[k.id]))
        problems += [abweichend] if abweichend is not None else []
        problems += zahl_grenzen(k, figures[k.id])
        z = figures[k.id]
        runden = (lambda v, k=k, z=z: _gerundet(k, v, z.stufe)[0]) if z.stufe is not None else (lambda v: v)
        problems += anteilsgrenze(k, z, figures, runden)
    return problems


def _zahlwert(
    k: Kennzahl,
    tree: Knoten,
    genau: Wert,
    steps: list[Schritt],
    rundung: Rundung,
    zahlformat: Zahlformat,
    teile: int = 0,
) -> tuple[Zahlwert, list[Problem]]:
    """A figure from its formula's exact value: a formula of numbers alone typed in its unit, the unit checked, its
    rounding, how it prints (every typed digit; `teile`: the places of the figures it adds up), its bounds;
    EinheitFehler where it cannot be, the problems of a `stellen` that would cut a typed digit."""
    problems: list[Problem] = []
    want = DIMENSION[k.einheit]
    getippte = not namen(tree)  # a formula of numbers alone is a typed figure in its own unit
    if getippte:
        genau = Wert(getippt(tree, genau.genau, k.einheit), want)
    plausibel(genau.genau, k.einheit)
    if genau.dimension != want:
        raise EinheitFehler(
            f"Die Formel ergibt {dim_text(genau.dimension)}, die Zahl ist aber in „{k.einheit}“ "
            "angegeben – prüfen Sie „einheit“ oder die Formel."
        )
    value, step = _gerundet(k, genau.genau, rundung.quantum)
    stellen, zahl_getippt = getippte_stellen(tree, k.einheit) if getippte else (teile, None)
    wie = getippte and nur_summanden(tree) and zahl_getippt is not None
    form = Darstellung(k.einheit, step, k.stellen, rundung.prozent_stellen, zahlformat, stellen, wie)
    kuerzer = (
        weniger_stellen_als_getippt(zahl_getippt.text, zahl_getippt.wert, form) if zahl_getippt is not None else None
    )
    if kuerzer is not None:
        problems.append(Problem(k.where("stellen"), f"Zahl „{k.id}“: {kuerzer}"))
    falsch = (verlorene_ziffern(betraege(tree, k.einheit), form) if getippte else None) or nie_null(
        genau.genau, value, form
    )
    if falsch is not None:
        raise EinheitFehler(falsch)
    text = form.text(value)
    wert = Groesse(value, text, k.einheit, *(grenze(getattr(k, art), form) for art in ("hoechstens", "mindestens")))
    if step is not None and value != genau.genau:
        steps.append(
            Schritt(
                f"gerundet auf {'Cent' if step == CENT else 'ganze Euro'} ({RUNDUNGSARTEN[k.rundungsart]})",
                f"{zahl(genau.genau)}{NBSP}€ → {text}",
            )
        )
    return Zahlwert(k.id, k.titel, k.einheit, k.formel, genau.genau, wert, steps, k, step, form), problems


def formelwert(formel: str, dimension: str, names: dict, figures: dict[str, Zahlwert]) -> Fraction:
    """A formula read outside `zahlen` (a line of a Vergleich): exact, in `dimension`; ValueError in German."""
    try:
        tree = lesen(formel)

        def lesen_name(name: Name) -> Wert:
            value, unit = namenswert(name.pfad, names, figures)
            return Wert(value, unit)

        value = rechnen(tree, lesen_name)
        plausibel(value.genau, dimension)
    except (FormelFehler, EinheitFehler) as error:
        raise ValueError(f"„{formel}“: {error}") from None
    if dimension and not namen(tree) and nur_prozent(tree):
        raise ValueError(
            f"„{formel}“ ist ein Prozentsatz, die Tabelle zeigt {dimension} – ein Anteil an einem Betrag "
            f"braucht eine Formel wie „{anteil_an_betrag(tree)}“."
        )
    if value.dimension != dimension and namen(tree):
        raise ValueError(
            f"„{formel}“ ergibt {dim_text(value.dimension)}, die Tabelle zeigt "
            f"{dim_text(dimension)} – prüfen Sie die Formel oder „einheit“ der Tabelle."
        )
    return value.genau


def _einfach(value: Zahl, dimension: str, quantum: Decimal, zahlformat: Zahlformat) -> str:
    if dimension == GELD:
        return zahlformat.euro_or_cent(value, quantum if exact(value) * 100 % 100 == 0 or quantum == CENT else CENT)
    return zahl(value) + (f"{NBSP}{dimension}" if dimension else "")
