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
from vorlagen.compute.formel import FormelFehler, Name, lesen, namen, schreibweise
from vorlagen.compute.grenzen import anteilsgrenze, grenze, zahl_grenzen
from vorlagen.compute.names import Names, UnknownName
from vorlagen.compute.tabelle import Zeilen
from vorlagen.compute.tabellenarten import KINDS, art
from vorlagen.compute.zahlwert import Groesse, Schritt, Zahlen, Zahlwert
from vorlagen.core.fmt import NBSP, Zahlformat, zahl
from vorlagen.core.money import CENT, EURO, Rundung, exact, round_half_even, round_half_up, round_toward_zero
from vorlagen.core.problems import Problem
from vorlagen.load.kennzahlen import RUNDUNGSARTEN, Kennzahl
from vorlagen.load.records import suggest

# units of what the engine computed, by field name (everything else is a plain number)
FELD_EINHEIT = {
    "betrag": GELD,
    "eigenanteil": GELD,
    "gesamtkosten": GELD,
    "abzuege": GELD,
    "summe": GELD,
    "zuwendung": GELD,
    "dritte": GELD,
    "eigenmittel": GELD,
    "foerderfaehig": GELD,
    "nicht_foerderfaehig": GELD,
    "einheit": GELD,
    "bezahlt": GELD,
    "offen": GELD,
    "eigenanteil_min": GELD,
    "eigenanteil_max": GELD,
    "vzae": "VZÄ",
    "jahre": GELD,
    "jahre_min": GELD,
    "jahre_max": GELD,  # an amount per Haushaltsjahr: jahre.2022
    # the Haushalt block (haushalt.mehrbedarf.2022, haushalt.kreise.650.ueberschreitung.2009, haushalt.ve.x.lasten.2024)
    "mehrbedarf": GELD,
    "deckung": GELD,
    "ueberschreitung": GELD,
    "ansatz": GELD,
    "gebunden": GELD,
    "verfuegbar": GELD,
    "lasten": GELD,
    "im_plan": GELD,
    "nachtrag": GELD,
    "reste": GELD,
    "bereitgestellt": GELD,
    "mittel_neu": GELD,
    "frei": GELD,
    "ve": GELD,  # haushalt.positionen["konto"].ve.2023
    "ve_gebunden": GELD,
    "prognose": GELD,
}


class _Kreis(EinheitFehler):
    """Figures that read each other in a round: one problem, at the figure where the round started."""


def _einheit_von(tabelle, pfad: tuple[str, ...]) -> str:
    """The unit of an engine figure: every value of a Matrix and a Vergleich's values and differences are in the
    table's `einheit` (a Vergleich's column of a share is a ratio); money fields are €; VZÄ is VZÄ."""
    feld = pfad[-1] if not pfad[-1].isdigit() else pfad[-2]
    if tabelle is not None:
        einheit = {"Euro": GELD, "Stellen": "VZÄ"}.get(tabelle.einheit, "")
        if KINDS[tabelle.art].zellen or feld in ("alt", "neu", "differenz"):
            return einheit
        if len(pfad) > 1 and pfad[-2] == "spalten":
            spalte = next((s for s in tabelle.vergleichsspalten if s.als == pfad[-1]), None)
            return "" if spalte is None or spalte.prozent else einheit
    return FELD_EINHEIT.get(feld, "")


def figur(pfad: tuple[str, ...], ids) -> str | None:
    """The id of the Vorlage's own figure a name reads – `pauschale`, or as in a text `zahlen["pauschale"]` – or
    None when it reads something else."""
    if len(pfad) == 1 and pfad[0] in ids:
        return pfad[0]
    if len(pfad) == 2 and pfad[0] == "zahlen" and "zahlen" not in ids and pfad[1] in ids:
        return pfad[1]
    return None


