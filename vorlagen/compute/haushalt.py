"""Finanzielle Auswirkungen from the Haushalt: Mittel vorhanden, über-/außerplanmäßige Beträge, Deckung.

Per Position and Haushaltsjahr: Mehrbedarf = Betrag − (Ansatz − gebunden), never below zero; with Ansatz 0 the
amount is außerplanmäßig, otherwise überplanmäßig. A Deckung reads what its Position has left: Ansatz − gebunden
at an Aufwand position, the expected Mehrertrag (prognose − Ansatz − gebunden) at an Ertrag position. Amounts are
named figures of the Vorlage's ledger, read exactly (Fractions). The budget-law checks are German problems at the
line that causes them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.einheiten import GELD, EinheitFehler, dim_text
from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.kennzahlen import figur, namenswert
from vorlagen.core.fmt import geld
from vorlagen.core.money import CENT, EURO, exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.haushalt import FinanzielleAuswirkungen, Haushalt, Position
from vorlagen.load.records import LineDict, suggest

UEBER, AUSSER = "überplanmäßig", "außerplanmäßig"
_GETIPPT = re.compile(r"[-+−]?\s*[\d.,]+\s*(€|EUR|Euro)?", re.I)


@dataclass
class Zeile:
    """One Position in one Haushaltsjahr."""

    jahr: int
    position: Position
    betrag: Fraction
    verfuegbar: Fraction  # Ansatz − gebunden
    mehrbedarf: Fraction  # what the plan does not hold, ≥ 0
    name: str  # the figure it was read from
    where: Where | None = None  # the line of its amount

    @property
    def mittel_vorhanden(self) -> bool:
        return self.mehrbedarf == 0

    @property
    def art(self) -> str | None:
        """überplanmäßig, außerplanmäßig (no Ansatz) or None (the plan holds it)."""
        if self.mehrbedarf == 0:
            return None
        return AUSSER if self.position.ansatz == 0 else UEBER


@dataclass
class Deckungszeile:
    """One Deckung in one Haushaltsjahr."""

    jahr: int
    art: str  # Einsparung or Mehrertrag
    konto: str
    plan: str
    position: Position  # in the Haushalt of its year
    betrag: Fraction
    verfuegbar: Fraction  # what the source Position has left: Ansatz − gebunden, or its free Mehrertrag
    where: Where  # the line of its amount
    konto_where: Where  # the line of its konto


@dataclass
class Auswirkungen:
    """The computed Finanzielle Auswirkungen of one Vorlage."""

    keine: bool
    rechtsgrundlage: str
    entscheidung: str = ""  # who decides below the threshold, as the Land says it: die Zustimmung des Kämmerers
    zeilen: list[Zeile] = field(default_factory=list)
    deckung: list[Deckungszeile] = field(default_factory=list)
    dauer: str | None = None
    anlagevermoegen: bool | None = None
    folgekosten: str | None = None  # as printed
    unvollstaendig: set[int] = field(
        default_factory=set
    )  # years with an amount that could not be read (problem listed)

    @property
    def mittel_vorhanden(self) -> bool:
        return all(z.mittel_vorhanden for z in self.zeilen)

    @property
    def mehrbedarf(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr with a Mehrbedarf: its sum over the Positionen."""
        result: dict[int, Fraction] = {}
        for z in self.zeilen:
            if z.mehrbedarf:
                result[z.jahr] = result.get(z.jahr, Fraction(0)) + z.mehrbedarf
        return dict(sorted(result.items()))

    @property
    def jahre(self) -> list[int]:
        return sorted({z.jahr for z in self.zeilen} | {d.jahr for d in self.deckung})

    @property
    def quantum(self) -> Decimal:
        """Whole euros, or cents when any amount of the block has cents (one precision for the whole block)."""
        values = [v for z in self.zeilen for v in (z.betrag, z.position.ansatz, z.position.gebunden)]
        values += [d.betrag for d in self.deckung]
        return CENT if any(exact(v).denominator != 1 for v in values) else EURO

    def wort(self, jahr: int, endung: str = "e") -> str:
        """'überplanmäßige', 'außerplanmäßige' or 'über- und außerplanmäßige' for the amounts of a year
        (`endung` 'en' after „den“)."""
        arten = {z.art for z in self.zeilen if z.jahr == jahr and z.art}
        return f"über- und außerplanmäßig{endung}" if len(arten) > 1 else f"{arten.pop() if arten else UEBER}{endung}"


