"""Finanzielle Auswirkungen from the Haushalt: Mittel vorhanden, über-/außerplanmäßige Beträge, Deckung.

Per Position and Haushaltsjahr: Mehrbedarf = Betrag − (Ansatz − gebunden), never below zero; with Ansatz 0 the
amount is außerplanmäßig, otherwise überplanmäßig. Amounts are named figures of the Vorlage's ledger, read
exactly (Fractions). The budget-law checks are German problems at the line that causes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.einheiten import GELD, EinheitFehler, dim_text
from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.kennzahlen import namenswert
from vorlagen.compute.offen import TERMIN_OFFEN
from vorlagen.core.fmt import eur, eur_cent
from vorlagen.core.money import CENT, EURO, exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.haushalt import FinanzielleAuswirkungen, Haushalt, Position
from vorlagen.load.records import suggest

UEBER, AUSSER = "überplanmäßig", "außerplanmäßig"
_GETIPPT = re.compile(r"[-+−]?\s*[\d.,]+\s*(€|EUR|Euro)?", re.I)


def geld(value: Fraction) -> str:
    """An amount as printed: whole euros, or with cents where it has some."""
    return eur(value) if exact(value).denominator == 1 else eur_cent(value)


@dataclass
class Zeile:
    """One Position in one Haushaltsjahr."""

    jahr: int
    position: Position
    betrag: Fraction
    verfuegbar: Fraction  # Ansatz − gebunden
    mehrbedarf: Fraction  # what the plan does not hold, ≥ 0
    name: str  # the figure it was read from

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
    jahr: int
    art: str  # Einsparung or Mehrertrag
    konto: str
    bezeichnung: str | None
    betrag: Fraction
    verfuegbar: Fraction | None  # for an Einsparung: what the source Position has left
    position_art: str | None = None  # Produkt, Kostenstelle … when the Position is in the Haushalt


@dataclass
class Auswirkungen:
    """The computed Finanzielle Auswirkungen of one Vorlage."""

    keine: bool
    rechtsgrundlage: str
    zeilen: list[Zeile] = field(default_factory=list)
    deckung: list[Deckungszeile] = field(default_factory=list)
    dauer: str | None = None
    anlagevermoegen: bool | None = None
    folgekosten: str | None = None  # as printed

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


@dataclass(frozen=True)
class Wirkung:
    """What sign-offs and checks ask of a Vorlage's finances."""

    auswirkungen: bool  # the Vorlage has financial effect
    ueber_ausserplanmaessig: bool  # it has an über- or außerplanmäßige amount


def finanzielle_wirkung(auswirkungen: Auswirkungen | None, tabellen: int, text: bool) -> Wirkung:
    """Whether a Vorlage has financial effect and an über-/außerplanmäßige amount. With the data form, its
    Positionen say so; in the old form (a Markdown file) any Berechnung or text counts as an effect."""
    if auswirkungen is None:
        return Wirkung(bool(tabellen) or text, False)
    return Wirkung(not auswirkungen.keine, bool(auswirkungen.mehrbedarf))


class _Leser:
    """Reads the named amounts of one Vorlage, collecting problems."""

    def __init__(self, names: dict, figures: dict, problems: list[Problem]):
        self.names, self.figures, self.problems = names, figures, problems

    def betrag(self, text: str, where: Where, was: str) -> Fraction | None:
        if _GETIPPT.fullmatch(text.strip()):
            self.problems.append(Problem(where, f"{was}: „{text}“ ist eine getippte Zahl – Beträge sind Zahlen des "
                                                "Hauptbuchs: legen Sie unter „zahlen“ eine Zahl mit Formel an und "
                                                "nennen Sie hier ihren Namen."))
            return None
        try:
            tree = lesen(text)
            if not isinstance(tree, Name):
                raise FormelFehler(f"„{text}“ ist eine Rechnung – legen Sie sie unter „zahlen“ als Formel an und "
                                   "nennen Sie hier ihren Namen.")
            value, dimension = namenswert(tree.pfad, self.names, self.figures)
        except (FormelFehler, EinheitFehler) as error:
            self.problems.append(Problem(where, f"{was}: {error}"))
            return None
        if dimension != GELD:
            self.problems.append(Problem(where, f"{was}: „{text}“ ist {dim_text(dimension)}, kein Betrag in Euro – "
                                                "nennen Sie eine Zahl in €."))
            return None
        if value < 0:
            self.problems.append(Problem(where, f"{was}: „{text}“ ist negativ ({geld(value)}) – Beträge stehen hier "
                                                "ohne Minus; Einsparungen und Mehrerträge gehören unter „deckung“."))
            return None
        return value


