"""How a named figure prints in its unit, and the value it prints – exactly: what `runden: je_posten` reads, what
`erwartet` is compared with, and the checks that keep a figure from being printed wrong without a word (a figure that
is not zero never prints as zero; a typed figure never loses an amount or a digit it was typed with)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from vorlagen.compute.einheiten import SKALA, stellen_im_text, summanden
from vorlagen.compute.formel import Knoten, Name
from vorlagen.core.fmt import NBSP, OHNE_HAUS, Zahlformat, prozent, zahl, zahlwort
from vorlagen.core.money import CENT, EURO, Anteil, exact, round_half_up
from vorlagen.load.kennzahlen import GELDEINHEITEN

STELLEN = {"T€": 0, "Mio. €": 2, "Mrd. €": 2}  # decimals a money unit prints unless `stellen` says otherwise
QUOTEN = ("foerderquote", "veraenderung")  # fields of the tables that are a share (a source's is an Anteil)


@dataclass(frozen=True)
class Darstellung:
    """How one figure prints: its unit, its rounding step (money, None: not rounded), `stellen`, the Körperschaft's
    places for percentages, the house's format of money, and the decimals its typed numbers were written with (`getippt`: a figure of numbers
    alone prints at least so many – „0,523“ in Mio. € prints „0,523 Mio. €“, not „0,52 Mio. €“ –, a sum of figures
    in its unit at least as many as they print; `wie_getippt`: a figure typed as it prints prints exactly as many –
    „27,5“ in Mio. € „27,5 Mio. €“, „90 %“ „90 %“)."""

    einheit: str
    stufe: Decimal | None
    stellen: int | None
    prozent_stellen: int
    zahlformat: Zahlformat  # how the house prints money (hausstil: waehrung)
    getippt: int = 0
    wie_getippt: bool = False  # a figure typed as it prints (`27,5`, `90 %`): its places are the typed ones

    def skala(self) -> Fraction:
        """Base units per unit: 1.000 € per T€, 1/100 per %."""
        return Fraction(1, 100) if self.einheit == "%" else Fraction(SKALA.get(self.einheit, 1))

    def nachkomma(self, value: Fraction) -> int | None:
        """The decimals printed in the unit; None: as many as the value needs (counts without `stellen`). At least
        the decimals typed (`getippt`) unless `stellen` says otherwise (kennzahlen refuses fewer than typed)."""
        if self.einheit == "€":
            ganz = self.stufe == EURO or (self.stufe is None and value.denominator == 1)
            return 0 if ganz and not self.getippt else 2
        if self.stellen is not None:
            return self.stellen
        if self.einheit == "%":
            return self.getippt if self.wie_getippt else max(self.prozent_stellen, self.getippt)
        if self.einheit in STELLEN:
            return self.getippt if self.wie_getippt else max(STELLEN[self.einheit], self.getippt)
        if not _endlich(value):
            return max(2, self.getippt)  # zahl(): 1/3 → '0,33'
        return max(self.getippt, _dezimalen(value)) if self.getippt else None

    def text(self, value: Fraction) -> str:
        """The figure as printed: '12.346 €', '0,52 Mio. €', '33,33 %', '3,5 VZÄ'."""
        if self.einheit == "€":
            return self.zahlformat.euro_or_cent(value, EURO if self.nachkomma(value) == 0 else CENT)
        places = self.nachkomma(value)
        if self.einheit == "T€":
            return self.zahlformat.teur(value, places or 0)
        if self.einheit == "Mio. €":
            return self.zahlformat.mio(value, 2 if places is None else places)
        if self.einheit == "Mrd. €":
            return self.zahlformat.mrd(value, 2 if places is None else places)
        if self.einheit == "%":
            return prozent(value, self.prozent_stellen if places is None else places)
        number = zahl(value, self.nachkomma(value))
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


def _dezimalen(value: Fraction) -> int:
    """The decimals of a value with finitely many: 3/8 → 3."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return places


def _endlich(value: Fraction) -> bool:
    """Whether the value has finitely many decimals (1/8 yes, 1/3 no)."""
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    return rest == 1


def genau_text(value: Fraction, einheit: str, zahlformat: Zahlformat) -> str:
    """An exact value for a message, in base units with the digits that matter: '0,4 €', '0,00333 VZÄ', '0,004 %'."""
    shown = value * 100 if einheit == "%" else value
    if _endlich(shown):
        number = zahl(shown)
    else:
        places = 2
        while places < 12 and round_half_up(shown, Decimal(1).scaleb(-places)) == 0:
            places += 1
        number = zahl(shown, places + 2)
    unit = zahlformat.geldeinheit({"T€": "€", "Mio. €": "€", "Mrd. €": "€"}.get(einheit, einheit))
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
        f"Die Zahl ist {genau_text(genau, form.einheit, form.zahlformat)} und würde als „{shown}“ gedruckt – eine Zahl, die nicht null "
        f"ist, druckt nie als null; {how}."
    )


