"""Reading a Vorlage's Haushalt amounts: named figures of its ledger (never typed numbers), and the Position of
the year's Haushalt they belong to – each with a German problem at the line that causes it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from fractions import Fraction

from vorlagen.compute.einheiten import GELD, EinheitFehler, dim_text
from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.formelnamen import figur, namenswert
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.problems import Problem, Where
from vorlagen.load.haushalt import SYSTEM_PLAENE, Haushalt
from vorlagen.load.haushaltsposition import Position
from vorlagen.load.records import LineDict, suggest

_GETIPPT = re.compile(r"[-+−]?\s*[\d.,]+\s*(€|EUR|Euro)?", re.I)
NEU = (
    "tragen Sie die Position in den Haushalt des Jahres ein: mit ihrem Ansatz, oder mit „ansatz: 0“, wenn dort nichts "
    "veranschlagt ist (dann ist der Betrag außerplanmäßig)."
)
EINSPARUNG = (
    "eine Einsparung braucht Mittel, die der Haushalt des Jahres dort veranschlagt: tragen Sie die Position mit ihrem "
    "Ansatz und dem schon Gebundenen ein."
)
MEHRERTRAG = "für Mehrerträge tragen Sie die Ertragsposition dort mit „ertrag: true“ und ihrer „prognose“ ein."


class Leser:
    """Reads the named amounts of one Vorlage."""

    def __init__(self, names: dict, figures: dict, zahlformat: Zahlformat, defined: AbstractSet[str] = frozenset()):
        self.names, self.figures = names, figures
        self.zahlformat = zahlformat  # the house's: amounts in its messages
        self.defined = defined  # ids of the Vorlage's figures: one that failed has its problem listed already

    def betrag(self, text: str, where: Where, was: str, deckung: bool = False) -> tuple[Fraction | None, list[Problem]]:
        """The amount the figure named `text` holds, in euros; None with its problem (none: the figure's own
        problem is listed already). `deckung`: the amount of a Deckung (its message says what a Deckung is)."""
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
            rat = (
                f"eine Deckung nennt die Einsparung oder den Mehrertrag selbst, ohne Minus ({self.zahlformat.geld(-value)}, nicht "
                f"{self.zahlformat.geld(value)}): ändern Sie die Formel von „{text}“."
                if deckung
                else "Beträge stehen hier ohne Minus; Einsparungen und Mehrerträge gehören unter „deckung“."
            )
            return None, [Problem(where, f"{was}: „{text}“ ist negativ ({self.zahlformat.geld(value)}) – {rat}")]
        return value, []


def zeile(jahre: Mapping[str, object], jahr: str) -> Where:
    """The line of a year's amount (`jahre` is read from YAML and knows its lines)."""
    assert isinstance(jahre, LineDict)
    return jahre.lines[jahr]


def kein_haushalt(haushalte: dict[int, Haushalt], jahr: int) -> str:
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


def position(
    haushalte: dict[int, Haushalt],
    jahr: int,
    konto: str,
    plan: str | None,
    where: Where,
    neu: str = NEU,
    standard: int = 0,
) -> tuple[Position | None, list[Problem]]:
    """The Position of a year's Haushalt, or a problem: the year has no Haushalt, or the Position is not in it – then
    where it is instead (another plan of that year, other years) and only what would be right (`neu`: how to add a
    Position the year's Haushalt does not list). Without `plan`: the system's plan number `standard` (0:
    Ergebnisplan or Verwaltungshaushalt, 1: Finanzplan or Vermögenshaushalt)."""
    haushalt = haushalte.get(jahr)
    if haushalt is None:
        return None, [Problem(where, kein_haushalt(haushalte, jahr))]
    gesucht = plan if plan is not None else SYSTEM_PLAENE[haushalt.buchfuehrung][standard]
    found = next((p for p in haushalt.positionen if p.konto == konto and p.plan == gesucht), None)
    if found is not None:
        return found, []
    datei = f"haushalt/{jahr}.yaml"
    andere = [p.plan for p in haushalt.positionen if p.konto == konto]
    if andere:
        wie = "ohne „plan“ liest die Vorlage den " + gesucht if plan is None else f"die Vorlage nennt „plan: {plan}“"
        return None, [
            Problem(
                where,
                f"„{konto}“ steht nicht im {gesucht} des Haushalts {jahr}, sondern im {' und im '.join(map(str, andere))} "
                f"({datei}) – {wie}: schreiben Sie „plan: {andere[0]}“ zur Position der Vorlage, wenn der Betrag dort "
                "gebucht wird.",
            )
        ]
    jahre = sorted(j for j, h in haushalte.items() if j != jahr and any(p.konto == konto for p in h.positionen))
    if jahre:
        return None, [Problem(where, _anderes_jahr(haushalte, jahr, jahre, konto, gesucht, neu))]
    hint = suggest(konto, [p.konto for p in haushalt.positionen if p.plan == gesucht])
    return None, [
        Problem(
            where,
            f"„{konto}“ steht nicht im {gesucht} des Haushalts {jahr} ({datei}) und in keinem anderen Haushalt"
            f"{hint + ' P' if hint else ' – p'}rüfen Sie die Nummer; {neu}",
        )
    ]


def _anderes_jahr(haushalte: dict[int, Haushalt], jahr: int, jahre: list[int], konto: str, plan: str, neu: str) -> str:
    """A Position the year's Haushalt does not list, but other years' do: which, in which plan, and what to do."""
    wo = ", ".join(
        f"{j} ({', '.join(str(p.plan) for p in haushalte[j].positionen if p.konto == konto)})" for j in jahre
    )
    return (
        f"„{konto}“ steht nicht im Haushalt {jahr} (haushalt/{jahr}.yaml), aber im Haushalt {wo} – prüfen Sie das "
        f"Jahr; gilt der Betrag {jahr}, {neu}"
    )