def _position(haushalte: dict[int, Haushalt], jahr: int, konto: str, plan: str, where: Where,
              problems: list[Problem]) -> Position | None:
    """The Position of a year's Haushalt, or a problem: the year has no Haushalt, or the Position is not in it."""
    haushalt = haushalte.get(jahr)
    if haushalt is None:
        vorhanden = f"vorhanden: {', '.join(map(str, sorted(haushalte)))}" if haushalte else "es gibt noch keinen"
        problems.append(Problem(where, f"Für {jahr} gibt es keinen Haushalt (haushalt/{jahr}.yaml; {vorhanden}) – "
                                       "Verpflichtungen zu Lasten späterer Jahre brauchen eine "
                                       "Verpflichtungsermächtigung im Haushalt des laufenden Jahres: prüfen Sie, ob er "
                                       f"eine ausweist, und legen Sie haushalt/{jahr}.yaml mit den Ansätzen der "
                                       "Finanzplanung an."))
        return None
    position = next((p for p in haushalt.positionen if p.konto == konto and p.plan == plan), None)
    if position is None:
        konten = [p.konto for p in haushalt.positionen if p.plan == plan]
        hint = suggest(konto, konten)
        problems.append(Problem(where, f"„{konto}“ steht nicht im {plan} des Haushalts {jahr} (haushalt/{jahr}.yaml)"
                                       f"{hint + ' P' if hint else ' – p'}rüfen Sie die Nummer; für eine "
                                       "außerplanmäßige Aufwendung tragen Sie die Position dort mit „ansatz: 0“ ein."))
    return position


def auswirkungen(daten: FinanzielleAuswirkungen, haushalte: dict[int, Haushalt], names: dict, figures: dict,
                 rechtsgrundlage: str, problems: list[Problem]) -> Auswirkungen | None:
    """Computes the Finanzielle Auswirkungen of one Vorlage; None when a problem stops it."""
    found: list[Problem] = []
    leser = _Leser(names, figures, found)
    result = Auswirkungen(daten.keine, rechtsgrundlage, dauer=daten.dauer, anlagevermoegen=daten.anlagevermoegen)
    for eintrag in daten.positionen:
        for jahr_text, name in eintrag.jahre.items():
            where, jahr = eintrag.jahre.lines[jahr_text], int(jahr_text)
            betrag = leser.betrag(name, where, f"Betrag {jahr} für „{eintrag.konto}“")
            position = _position(haushalte, jahr, eintrag.konto, eintrag.plan, where, found)
            if betrag is None or position is None:
                continue
            verfuegbar = exact(position.ansatz) - exact(position.gebunden)
            result.zeilen.append(Zeile(jahr, position, betrag, verfuegbar, max(Fraction(0), betrag - verfuegbar), name))
    konten = {(e.konto, e.plan) for e in daten.positionen}
    for eintrag in daten.deckung:
        for jahr_text, name in eintrag.jahre.items():
            where, jahr = eintrag.jahre.lines[jahr_text], int(jahr_text)
            betrag = leser.betrag(name, where, f"Deckung {jahr} durch „{eintrag.konto}“")
            if eintrag.art == "Mehrertrag":
                haushalt = haushalte.get(jahr)
                position = next((p for p in haushalt.positionen if p.konto == eintrag.konto), None) if haushalt else None
                if betrag is not None:
                    result.deckung.append(Deckungszeile(jahr, eintrag.art, eintrag.konto,
                                                        position.bezeichnung if position else None, betrag, None,
                                                        position.art if position else None))
                continue
            if (eintrag.konto, eintrag.plan) in konten:
                found.append(Problem(eintrag.where("konto"), f"„{eintrag.konto}“ ist die Position, der die Mittel "
                                                             "fehlen – eine Einsparung muss bei einer anderen Position "
                                                             "liegen."))
                break
            position = _position(haushalte, jahr, eintrag.konto, eintrag.plan, where, found)
            if betrag is None or position is None:
                continue
            verfuegbar = exact(position.ansatz) - exact(position.gebunden)
            if betrag > verfuegbar:
                found.append(Problem(where, f"Die Einsparung {jahr} bei „{eintrag.konto}“ ({geld(betrag)}) ist mehr, als "
                                            f"dort verfügbar ist ({geld(verfuegbar)} = Ansatz {geld(position.ansatz)} "
                                            f"− gebunden {geld(position.gebunden)}) – verringern Sie sie oder decken "
                                            "Sie den Rest anders."))
            result.deckung.append(Deckungszeile(jahr, eintrag.art, eintrag.konto, position.bezeichnung, betrag,
                                                verfuegbar, position.art))
    if daten.folgekosten is not None:
        if daten.folgekosten.strip().lower() == "keine":
            result.folgekosten = "keine"
        else:
            value = leser.betrag(daten.folgekosten, daten.where("folgekosten"), "Folgekosten")
            result.folgekosten = f"{geld(value)} jährlich" if value is not None else None
    problems += found
    if found:
        return None
    problems += _deckung_reicht(result, daten, rechtsgrundlage)
    return result