class _Leser:
    """Reads the named amounts of one Vorlage."""

    def __init__(self, names: dict, figures: dict, defined: AbstractSet[str] = frozenset()):
        self.names, self.figures = names, figures
        self.defined = defined  # ids of the Vorlage's figures: one that failed has its problem listed already

    def betrag(self, text: str, where: Where, was: str) -> tuple[Fraction | None, list[Problem]]:
        """The amount the figure named `text` holds, in euros; None with its problem (none: the figure's own
        problem is listed already)."""
        if _GETIPPT.fullmatch(text.strip()):
            return None, [
                Problem(
                    where,
                    f"{was}: „{text}“ ist eine getippte Zahl – Beträge sind Zahlen des "
                    "Hauptbuchs: legen Sie unter „zahlen“ eine Zahl mit Formel an und "
                    "nennen Sie hier ihren Namen.",
                )
            ]
        try:
            tree = lesen(text)
            if not isinstance(tree, Name):
                raise FormelFehler(
                    f"„{text}“ ist eine Rechnung – legen Sie sie unter „zahlen“ als Formel an und "
                    "nennen Sie hier ihren Namen."
                )
            eigene = figur(tree.pfad, self.defined)
            if eigene is not None and eigene not in self.figures:
                return None, []  # the figure's own problem says why
            value, dimension = namenswert(tree.pfad, self.names, self.figures)
        except (FormelFehler, EinheitFehler) as error:
            return None, [Problem(where, f"{was}: {error}")]
        if dimension != GELD:
            return None, [
                Problem(
                    where,
                    f"{was}: „{text}“ ist {dim_text(dimension)}, kein Betrag in Euro – nennen Sie eine Zahl in €.",
                )
            ]
        if value < 0:
            return None, [
                Problem(
                    where,
                    f"{was}: „{text}“ ist negativ ({geld(value)}) – Beträge stehen hier "
                    "ohne Minus; Einsparungen und Mehrerträge gehören unter „deckung“.",
                )
            ]
        return value, []


def _zeile(jahre: dict[str, str], jahr: str) -> Where:
    """The line of a year's amount (`jahre` is read from YAML and knows its lines)."""
    assert isinstance(jahre, LineDict)
    return jahre.lines[jahr]


def _kein_haushalt(haushalte: dict[int, Haushalt], jahr: int) -> str:
    """Why a year has no Haushalt and what to do: a later year needs a Verpflichtungsermächtigung, an earlier
    one is past, a gap needs its file."""
    vorhanden = f"vorhanden: {', '.join(map(str, sorted(haushalte)))}" if haushalte else "es gibt noch keinen"
    if haushalte and jahr < min(haushalte):
        return (
            f"Für {jahr} gibt es keinen Haushalt (haushalt/{jahr}.yaml; {vorhanden}) – {jahr} liegt vor dem ersten "
            "Haushalt; ein vergangenes Jahr kann eine Vorlage nicht mehr belasten: prüfen Sie das Jahr."
        )
    if haushalte and jahr < max(haushalte):
        return (
            f"Für {jahr} gibt es keinen Haushalt (haushalt/{jahr}.yaml; {vorhanden}) – legen Sie "
            f"haushalt/{jahr}.yaml mit den Ansätzen dieses Jahres an."
        )
    return (
        f"Für {jahr} gibt es keinen Haushalt (haushalt/{jahr}.yaml; {vorhanden}) – Verpflichtungen zu Lasten "
        "späterer Jahre brauchen eine Verpflichtungsermächtigung im Haushalt des laufenden Jahres: prüfen Sie, ob "
        f"er eine ausweist, und legen Sie haushalt/{jahr}.yaml mit den Ansätzen der Finanzplanung an."
    )


_NEU = "für eine außerplanmäßige Aufwendung tragen Sie die Position dort mit „ansatz: 0“ ein."


