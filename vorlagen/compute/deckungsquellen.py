"""The Deckung of a Mehrbedarf, source by source and year by year: its amount, the Position it comes from and what
that Position has left (Ansatz − gebunden at an Aufwand position, the expected Mehrertrag at an Ertrag position), and
what is still open about it – read for compute/haushalt.py, checked in compute/haushaltsrecht.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from vorlagen.compute.haushaltsposition import EINSPARUNG, MEHRERTRAG, Leser, position, zeile
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.auswirkungen import ALLGEMEIN, Deckung
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position

# How Vorlagen name the Deckung's Einsparung and Mehrertrag outside the Ergebnisplan (there: as the Art says)
DECKUNGSWORTE = {
    "Finanzplan": {"Einsparung": "Minderauszahlung", "Mehrertrag": "Mehreinzahlung"},
    "kameral": {"Einsparung": "Minderausgabe", "Mehrertrag": "Mehreinnahme"},
}


@dataclass
class Deckungszeile:
    """One Deckung in one Haushaltsjahr; its source may still be open (no Position)."""

    jahr: int
    art: str | None  # Einsparung or Mehrertrag; None: noch offen
    konto: str | None  # None: noch offen
    plan: str | None
    position: Position | None  # in the Haushalt of its year; None while the source is open
    betrag: Fraction
    verfuegbar: Fraction | None  # what the source has left; None where it is not known
    where: Where  # the line of its amount
    konto_where: Where  # the line of its konto
    name: str = ""  # the figure it was read from

    @property
    def allgemein(self) -> bool:
        """From the allgemeine Deckungsmittel: the budget as a whole, no Position."""
        return self.art == ALLGEMEIN

    @property
    def wort(self) -> str | None:
        """What it is, as Vorlagen say it in its plan: Einsparung and Mehrertrag in the Ergebnisplan, Minderauszahlung
        and Mehreinzahlung in the Finanzplan, Minderausgabe and Mehreinnahme kameral; None while it is open."""
        if self.art is None:
            return None
        plan = "kameral" if self.plan in ("Verwaltungshaushalt", "Vermögenshaushalt") else self.plan or ""
        return DECKUNGSWORTE.get(plan, {}).get(self.art, self.art)


@dataclass
class Deckungen:
    """The Deckungen of one Vorlage as read, with what they leave open and the problems of reading them."""

    zeilen: list[Deckungszeile]
    unvollstaendig: set[int] = field(default_factory=set)  # years with an amount or a source that could not be read
    offen: list[tuple[str, str]] = field(default_factory=list)  # facts still open: (as printed, where to state it)
    ungeprueft: list[str] = field(default_factory=list)  # what the checks cannot check, and why
    problems: list[Problem] = field(default_factory=list)


def deckungen(
    quellen: list[Deckung],
    haushalte: dict[int, Haushalt],
    leser: Leser,
    zahlformat: Zahlformat,
    zeilen: list[Deckungszeile],
) -> Deckungen:
    """Each source of the Deckung (`deckung` in vorlage.yaml) per year: its amount read by `leser` (which may name the
    computed Mehrbedarf), its Position in the Haushalt of its year and what that has left; amounts in messages as
    `zahlformat` prints them. The Deckungszeilen go into `zeilen` as they are read (the Auswirkungen' own list, which
    the names `leser` reads already see)."""
    result = Deckungen(zeilen)
    for quelle in quellen:
        for jahr_text, name in quelle.jahre.items():
            where, jahr = zeile(quelle.jahre, jahr_text), int(jahr_text)
            betrag, found = leser.betrag(
                name, where, f"Deckung {jahr}" + (f" durch „{quelle.konto}“" if quelle.konto else ""), deckung=True
            )
            result.problems += found
            stelle = None
            if quelle.konto is not None:
                neu = MEHRERTRAG if quelle.art == "Mehrertrag" else EINSPARUNG
                stelle, found = position(haushalte, jahr, quelle.konto, quelle.plan, where, neu)
                result.problems += found
            if betrag is None or (quelle.konto is not None and stelle is None):
                result.unvollstaendig.add(jahr)
                continue
            # a Mehrertrag the Kämmerei states where the Haushalt gives no prognose: its amount is the Kämmerei's
            genannt = stelle is not None and stelle.ertrag and quelle.art == "Mehrertrag" and stelle.prognose is None
            frei = (
                exact(stelle.verfuegbar) if stelle is not None and stelle.ansatz is not None and not genannt else None
            )
            standard = haushalte[jahr].standardplan if jahr in haushalte else None  # kameral: Verwaltungshaushalt
            plan = stelle.plan if stelle is not None else quelle.plan or standard
            result.zeilen.append(
                Deckungszeile(
                    jahr, quelle.art, quelle.konto, plan, stelle, betrag, frei, where, quelle.where("konto"), name
                )
            )
            if quelle.konto is None and quelle.art != ALLGEMEIN:  # allgemeine Deckungsmittel name no Position
                fehlt = (
                    f"{quelle.where('art')}: „konto“" if quelle.art else f"{quelle.where('jahre')}: „konto“ und „art“"
                )
                result.offen.append((f"Quelle der Deckung {jahr}", fehlt))
                result.ungeprueft.append(
                    f"ob die Quelle der Deckung {jahr} ({zahlformat.geld(betrag)}) sie hergibt – die Vorlage nennt sie noch nicht"
                )
            elif genannt:
                result.ungeprueft.append(
                    f"ob bei „{quelle.konto}“ {jahr} {zahlformat.geld(betrag)} mehr eingenommen werden – die Vorlage "
                    f"nennt den Betrag, wie die Kämmerei ihn nennt; eine Prognose nennt der Haushalt nicht "
                    f"(haushalt/{jahr}.yaml: „prognose: ~“)"
                )
            elif stelle is not None and stelle.ansatz is None:
                result.offen.append((f"Ansatz von „{quelle.konto}“ {jahr}", f"haushalt/{jahr}.yaml: „ansatz“"))
                result.ungeprueft.append(
                    f"ob bei „{quelle.konto}“ {jahr} {zahlformat.geld(betrag)} frei sind – der Haushalt nennt den Ansatz nicht "
                    f"(haushalt/{jahr}.yaml: „ansatz: ~“)"
                )
    return result
