"""How a named figure prints in its unit, and the value it prints – exactly: what `runden: je_posten` reads, what
`erwartet` is compared with, and the two checks that keep a figure from being printed wrong without a word (a figure
that is not zero never prints as zero; a typed figure never loses digits in print)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.einheiten import SKALA
from vorlagen.core.fmt import NBSP, euro_or_cent, geldeinheit, mio, mrd, prozent, teur, zahl
from vorlagen.core.money import CENT, EURO, Anteil, exact, round_half_up
from vorlagen.load.kennzahlen import GELDEINHEITEN

STELLEN = {"T€": 0, "Mio. €": 2, "Mrd. €": 2}  # decimals a money unit prints unless `stellen` says otherwise


@dataclass(frozen=True)
class Darstellung:
    """How one figure prints: its unit, its rounding step (money, None: not rounded), `stellen` and the
    Körperschaft's places for percentages."""

    einheit: str
    stufe: Decimal | None
    stellen: int | None
    prozent_stellen: int

    def skala(self) -> Fraction:
        """Base units per unit: 1.000 € per T€, 1/100 per %."""
        return Fraction(1, 100) if self.einheit == "%" else Fraction(SKALA.get(self.einheit, 1))

    def nachkomma(self, value: Fraction) -> int | None:
        """The decimals printed in the unit; None: as many as the value needs (counts without `stellen`)."""
        if self.einheit == "€":
            return 0 if self.stufe == EURO or (self.stufe is None and value.denominator == 1) else 2
        if self.stellen is not None:
            return self.stellen
        if self.einheit == "%":
            return self.prozent_stellen
        if self.einheit in STELLEN:
            return STELLEN[self.einheit]
        return None if _endlich(value) else 2  # zahl(): 1/3 → '0,33'

    def text(self, value: Fraction) -> str:
        """The figure as printed: '12.346 €', '0,52 Mio. €', '33,33 %', '3,5 VZÄ'."""
        if self.einheit == "€":
            return euro_or_cent(value, EURO if self.nachkomma(value) == 0 else CENT)
        places = self.nachkomma(value)
        if self.einheit == "T€":
            return teur(value, places or 0)
        if self.einheit == "Mio. €":
            return mio(value, 2 if places is None else places)
        if self.einheit == "Mrd. €":
            return mrd(value, 2 if places is None else places)
        if self.einheit == "%":
            return prozent(value, self.prozent_stellen if places is None else places)
        number = zahl(value, self.stellen)
        return number if self.einheit == "Anzahl" else f"{number}{NBSP}{self.einheit}"  # not money: see above

    def in_einheit(self, value: Fraction) -> Fraction:
        """The value as printed, as a number in the unit (what `erwartet` states): 523.000 € → 0,52 in Mio. €."""
        shown = value / self.skala()
        places = self.nachkomma(value)
        if places is not None and isinstance(value, Anteil) and self.einheit == "%":
            return Fraction(value.prozent(places))  # a share of a split prints as its part of the split
        return shown if places is None else exact(round_half_up(shown, Decimal(1).scaleb(-places)))

    def gedruckt(self, value: Fraction) -> Fraction:
        """The value as printed, in base units (euros, a ratio, a count): what a reader adding printed parts adds."""
        return self.in_einheit(value) * self.skala()


def _endlich(value: Fraction) -> bool:
    """Whether the value has finitely many decimals (1/8 yes, 1/3 no)."""
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    return rest == 1


def genau_text(value: Fraction, einheit: str) -> str:
    """An exact value for a message, in base units with the digits that matter: '0,4 €', '0,00333 VZÄ', '0,004 %'."""
    shown = value * 100 if einheit == "%" else value
    if _endlich(shown):
        number = zahl(shown)
    else:
        places = 2
        while places < 12 and round_half_up(shown, Decimal(1).scaleb(-places)) == 0:
            places += 1
        number = zahl(shown, places + 2)
    unit = geldeinheit({"T€": "€", "Mio. €": "€", "Mrd. €": "€"}.get(einheit, einheit))
    return number if unit == "Anzahl" else f"{number}{NBSP}{unit}"


def nie_null(genau: Fraction, wert: Fraction, form: Darstellung) -> str | None:
    """Why a figure that is not zero would print as zero (or lose its sign), with how to show it; None if it does
    not. `genau` is the value before the figure's rounding, `wert` after it."""
    if genau == 0 or form.gedruckt(wert) != 0:
        return None
    shown = form.text(wert)
    wege = list(_andere_formen(genau, form))
    how = (
        f"zeigen Sie sie {' oder '.join(wege)}"
        if wege
        else "so kleine Werte druckt keine Einheit; prüfen Sie die Formel"
    )
    return (
        f"Die Zahl ist {genau_text(genau, form.einheit)} und würde als „{shown}“ gedruckt – eine Zahl, die nicht null "
        f"ist, druckt nie als null; {how}."
    )


def _andere_formen(genau: Fraction, form: Darstellung):
    """How to show the figure so that it prints not zero: the first `stellen` in its unit that does, and for money
    Euro (with cents where whole euros print zero) – at most one of each, each with what it then prints."""
    if form.einheit != "€":
        for places in range((form.nachkomma(genau) or 0) + 1, 7):
            mehr = Darstellung(form.einheit, form.stufe, places, form.prozent_stellen)
            if mehr.gedruckt(_gestuft(genau, form.stufe)) != 0:
                yield f"mit „stellen: {places}“ ({mehr.text(_gestuft(genau, form.stufe))})"
                break
    if form.einheit not in GELDEINHEITEN:
        return
    for stufe in (form.stufe, CENT) if form.stufe == EURO else (form.stufe,):
        euro = Darstellung("€", stufe, None, form.prozent_stellen)
        if euro.gedruckt(_gestuft(genau, stufe)) != 0:
            settings = ([] if form.einheit == "€" else ["„einheit: €“"]) + (
                ["„rundung: cent“"] if stufe != form.stufe else []
            )
            if settings:
                yield f"mit {' und '.join(settings)} ({euro.text(_gestuft(genau, stufe))})"
            return


def _gestuft(genau: Fraction, stufe: Decimal | None) -> Fraction:
    return genau if stufe is None else exact(round_half_up(genau, stufe))


def verlorene_ziffern(betraege: list[tuple[str, Fraction]], form: Darstellung) -> str | None:
    """Why a typed money figure would lose an amount it was given, with what to write; None if it does not.
    `betraege` are the amounts the formula adds up, as written and in euros (`2957,5` in `formel: "2957,5"`, not the
    factors of a product): cents under whole-euro rounding, parts of a cent always. Printing in T€ or Mio. € rounds
    for display only – the figure keeps its value."""
    if form.einheit not in GELDEINHEITEN:
        return None
    for text, euro in betraege:
        if (euro * 100).denominator != 1:
            return (
                f"„{text}“ ist {genau_text(euro, '€')} – ein Betrag hat höchstens zwei Nachkommastellen (Cent); "
                "prüfen Sie die Zahl."
            )
        if form.stufe == EURO and euro.denominator != 1:
            return (
                f"„{text}“ hat Cent ({euro_or_cent(euro, CENT)}), gerechnet wird aber auf ganze Euro – die Cent gingen "
                "verloren. Schreiben Sie „rundung: cent“ an die Zahl, dann rechnet sie auf den Cent genau; oder "
                "prüfen Sie den Betrag."
            )
    return None