def _deckung_reicht(result: Auswirkungen, daten: FinanzielleAuswirkungen, rechtsgrundlage: str) -> list[Problem]:
    """Each year's Mehrbedarf must be covered by that year's Deckung."""
    problems = []
    for jahr, mehrbedarf in result.mehrbedarf.items():
        deckung = sum((d.betrag for d in result.deckung if d.jahr == jahr), Fraction(0))
        if deckung == 0:
            problems.append(Problem(daten.where("positionen"), f"Der {result.wort(jahr)} Betrag {jahr} ({geld(mehrbedarf)}) hat "
                                                               f"keine Deckung – nach {rechtsgrundlage} muss sie "
                                                               "gewährleistet sein; nennen Sie unter „deckung“ eine "
                                                               "Einsparung bei einer anderen Position oder Mehrerträge."))
        elif deckung < mehrbedarf:
            problems.append(Problem(daten.where("deckung"), f"Die Deckung {jahr} ({geld(deckung)}) reicht nicht für den "
                                                            f"{result.wort(jahr, 'en')} Betrag ({geld(mehrbedarf)}) – es fehlen "
                                                            f"{geld(mehrbedarf - deckung)}; ergänzen Sie unter "
                                                            "„deckung“ Einsparungen oder Mehrerträge."))
    return problems


def check_gremium(result: Auswirkungen, haushalte: dict[int, Haushalt], letzte: tuple[str, str | None] | None,
                  gremien: dict[str, str], where: Where) -> list[Problem]:
    """Above the Haushaltssatzung's threshold, the deciding Gremium must decide first: the Beratungsfolge ends with
    it. `letzte`: (Gremium id, Sitzung id or None while its Termin is open) of the last Beratung, None without one;
    `gremien`: id → name."""
    problems = []
    for jahr, mehrbedarf in result.mehrbedarf.items():
        haushalt = haushalte[jahr]
        if mehrbedarf <= exact(haushalt.erheblich) or (letzte is not None and letzte[0] == haushalt.entscheidet):
            continue
        name = gremien.get(haushalt.entscheidet, haushalt.entscheidet)
        termin = (f"Sitzung {letzte[1]}" if letzte[1] else TERMIN_OFFEN) if letzte else ""
        endet = (f"die Beratungsfolge endet aber mit „{gremien.get(letzte[0], letzte[0])}“ ({termin})"
                 if letzte else "die Vorlage hat aber keine Beratungsfolge")
        satzung = f", {haushalt.satzung}" if haushalt.satzung else ""
        problems.append(Problem(where, f"Der {result.wort(jahr)} Betrag {jahr} ({geld(mehrbedarf)}) liegt über der "
                                       f"Erheblichkeitsgrenze von {geld(exact(haushalt.erheblich))} (haushalt/{jahr}.yaml"
                                       f"{satzung}) – darüber muss nach {result.rechtsgrundlage} vorher das Gremium "
                                       f"„{name}“ entscheiden; {endet}. Nehmen Sie eine Sitzung dieses Gremiums als "
                                       "letzte in die Beratungsfolge auf."))
    return problems
