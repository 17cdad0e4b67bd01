"""Finanzielle Auswirkungen from the Haushalt: Mittel vorhanden, über-/außerplanmäßige Beträge, Deckung,
Deckungskreise and Verpflichtungsermächtigungen (each source of the Deckung is read in compute/deckungsquellen.py).

Per Position and Haushaltsjahr: Mehrbedarf = Betrag − (Ansatz − gebunden), never below zero; with Ansatz 0 the
amount is außerplanmäßig, otherwise überplanmäßig. A Position in a Deckungskreis counts with its circle: the
circle's overrun is the Mehrbedarf (compute/deckungskreis.py). A Deckung reads what its Position has left: Ansatz −
gebunden at an Aufwand position, the expected Mehrertrag (prognose − Ansatz − gebunden) at an Ertrag position; its
amount may name the computed Mehrbedarf (haushalt.mehrbedarf.2022). Amounts are named figures of the Vorlage's
ledger, read exactly (Fractions); the budget-law checks live in compute/haushaltsrecht.py.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.deckungskreis import AUSSER, UEBER, Kreis, kreisjahr, setze
from vorlagen.compute.deckungsquellen import Deckungszeile, deckungen
from vorlagen.compute.genannt import Genannt, genannte
from vorlagen.compute.haushaltsposition import Leser, position, zeile
from vorlagen.compute.haushaltsstand import positionsstaende
from vorlagen.compute.names import Named, Names
from vorlagen.compute.offen import OFFEN
from vorlagen.compute.verpflichtung import VE, verpflichtungen
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import CENT, EURO, exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.auswirkungen import FinanzielleAuswirkungen, Haushaltsbetrag
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position

__all__ = ["AUSSER", "UEBER", "Auswirkungen", "Zeile", "auswirkungen"]


@dataclass
class Zeile:
    """One Position in one Haushaltsjahr."""

    jahr: int
    position: Position
    betrag: Fraction
    verfuegbar: Fraction  # Ansatz − gebunden
    mehrbedarf: Fraction  # what the plan does not hold, ≥ 0 (in a Deckungskreis: the circle's counts instead)
    name: str  # the figure it was read from
    where: Where | None = None  # the line of its amount

    @property
    def kreis(self) -> str | None:
        return self.position.deckungskreis

    @property
    def mittel_vorhanden(self) -> bool:
        return self.mehrbedarf == 0

    @property
    def art(self) -> str | None:
        """überplanmäßig, außerplanmäßig (no Ansatz) or None (the plan holds it)."""
        if self.mehrbedarf == 0:
            return None
        p = self.position
        return AUSSER if p.ansatz == 0 and not p.reste else UEBER

    @property
    def mittel_neu(self) -> Fraction:
        """„(neu) zur Verfügung stehende Haushaltsmittel“: Ansatz + Reste + bereitgestellt + the Mehrbedarf."""
        return exact(self.position.mittel) + self.mehrbedarf

    @property
    def formular(self) -> bool:
        """Printed line by line (Braunschweig's form) where the Position states its Reste or earlier
        Bereitstellungen and the amount needs more than the plan holds."""
        return bool(self.art) and (self.position.reste is not None or self.position.bereitgestellt is not None)


@dataclass
class Auswirkungen(Named):
    """The computed Finanzielle Auswirkungen of one Vorlage; texts and figures read haushalt.mehrbedarf.2022,
    haushalt.deckung.2022, haushalt.kreise.<id>.ueberschreitung.2022, haushalt.ve.<id>.betrag."""

    NAME = "haushalt"

    keine: bool
    rechtsgrundlage: str
    entscheidung: str = ""  # who decides below the threshold, as the Land says it: die Zustimmung des Kämmerers
    ve_recht: str = ""  # the legal basis of Verpflichtungsermächtigungen
    zeilen: list[Zeile] = field(default_factory=list)
    genannt: list[Genannt] = field(default_factory=list)  # über-/außerplanmäßige amounts as the Vorlage states them
    deckungen: list[Deckungszeile] = field(default_factory=list)
    kreise: dict[str, Kreis] = field(default_factory=dict)
    ve: dict[str, VE] = field(default_factory=dict)
    dauer: str | None = None
    anlagevermoegen: bool | None = None
    folgekosten: str | None = None  # as printed
    unvollstaendig: set[int] = field(default_factory=set)  # years with an amount that could not be read
    offen: list[tuple[str, str]] = field(default_factory=list)  # facts still open: (as printed, where to state it)
    ungeprueft: list[str] = field(default_factory=list)  # what the checks could not check, and why
    grenze_offen: set[int] = field(default_factory=set)  # years whose threshold is open: so is who decides
    zustaendig: dict[int, str] = field(default_factory=dict)  # years without a threshold: the Gremium's own law
    ueber_grenze: dict[int, str | None] = field(
        default_factory=dict
    )  # years above it: the deciding Gremium (None: open)
    landesangaben: list[str] = field(default_factory=list)  # the fields of the Land table this Vorlage prints
    worte: dict[str, str] = field(default_factory=dict)  # plan → the Land's word for it (Finanzplan → Finanzhaushalt)
    cent: bool = False  # the Hausstil prints the block's amounts with cents (finanzen: cent)
    restewort: str | None = None  # the Hausstil's word for Reste (finanzen: beschriftung: reste)
    quellen: dict[str, Where] = field(default_factory=dict, compare=False)  # table → its key in vorlage.yaml

    @property
    def noch_offen(self) -> str:
        return OFFEN

    @property
    def offen_gedruckt(self) -> list[str]:
        """What is still open, each once (the sources of four Deckungen of a year are one „Quelle der Deckung“)."""
        return list(dict.fromkeys(was for was, _ in self.offen))

    @property
    def einzeln(self) -> list[Zeile]:
        """The amounts at Positionen outside any Deckungskreis (their own Mehrbedarf counts)."""
        return [z for z in self.zeilen if z.kreis is None]

    @property
    def positionen(self) -> Names:
        """The Positions the block reads, quotable by name: haushalt.positionen["konto"].ansatz[2023] …"""
        gelesen = [(z.jahr, z.position) for z in self.zeilen] + [(g.jahr, g.position) for g in self.genannt]
        gelesen += [(d.jahr, d.position) for d in self.deckungen if d.position is not None]
        gelesen += [(j, kz.position) for k in self.kreise.values() for j, kj in k.jahre.items() for kz in kj.zeilen]
        gelesen += [(ve.jahr, p) for ve in self.ve.values() for p in [ve.position, *(d.position for d in ve.deckungen)]]
        return positionsstaende(gelesen)

    @property
    def mittel_vorhanden(self) -> bool:
        return not self.mehrbedarf

    @property
    def mehrbedarf(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr with a Mehrbedarf: its sum over the Positionen and Deckungskreise."""
        result: dict[int, Fraction] = {}
        for jahr, betrag in (
            [(z.jahr, z.mehrbedarf) for z in self.einzeln]
            + [(jahr, kj.ueberschreitung) for k in self.kreise.values() for jahr, kj in k.jahre.items()]
            + [(g.jahr, g.betrag) for g in self.genannt]
        ):
            if betrag:
                result[jahr] = result.get(jahr, Fraction(0)) + betrag
        return dict(sorted(result.items()))

    def _je_jahr(self, wert: Callable[[Zeile], Fraction | None]) -> dict[int, Fraction]:
        result: dict[int, Fraction] = {}
        for z in self.einzeln:
            v = wert(z)
            if v is not None:
                result[z.jahr] = result.get(z.jahr, Fraction(0)) + v
        return dict(sorted(result.items()))

    @property
    def reste(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr: the Haushaltsreste of its Positionen outside a Deckungskreis that state them."""
        return self._je_jahr(lambda z: None if z.position.reste is None else exact(z.position.reste))

    @property
    def bereitgestellt(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr: what was already bereitgestellt at its Positionen that state it."""
        return self._je_jahr(lambda z: None if z.position.bereitgestellt is None else exact(z.position.bereitgestellt))

    @property
    def mittel_neu(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr with a form line: „(neu) zur Verfügung stehende Haushaltsmittel“ of those Positionen."""
        return self._je_jahr(lambda z: z.mittel_neu if z.formular else None)

    @property
    def formular(self) -> list[Zeile]:
        return [z for z in self.einzeln if z.formular]

    def restename(self, z: Zeile) -> str:
        """Haushaltsreste (kameral) or Ermächtigungsübertragungen (doppisch), or the Hausstil's word."""
        if self.restewort:
            return self.restewort
        return (
            "Haushaltsreste"
            if z.position.plan in ("Verwaltungshaushalt", "Vermögenshaushalt")
            else ("Ermächtigungsübertragungen")
        )

    @property
    def deckung(self) -> dict[int, Fraction]:
        """Per Haushaltsjahr: the sum of its Deckungen."""
        result: dict[int, Fraction] = {}
        for d in self.deckungen:
            result[d.jahr] = result.get(d.jahr, Fraction(0)) + d.betrag
        return dict(sorted(result.items()))

    @property
    def jahre(self) -> list[int]:
        return sorted({z.jahr for z in self.zeilen} | {g.jahr for g in self.genannt} | {d.jahr for d in self.deckungen})

    @property
    def quantum(self) -> Decimal:
        """Whole euros, or cents when any amount of the block has cents (one precision for the whole block)."""
        values = [v for z in self.zeilen for v in (z.betrag, z.position.ansatz or 0, z.position.gebunden)]
        values += [kz.position.ansatz or 0 for k in self.kreise.values() for kj in k.jahre.values() for kz in kj.zeilen]
        values += [d.betrag for d in self.deckungen] + [v.betrag for v in self.ve.values()]
        values += [g.betrag for g in self.genannt]
        values += [exact(z.position.mittel) for z in self.formular]
        return CENT if self.cent or any(exact(v).denominator != 1 for v in values) else EURO

    def arten(self, jahr: int) -> set[str]:
        """überplanmäßig and/or außerplanmäßig: what the Mehrbedarf of a year is."""
        arten = {z.art for z in self.einzeln if z.jahr == jahr and z.art}
        arten |= {kj.art for k in self.kreise.values() for j, kj in k.jahre.items() if j == jahr and kj.art}
        arten |= {g.art for g in self.genannt if g.jahr == jahr}
        return arten

    def wort(self, jahr: int, endung: str = "e") -> str:
        """'überplanmäßige', 'außerplanmäßige' or 'über- und außerplanmäßige' for the amounts of a year
        (`endung` 'en' after „den“)."""
        arten = self.arten(jahr)
        return f"über- und außerplanmäßig{endung}" if len(arten) > 1 else f"{arten.pop() if arten else UEBER}{endung}"

    def planwort(self, plan: str) -> str:
        """The plan as the Land calls it: Finanzplan → Finanzhaushalt in Niedersachsen."""
        return self.worte.get(plan, plan)


def auswirkungen(
    daten: FinanzielleAuswirkungen,
    haushalte: dict[int, Haushalt],
    names: dict,
    figures: dict,
    rechtsgrundlage: str,
    zahlformat: Zahlformat,
    defined: AbstractSet[str] = frozenset(),
) -> tuple[Auswirkungen, list[Problem]]:
    """Computes the Finanzielle Auswirkungen of one Vorlage. An amount that cannot be read is a problem and leaves
    its year in `.unvollstaendig`; everything else is still computed, so every check can run
    (docs/entwicklung/grundsaetze.md, Grundsatz 3).
    `figures`: the computed figures of the Vorlage, `defined`: the ids of all of them; amounts in messages as
    `zahlformat` prints them."""
    problems: list[Problem] = []
    leser = Leser(names, figures, zahlformat, defined)
    result = Auswirkungen(daten.keine, rechtsgrundlage, dauer=daten.dauer, anlagevermoegen=daten.anlagevermoegen)
    result.quellen = {tabelle: daten.where(tabelle) for tabelle in ("positionen", "deckung")}  # for the layout check
    for eintrag in daten.positionen:
        problems += _betraege(eintrag, haushalte, leser, result)
    leser.names = {**names, "haushalt": result}  # a Deckung may name the computed Mehrbedarf
    gelesen = deckungen(daten.deckung, haushalte, leser, zahlformat, result.deckungen)
    result.unvollstaendig |= gelesen.unvollstaendig
    result.offen += gelesen.offen
    result.ungeprueft += gelesen.ungeprueft
    problems += gelesen.problems
    result.ve, found = verpflichtungen(daten.verpflichtungsermaechtigungen, haushalte, leser)
    problems += found
    if daten.folgekosten is not None:
        if daten.folgekosten.strip().lower() == "keine":
            result.folgekosten = "keine"
        else:
            kosten, found = leser.betrag(daten.folgekosten, daten.where("folgekosten"), "Folgekosten")
            problems += found
            result.folgekosten = f"{zahlformat.geld(kosten)} jährlich" if kosten is not None else None
    return result, problems


def _betraege(
    eintrag: Haushaltsbetrag, haushalte: dict[int, Haushalt], leser: Leser, result: Auswirkungen
) -> list[Problem]:
    """The amounts of one entry of `positionen` into `result`: the whole amount per year (`jahre`), or the overrun
    as the Kämmerei states it (compute/genannt.py); the problems of reading them."""
    if not eintrag.jahre:
        genannt, problems, ungeprueft, unvollstaendig = genannte(eintrag, haushalte, leser)
        result.genannt += genannt
        result.ungeprueft += ungeprueft
        result.unvollstaendig |= unvollstaendig
        return problems
    problems = []
    for jahr_text, name in eintrag.jahre.items():
        where, jahr = zeile(eintrag.jahre, jahr_text), int(jahr_text)
        betrag, found = leser.betrag(name, where, f"Betrag {jahr} für „{eintrag.konto}“")
        problems += found
        stelle, found = _ausgabeposition(haushalte, jahr, eintrag.konto, eintrag.plan, where)
        problems += found
        if betrag is None or stelle is None:
            result.unvollstaendig.add(jahr)
            continue
        verfuegbar = exact(stelle.verfuegbar)
        z = Zeile(jahr, stelle, betrag, verfuegbar, max(Fraction(0), betrag - verfuegbar), name, where)
        result.zeilen.append(z)
        if stelle.deckungskreis is not None:
            setze(kreisjahr(result.kreise, haushalte[jahr], jahr, stelle.deckungskreis), stelle, betrag, name)
    return problems


def _ausgabeposition(
    haushalte: dict[int, Haushalt], jahr: int, konto: str, plan: str | None, where: Where
) -> tuple[Position | None, list[Problem]]:
    """The Position an amount is spent at: neither an Ertrag position nor one whose Ansatz is still open."""
    stelle, problems = position(haushalte, jahr, konto, plan, where)
    if stelle is not None and stelle.ertrag:
        return None, [
            Problem(
                where,
                f"„{konto}“ ist im Haushalt {jahr} eine Ertragsposition "
                f"(haushalt/{jahr}.yaml: „ertrag: true“) – Aufwendungen und Auszahlungen "
                "stehen bei einer Position ohne „ertrag“; Mehrerträge nennen Sie unter "
                "„deckung“ mit „art: Mehrertrag“.",
            )
        ]
    if stelle is not None and stelle.ansatz is None:
        return None, [
            Problem(
                where,
                f"Für „{konto}“ nennt der Haushalt {jahr} noch keinen Ansatz (haushalt/{jahr}.yaml: „ansatz: ~“) – "
                "ohne ihn lässt sich nicht rechnen, was der Plan trägt: tragen Sie ihn ein (0, wenn nichts "
                "veranschlagt ist); nennt die Kämmerei den über- oder außerplanmäßigen Betrag selbst, nennen Sie ihn "
                "unter „ueberplanmaessig“ oder „ausserplanmaessig“ statt „jahre“.",
            )
        ]
    return stelle, problems
