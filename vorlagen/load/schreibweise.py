"""How a number is written: formulas and `erwartet` of a named figure with a decimal comma (0,523), the number fields
of the data files as YAML writes numbers, with a decimal point (0.75). A number that reads two ways – `1.500` is 1500
with a thousands point and 1,5 with a decimal point, `142,600` is 142600 with a thousands comma and 142,6 with a
decimal comma – is refused in both, naming both readings and how to write each one so that it reads one way only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import dezimalkomma
from vorlagen.core.problems import Where


class Schreibweise(ValueError):
    """A number not written as its field writes it: why (`grund`, German) and what to write instead (`vorschlaege`,
    each of the same value as one reading of the text – never a number of another magnitude); `lesarten` names, where
    the text reads two ways, the value each proposal stands for (as German prose writes it: 1,5)."""

    def __init__(self, text: str, grund: str, vorschlaege: list[str], lesarten: list[str] | None = None):
        super().__init__(grund)
        self.text, self.grund, self.vorschlaege, self.lesarten = text, grund, vorschlaege, lesarten or []

    def meldung(
        self, schreiben: Callable[[str], str] = lambda zahl: zahl, beispiele: tuple[str, str] = ("1000", "1,75")
    ) -> str:
        """The German sentence; `schreiben` shows a proposal as its context takes it (in YAML: erwartet: "0,5");
        `beispiele` are the examples of a field's notation, for a text that is no number at all."""
        if not self.vorschlaege:
            zeichen = "Dezimalkomma" if "," in beispiele[1] else "Dezimalpunkt"
            return (
                f"„{self.text}“ {self.grund} – schreiben Sie Zahlen ohne Tausenderpunkt und mit {zeichen}, "
                f"z. B. {schreiben(beispiele[0])} oder {schreiben(beispiele[1])}."
            )
        if self.lesarten:
            gezeigt = [f"{schreiben(v)}, {lesart}" for v, lesart in zip(self.vorschlaege, self.lesarten)]
            vierte = any(_ZWEIDEUTIG.fullmatch(v.strip('"')[:-1]) for v in self.vorschlaege if "." in v)
            hinweis = " (die vierte Nachkommastelle macht den Dezimalpunkt eindeutig)" if vierte else ""
            return f"„{self.text}“ {self.grund} – schreiben Sie {', oder '.join(gezeigt)}{hinweis}."
        return f"„{self.text}“ {self.grund} – schreiben Sie {' oder '.join(map(schreiben, self.vorschlaege))}."


_KOMMA = re.compile(r"-?\d+(,\d+)?")
_DEUTSCH_GRUPPEN = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")  # 1.000, 12.500.000, 1.000,5
_ENGLISCH_GRUPPEN = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")  # 1,500,000 – 1,500 also reads the German way
_PUNKT = re.compile(r"-?\d+\.\d+")
_YAML_ZAHL = re.compile(r"-?\d+(\.\d+)?")
# One group of three digits after a single point or comma, the group before it not zero: 1.500, 142,600, -12.000.
_ZWEIDEUTIG = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")


def german_decimal(text: str) -> str:
    """A number written the German way, with the dot as decimal point: 12.500,00 → 12500.00."""
    return text.replace(".", "").replace(",", ".")


def formelzahl(text: str) -> Fraction:
    """A number as formulas and `erwartet` write it – digits and a decimal comma, no thousands marks: '0,523' →
    523/1000; Schreibweise otherwise. A single group of three digits after a point (528.266) reads two ways, 528266
    with a thousands point and 528,266 with a decimal point: both are named, neither is taken."""
    if _KOMMA.fullmatch(text):
        return Fraction(text.replace(",", "."))
    ohne = text.replace(".", "")
    if _DEUTSCH_GRUPPEN.fullmatch(text) and (text.count(".") > 1 or "," in text):
        raise Schreibweise(text, "hat Tausenderpunkte, die nicht in eine Zahl einer Formel gehören", [ohne])
    if _DEUTSCH_GRUPPEN.fullmatch(text):
        komma = dezimalkomma(text)
        raise Schreibweise(
            text,
            f"lässt sich zweifach lesen: mit Tausenderpunkt als {ohne}, mit Dezimalpunkt als {komma}; gemeint ist "
            "nur eines",
            [ohne, komma],
        )
    if _PUNKT.fullmatch(text):
        raise Schreibweise(
            text, "hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma", [dezimalkomma(text)]
        )
    raise Schreibweise(text, "ist keine Zahl", [])


def punkt(value: Fraction | Decimal | int) -> str:
    """A terminating value as a data field writes it so that it reads one way only: 3/2 → '1.5', 1500 → '1500',
    528266/1000 → '528.2660' (with three places after the point it would read as a thousands point)."""
    text = format(_dezimal(Fraction(value)), "f")
    return text + "0" if _ZWEIDEUTIG.fullmatch(text) else text