def _andere_formen(genau: Fraction, form: Darstellung) -> Iterator[str]:
    """How to show the figure so that it prints not zero: the first `stellen` in its unit that does, and for money
    Euro (with cents where whole euros print zero) – at most one of each, each with what it then prints."""
    if form.einheit != "€":
        for places in range((form.nachkomma(genau) or 0) + 1, 7):
            mehr = replace(form, stellen=places)
            if mehr.gedruckt(_gestuft(genau, form.stufe)) != 0:
                yield f"mit „stellen: {places}“ ({mehr.text(_gestuft(genau, form.stufe))})"
                break
    if form.einheit not in GELDEINHEITEN:
        return
    for stufe in (form.stufe, CENT) if form.stufe == EURO else (form.stufe,):
        euro = Darstellung("€", stufe, None, form.prozent_stellen, form.zahlformat)
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
    factors of a product): cents under whole-euro rounding, parts of a cent always. The digits typed are printed
    (Darstellung.getippt); a `stellen` that would drop one is `weniger_stellen_als_getippt`."""
    if form.einheit not in GELDEINHEITEN:
        return None
    for text, euro in betraege:
        if (euro * 100).denominator != 1:
            return (
                f"„{text}“ ist {genau_text(euro, '€', form.zahlformat)} – ein Betrag hat höchstens zwei Nachkommastellen (Cent); "
                "prüfen Sie die Zahl."
            )
        if form.stufe == EURO and euro.denominator != 1:
            return (
                f"„{text}“ hat Cent ({form.zahlformat.euro_or_cent(euro, CENT)}), gerechnet wird aber auf ganze Euro – die Cent gingen "
                "verloren. Schreiben Sie „rundung: cent“ an die Zahl, dann rechnet sie auf den Cent genau; oder "
                "prüfen Sie den Betrag."
            )
    return None


def weniger_stellen_als_getippt(text: str, wert: Fraction, form: Darstellung) -> str | None:
    """Why the figure's `stellen` would print a number it adds up with fewer decimals than it was typed with – naming
    the number as typed and as `stellen` prints it, and what to write –; None if it does not. `text` is the number as
    typed, `wert` its value in the figure's unit („0,523“ in Mio. €: 0,523)."""
    getippt = stellen_im_text(text)
    if form.stellen is None or form.einheit == "€" or form.stellen >= getippt:
        return None
    ohne = replace(form, getippt=0)
    betrag = wert * form.skala()
    kurz = text.rstrip("0").rstrip(",") if "," in text else text
    auch = (
        f", oder schreiben Sie „{kurz}“ (derselbe Wert ohne die Nullen am Ende)"
        if stellen_im_text(kurz) <= form.stellen
        else ""
    )
    return (
        f"„{text}“ ist mit {zahlwort(getippt)} Nachkommastellen getippt, „stellen: {form.stellen}“ druckt es als "
        f"„{ohne.text(betrag)}“ – eine getippte Ziffer ginge ohne ein Wort verloren. Schreiben Sie „stellen: {getippt}“ "
        f"(dann „{replace(ohne, stellen=getippt).text(betrag)}“) oder lassen Sie „stellen“ weg{auch}."
    )


def gelesene_quote(value: object, feld: str, je_posten: bool, prozent_stellen: int) -> tuple[Fraction, str] | None:
    """A share a formula reads from a table – a source's `anteil`, a plan's `foerderquote`, a Vergleich's
    `veraenderung` –: the value it reads and how its Herleitung shows it. Read as printed (`runden: je_posten`) it is
    its percentage at the house's places, a source's share as its part of the split of 100 % („88,98 %“); read
    exactly, the exact value („88,9831 %“ with the digits that matter). None for anything that is no share."""
    if not isinstance(value, Anteil) and (feld not in QUOTEN or not isinstance(value, Fraction)):
        return None
    if not je_posten:
        return value, genau_text(value, "%", OHNE_HAUS)
    stufe = Decimal(1).scaleb(-prozent_stellen)
    gedruckt = value.prozent(prozent_stellen) if isinstance(value, Anteil) else round_half_up(value * 100, stufe)
    return exact(gedruckt) / 100, prozent(exact(gedruckt) / 100, prozent_stellen)


class _Figur(Protocol):
    """What the places of a sum read of a figure it adds up (compute/zahlwert.Zahlwert, which imports this module)."""

    @property
    def einheit(self) -> str: ...

    @property
    def form(self) -> Darstellung | None: ...

    @property
    def gezeigt(self) -> Fraction: ...


def stellen_der_teile(einheit: str, tree: Knoten, figur: Callable[[tuple[str, ...]], _Figur | None]) -> int:
    """The most places any figure a sum adds up prints with (`figur`: a name's path → the Zahlwert it reads, None
    for anything else), of those in the sum's unit – other units are no places of it: `ansatz-2015 + ansatz-2016` of
    „0,523 Mio. €“ and „0,416 Mio. €“ → 3, so the sum prints „0,939 Mio. €“ and the text still adds up. Euros print
    as their rounding says (none)."""
    if einheit == "€":
        return 0
    teile = [figur(n.pfad) for n in summanden(tree, True, True) if isinstance(n, Name)]
    gleich = [
        (form, z.gezeigt) for z in teile if z is not None and z.einheit == einheit and (form := z.form) is not None
    ]
    return max((form.nachkomma(gezeigt) or 0 for form, gezeigt in gleich), default=0)