def _lesen_pfad(pfad: tuple[str, ...], names: dict, figures: dict[str, Zahlwert]):
    """(value, unit, where it comes from) for a dotted name; EinheitFehler with a German reason if there is none."""
    first = pfad[0]
    if first in figures:
        if len(pfad) > 1:
            raise EinheitFehler(f"„{first}“ ist eine Zahl und hat keine Teile wie „{pfad[1]}“.")
        return figures[first], DIMENSION[figures[first].einheit], figures[first].kennzahl.where("formel")
    if first not in names:
        known = sorted(set(figures) | set(names))
        raise EinheitFehler(
            f"„{first}“ gibt es nicht{suggest(first, known) or '.'} Formeln lesen andere Zahlen dieser "
            f"Vorlage (Abschnitt „zahlen“) und {', '.join(sorted(names))}."
        )
    obj, owner, where, tabelle = names[first], None, None, None
    for index, segment in enumerate(pfad[1:], start=1):
        fields = vars(obj) if hasattr(obj, "__dict__") else {}
        if (kind := art(fields.get("art"))) is not None and kind.eigene_einheit:
            tabelle = obj
        owner = obj
        try:
            if isinstance(obj, dict):
                key = int(segment) if segment.isdigit() and segment not in obj else segment
                obj = obj[key]
            elif isinstance(obj, Zeilen):  # rows by id or label, never by position
                obj = _zeile(obj, pfad, index)
            elif isinstance(obj, list):
                raise EinheitFehler(
                    f"„{schreibweise(pfad[:index])}“ ist eine Liste ohne Namen – Formeln lesen nur Einträge mit "
                    "Namen (Zeilen, Quellen, Raten) und nie nach ihrer Stelle."
                )
            else:
                if segment.startswith("_"):
                    raise EinheitFehler(f"„{segment}“ ist kein Name, den Formeln lesen können.")
                obj = getattr(obj, segment)
        except UnknownName as error:
            if isinstance(owner, Names) and segment in owner.spaeter:
                raise EinheitFehler(
                    f"Die Berechnung „{segment}“ liest selbst Zahlen (mit „aus“, „formel“ oder „fonds“) und "
                    "wird deshalb nach ihnen berechnet – eine Zahl kann sie nicht lesen; rechnen Sie mit den "
                    "Werten, aus denen sie entsteht."
                ) from None
            raise EinheitFehler(error.message()) from None
        except (KeyError, IndexError, AttributeError, TypeError):
            raise EinheitFehler(f"„{schreibweise(pfad)}“: „{segment}“ gibt es dort nicht.") from None
        fields = vars(obj) if hasattr(obj, "__dict__") else {}
        source = fields.get("berechnung") or fields.get("bescheid") or fields.get("verteilung")
        if source is not None and hasattr(source, "where"):
            where = source.where()
    if obj is None and tabelle is not None and KINDS[tabelle.art].zellen:
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist eine leere Zelle – tragen Sie dort einen Wert ein (auch 0) oder lesen Sie "
            "eine andere Zelle."
        )
    if obj is None and pfad[0] == "haushalt":
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist noch offen – der Haushalt nennt den Betrag nicht; tragen Sie ihn in "
            f"haushalt/{pfad[-1] if pfad[-1].isdigit() else '<jahr>'}.yaml ein."
        )
    if isinstance(obj, bool) or not isinstance(obj, (int, Decimal, Fraction)):
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist keine einzelne Zahl – wählen Sie einen Wert, z. B. „{schreibweise(pfad)}.betrag“."
        )
    if isinstance(obj, Groesse):
        return obj, DIMENSION[obj.einheit], where  # a shared figure: kennzahlen.<datei>.<id>
    return obj, _einheit_von(tabelle, pfad), where


def _zeile(zeilen: Zeilen, pfad: tuple[str, ...], index: int):
    """The row named `pfad[index]`; a name that is only a position says which name the row at that position has."""
    segment = pfad[index]
    try:
        return zeilen[segment]
    except UnknownName as error:
        if not segment.isdigit() or int(segment) >= len(zeilen):
            raise
        name = zeilen.name_von(zeilen[int(segment)])
        hint = (
            f"die Zeile an Stelle {segment} (gezählt ab 0) lesen Sie mit „{schreibweise(pfad[:index] + (name,) + pfad[index + 1 :])}“"
            if name is not None
            else f"die Zeile an Stelle {segment} (gezählt ab 0) hat keinen eindeutigen Namen – geben Sie ihr eine „id“"
        )
        raise EinheitFehler(
            f"{error.message()} Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle: {hint}."
        ) from None


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
            value, dimension, where = _lesen_pfad(name.pfad, names, figures)
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
    k: Kennzahl, tree, genau: Wert, steps: list[Schritt], rundung: Rundung, zahlformat: Zahlformat, teile: int = 0
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


def namenswert(pfad: tuple[str, ...], names: dict, figures: dict[str, Zahlwert]) -> tuple[Fraction, str]:
    """The exact value and dimension of one name: a figure of `zahlen` or a computed value; EinheitFehler in German."""
    eigene = figur(pfad, figures)
    if eigene is not None:
        return Fraction(figures[eigene].wert), DIMENSION[figures[eigene].einheit]
    value, dimension, _ = _lesen_pfad(pfad, names, figures)
    return exact(value), dimension


def _einfach(value, dimension: str, quantum: Decimal, zahlformat: Zahlformat) -> str:
    if dimension == GELD:
        return zahlformat.euro_or_cent(value, quantum if exact(value) * 100 % 100 == 0 or quantum == CENT else CENT)
    return zahl(value) + (f"{NBSP}{dimension}" if dimension else "")