def datenzahl(text: str, art: str = "zahl") -> Decimal:
    """A number of a data field as YAML writes it – digits and a decimal point, no thousands marks: '0.75', '1500';
    Schreibweise otherwise, proposing the spellings that read one way only. `art` "ganz" proposes whole numbers
    only, "betrag" amounts in euros (at most two places: 1.50)."""
    if _YAML_ZAHL.fullmatch(text) and not _ZWEIDEUTIG.fullmatch(text):
        return Decimal(text)
    if _ZWEIDEUTIG.fullmatch(text):
        zeichen, wort, es = ("punkt", "der Punkt", "er") if "." in text else ("komma", "das Komma", "es")
        tausend, dezimal = Fraction(re.sub(r"[.,]", "", text)), Fraction(text.replace(",", "."))
        lesarten = [
            (tausend, f"wenn {wort} ein Tausender{zeichen} ist"),
            (dezimal, f"wenn {es} ein Dezimal{zeichen} ist"),
        ]
        gueltig = [(v, wann) for v, wann in lesarten if _passt(v, art)]
        raise Schreibweise(
            text,
            f"lässt sich zweifach lesen: mit Tausender{zeichen} als {_lesart(tausend, art)}, mit Dezimal{zeichen} "
            f"als {_lesart(dezimal, art)}; gemeint ist nur eines",
            [_schreiben(v, art) for v, _ in gueltig],
            [wann for _, wann in gueltig],
        )
    deutsch, englisch = _DEUTSCH_GRUPPEN.fullmatch(text), _ENGLISCH_GRUPPEN.fullmatch(text)
    if deutsch or englisch or re.fullmatch(r"-?\d+,\d+", text):
        wert = Fraction(german_decimal(text) if not englisch else text.replace(",", ""))
        grund = (
            "hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit Dezimalpunkt"
            if deutsch or englisch
            else "hat ein Dezimalkomma; Zahlen der Datendateien haben einen Dezimalpunkt"
        )
        raise Schreibweise(text, grund, [_schreiben(wert, art)] if _passt(wert, art) else [])
    raise Schreibweise(text, "ist keine Zahl", [])


def _passt(value: Fraction, art: str) -> bool:
    """Whether a field of this `art` can hold the value: a whole number, an amount in cents, any number."""
    return value.denominator == 1 if art == "ganz" else (value * 100).denominator == 1 if art == "betrag" else True


def _schreiben(value: Fraction, art: str) -> str:
    """The value as the field writes it, readable one way only: 1.5, 1500, an amount with its cents (1.50)."""
    if art == "betrag" and value.denominator != 1:
        return f"{Decimal(value.numerator) / Decimal(value.denominator):.2f}"
    return punkt(value)


def _lesart(value: Fraction, art: str) -> str:
    """A reading named in a message, as German prose writes it but without thousands points: 1500, 1,5, 1,50 €."""
    cent = art == "betrag" and value.denominator != 1 and _passt(value, art)
    shown = _schreiben(value, art) if cent else format(_dezimal(value), "f")
    return dezimalkomma(shown) + ("\u00a0€" if art == "betrag" else "")


def _dezimal(value: Fraction) -> Decimal:
    """A terminating value as a Decimal without trailing zeros (exact: values have at most MAX_VORKOMMA digits)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).normalize()


def zwei_zahlen(name: str, links: str, rechts: str) -> str:
    """A number with a decimal or thousands comma in `[…]`, which YAML splits into two: both readings and the two
    numbers, each as it is written to read one way only."""
    text = f"{links},{rechts}"
    try:
        datenzahl(text)
        gemeint = ""  # never: a comma always reads two ways or the German way
    except Schreibweise as error:
        gemeint = f" {error.meldung()[:-1]}"
    try:
        zwei = f"; für zwei Zahlen schreiben Sie [{datenzahl(links)}, {datenzahl(rechts)}] (mit Leerzeichen)."
    except Schreibweise:  # one of them reads two ways itself: no spelling of the two that reads one way only
        zwei = "."
    return (
        f"„{name}“: In „[…]“ trennt das Komma Einträge – YAML läse „{text}“ als zwei Zahlen, {links} und {rechts}."
        f"{gemeint}{zwei}"
    )


@dataclass(frozen=True)
class Altlesung:
    """A number the previous version read with a decimal point that reads two ways now: where, as written, and how
    to write the value it was read as so that it reads one way only."""

    where: Where
    text: str
    eindeutig: str
    zwei: bool = False  # `[1,5]`, read as the two numbers 1 and 5


_altlesungen: ContextVar[list[Altlesung] | None] = ContextVar("altlesungen", default=None)


@contextmanager
def altlesungen() -> Iterator[list[Altlesung]]:
    """Yields a list that fills with every Altlesung the readers meet inside the block (for `vorlagen
    aktualisieren`)."""
    found: list[Altlesung] = []
    token = _altlesungen.set(found)
    try:
        yield found
    finally:
        _altlesungen.reset(token)


def frueher_gelesen(where: Where, text: str) -> None:
    """Notes `text` where the previous version read it with a decimal point (1.500 as 1,5) and this one refuses it."""
    found = _altlesungen.get()
    if found is not None and _ZWEIDEUTIG.fullmatch(text) and "." in text:
        found.append(Altlesung(where, text, punkt(Fraction(text))))


def frueher_zwei(where: Where, links: str, rechts: str) -> None:
    """Notes `[links,rechts]`, which the previous version read as two numbers and this one refuses."""
    found = _altlesungen.get()
    if found is not None:
        found.append(Altlesung(where, f"{links},{rechts}", f"{links}, {rechts}", zwei=True))