def _position(
    haushalte: dict[int, Haushalt],
    jahr: int,
    konto: str,
    plan: str,
    where: Where,
    neu: str = _NEU,
) -> tuple[Position | None, list[Problem]]:
    """The Position of a year's Haushalt, or a problem: the year has no Haushalt, or the Position is not in it
    (`neu`: how to add a new one)."""
    haushalt = haushalte.get(jahr)
    if haushalt is None:
        return None, [Problem(where, _kein_haushalt(haushalte, jahr))]
    position = next((p for p in haushalt.positionen if p.konto == konto and p.plan == plan), None)
    if position is None:
        konten = [p.konto for p in haushalt.positionen if p.plan == plan]
        hint = suggest(konto, konten)
        return None, [
            Problem(
                where,
                f"„{konto}“ steht nicht im {plan} des Haushalts {jahr} (haushalt/{jahr}.yaml)"
                f"{hint + ' P' if hint else ' – p'}rüfen Sie die Nummer; {neu}",
            )
        ]
    return position, []


def auswirkungen(
    daten: FinanzielleAuswirkungen,
    haushalte: dict[int, Haushalt],
    names: dict,
    figures: dict,
    rechtsgrundlage: str,
    defined: AbstractSet[str] = frozenset(),
) -> tuple[Auswirkungen, list[Problem]]:
    """Computes the Finanzielle Auswirkungen of one Vorlage. An amount that cannot be read is a problem and leaves
    its year in `.unvollstaendig`; everything else is still computed, so every check can run (principle 3).
    `figures`: the computed figures of the Vorlage, `defined`: the ids of all of them."""
    problems: list[Problem] = []
    leser = _Leser(names, figures, defined)
    result = Auswirkungen(daten.keine, rechtsgrundlage, dauer=daten.dauer, anlagevermoegen=daten.anlagevermoegen)
    for eintrag in daten.positionen:
        for jahr_text, name in eintrag.jahre.items():
            where, jahr = _zeile(eintrag.jahre, jahr_text), int(jahr_text)
            betrag, found = leser.betrag(name, where, f"Betrag {jahr} für „{eintrag.konto}“")
            problems += found
            position, found = _position(haushalte, jahr, eintrag.konto, eintrag.plan, where)
            problems += found
            if position is not None and position.ertrag:
                problems.append(
                    Problem(
                        where,
                        f"„{eintrag.konto}“ ist im Haushalt {jahr} eine Ertragsposition "
                        f"(haushalt/{jahr}.yaml: „ertrag: true“) – Aufwendungen und Auszahlungen "
                        "stehen bei einer Position ohne „ertrag“; Mehrerträge nennen Sie unter "
                        "„deckung“ mit „art: Mehrertrag“.",
                    )
                )
                position = None
            if betrag is None or position is None:
                result.unvollstaendig.add(jahr)
                continue
            verfuegbar = exact(position.verfuegbar)
            result.zeilen.append(
                Zeile(jahr, position, betrag, verfuegbar, max(Fraction(0), betrag - verfuegbar), name, where)
            )
    for quelle in daten.deckung:
        for jahr_text, name in quelle.jahre.items():
            where, jahr = _zeile(quelle.jahre, jahr_text), int(jahr_text)
            betrag, found = leser.betrag(name, where, f"Deckung {jahr} durch „{quelle.konto}“")
            problems += found
            neu = (
                _NEU
                if quelle.art == "Einsparung"
                else (
                    "für Mehrerträge tragen Sie die Ertragsposition dort mit „ertrag: true“ und ihrer „prognose“ ein."
                )
            )
            position, found = _position(haushalte, jahr, quelle.konto, quelle.plan, where, neu)
            problems += found
            if betrag is None or position is None:
                result.unvollstaendig.add(jahr)
                continue
            result.deckung.append(
                Deckungszeile(
                    jahr,
                    quelle.art,
                    quelle.konto,
                    quelle.plan,
                    position,
                    betrag,
                    exact(position.verfuegbar),
                    where,
                    quelle.where("konto"),
                )
            )
    if daten.folgekosten is not None:
        if daten.folgekosten.strip().lower() == "keine":
            result.folgekosten = "keine"
        else:
            value, found = leser.betrag(daten.folgekosten, daten.where("folgekosten"), "Folgekosten")
            problems += found
            result.folgekosten = f"{geld(value)} jährlich" if value is not None else None
    return result, problems
