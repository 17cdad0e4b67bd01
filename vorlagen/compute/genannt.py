"""An über- or außerplanmäßiger Betrag the Vorlage states as a figure of its own – the overrun the Kämmerei reports –
where the Haushalt's Ansatz and the whole Bedarf are not at hand (Wernigerode: „überplanmäßige Auszahlung 2024:
170.000 €“). The route takes the amount as stated and checks what it can: the Position is in the Haushalt and spends,
lies in no Deckungskreis, and – where the Haushalt knows the Ansatz – is über- or außerplanmäßig as stated; what it
cannot check it says (`ungeprueft`)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from vorlagen.compute.deckungskreis import AUSSER, UEBER
from vorlagen.compute.haushaltsposition import Leser, position, zeile
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.auswirkungen import Haushaltsbetrag
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position

# plan → what an amount of it is, as Vorlagen say it: überplanmäßige Auszahlung, außerplanmäßige Aufwendung
BETRAGSWORT = {
    "Ergebnisplan": "Aufwendung",
    "Finanzplan": "Auszahlung",
    "Verwaltungshaushalt": "Ausgabe",
    "Vermögenshaushalt": "Ausgabe",
}


@dataclass
class Genannt:
    """An über- or außerplanmäßiger Betrag of one Position in one Haushaltsjahr, as the Vorlage states it."""

    jahr: int
    position: Position
    art: str  # überplanmäßig or außerplanmäßig, as stated
    betrag: Fraction
    name: str  # the figure it was read from
    where: Where  # the line of its amount

    @property
    def wort(self) -> str:
        """'überplanmäßige Auszahlung', 'außerplanmäßige Aufwendung'."""
        return f"{self.art}e {BETRAGSWORT[str(self.position.plan)]}"

    @property
    def satzanfang(self) -> str:
        """'Überplanmäßige Auszahlung': the word at the start of a line."""
        return self.wort[0].upper() + self.wort[1:]


def genannte(
    eintrag: Haushaltsbetrag, haushalte: dict[int, Haushalt], leser: Leser
) -> tuple[list[Genannt], list[Problem], list[str], set[int]]:
    """The stated amounts of one entry of `positionen` (ueberplanmaessig or ausserplanmaessig), their problems, what
    could not be checked, and the years that could not be read."""
    art, jahre = (UEBER, eintrag.ueberplanmaessig) if eintrag.ueberplanmaessig else (AUSSER, eintrag.ausserplanmaessig)
    result, problems, ungeprueft, unvollstaendig = [], [], [], set()
    for jahr_text, name in jahre.items():
        where, jahr = zeile(jahre, jahr_text), int(jahr_text)
        betrag, found = leser.betrag(name, where, f"{art.capitalize()}er Betrag {jahr} für „{eintrag.konto}“")
        problems += found
        stelle, found = position(haushalte, jahr, eintrag.konto, eintrag.plan, where)
        problems += found
        if stelle is not None:
            found = _passt(stelle, art, jahr, where, eintrag, leser.zahlformat)
            problems += found
            stelle = None if found else stelle
        if betrag is not None and betrag == 0:
            problems.append(
                Problem(
                    where,
                    f"Der {art}e Betrag {jahr} für „{eintrag.konto}“ („{name}“) ist 0 € – nennen Sie hier den Betrag, "
                    "den der Plan nicht trägt, oder streichen Sie das Jahr.",
                )
            )
            betrag = None
        if betrag is None or stelle is None:
            unvollstaendig.add(jahr)
            continue
        g = Genannt(jahr, stelle, art, betrag, name, where)
        result.append(g)
        ungeprueft.append(_nicht_geprueft(g, leser.zahlformat))
    return result, problems, ungeprueft, unvollstaendig


def _passt(
    stelle: Position, art: str, jahr: int, where: Where, eintrag: Haushaltsbetrag, zahlformat: Zahlformat
) -> list[Problem]:
    """Why a stated amount cannot be at this Position: an Ertrag position, a line of a Deckungskreis (its overrun
    counts for the whole circle), or an Ansatz the Haushalt knows that says otherwise than the stated kind."""
    geld = zahlformat.geld
    datei = f"haushalt/{jahr}.yaml"
    schluessel = "ueberplanmaessig" if art == UEBER else "ausserplanmaessig"
    if stelle.ertrag:
        return [
            Problem(
                where,
                f"„{eintrag.konto}“ ist im Haushalt {jahr} eine Ertragsposition ({datei}: „ertrag: true“) – über- und "
                "außerplanmäßige Beträge stehen bei einer Position ohne „ertrag“; Mehrerträge nennen Sie unter "
                "„deckung“ mit „art: Mehrertrag“.",
            )
        ]
    if stelle.deckungskreis is not None:
        return [
            Problem(
                where,
                f"„{eintrag.konto}“ liegt im Deckungskreis „{stelle.deckungskreis}“ ({datei}) – dort zählt die "
                "Überschreitung des ganzen Kreises: nennen Sie unter „jahre“ den ganzen Betrag der Position statt "
                f"„{schluessel}“.",
            )
        ]
    if stelle.ansatz is None:
        return []
    hat = exact(stelle.mittel) > 0
    if art == AUSSER and hat:
        was = " + ".join(f"{label} {geld(Fraction(wert))}" for label, wert in stelle.mittel_teile if wert)
        return [
            Problem(
                where,
                f"Außerplanmäßig heißt: der Plan veranschlagt bei der Position nichts – für „{eintrag.konto}“ nennt der "
                f"Haushalt {jahr} aber {was} ({datei}): ist der Betrag überplanmäßig, schreiben Sie "
                "„ueberplanmaessig“ statt „ausserplanmaessig“; sonst prüfen Sie den Haushalt.",
            )
        ]
    if art == UEBER and not hat:
        return [
            Problem(
                where,
                f"Überplanmäßig heißt: der Plan veranschlagt bei der Position etwas, nur nicht genug – für "
                f"„{eintrag.konto}“ nennt der Haushalt {jahr} aber „ansatz: 0“ ({datei}): ist der Betrag "
                "außerplanmäßig, schreiben Sie „ausserplanmaessig“ statt „ueberplanmaessig“; sonst tragen Sie den "
                "Ansatz ein.",
            )
        ]
    return []


def _nicht_geprueft(g: Genannt, zahlformat: Zahlformat) -> str:
    """What the route cannot check of a stated amount."""
    geld = zahlformat.geld
    konto = f"„{g.position.konto}“ {g.jahr}"
    if g.position.ansatz is None:
        return (
            f"ob der Plan bei {konto} die {g.wort} von {geld(g.betrag)} nicht trägt und ob sie {g.art} ist – die "
            "Vorlage nennt den Betrag, wie die Kämmerei ihn nennt; Ansatz und ganzen Betrag nennen die Daten nicht "
            f"(haushalt/{g.jahr}.yaml: „ansatz: ~“)"
        )
    return (
        f"ob der Plan bei {konto} die {g.wort} von {geld(g.betrag)} nicht trägt – die Vorlage nennt den Betrag, wie "
        f"die Kämmerei ihn nennt, den ganzen Betrag aber nicht (Ansatz {geld(exact(g.position.ansatz))})"
    )
