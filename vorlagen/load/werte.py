"""Single values of a YAML file as the records type them: texts, numbers, amounts, counts, shares, dates, yes/no.

Each reader returns the value and its problems; the value counts only when there are none. A value that YAML
tools read in other ways (a plain `no`, `1:30`, `0815`, a German number) is refused with what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import zahlwort
from vorlagen.core.limits import MAX_VORKOMMA
from vorlagen.core.problems import Problem
from vorlagen.load.yamlfile import Scalar

Betrag = typing.NewType("Betrag", Decimal)  # money: a Decimal with at most two decimal places
Formelzahl = typing.NewType("Formelzahl", Decimal)  # a number as a formula writes it: 0,523 (decimal comma)
Gelesen = tuple[typing.Any, list[Problem]]  # a value read, and the problems that make it unusable


class Anzahl(Decimal):
    """A count, typed as a number (3.5) or as a sum ("6 + 3"); `teile` keeps the summands to print them."""

    teile: tuple[Decimal, ...] = ()

    @classmethod
    def of(cls, teile: Iterable[Decimal]) -> Anzahl:
        teile = tuple(teile)
        value = cls(sum(teile, Decimal(0)))
        value.teile = teile
        return value


_INT = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_TRUE = {"true", "ja"}
_FALSE = {"false", "nein"}
_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
_LEADING_ZERO_NUMBER = re.compile(r"-?0\d+(\.\d+)?")
# Plain words that YAML 1.1 tools read as something other than text.
_YAML11_BOOL = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")


def fail(scalar: Scalar, message: str) -> Gelesen:
    """No value: one problem at the scalar's line."""
    return None, [Problem(scalar.where, message)]


def german_decimal(text: str) -> str:
    """A number written the German way as YAML needs it: 12.500,00 → 12500.00."""
    return text.replace(".", "").replace(",", ".")


def read_value(scalar: Scalar, typ: object, name: str) -> Gelesen:
    """The value of `scalar` as the type `typ` (str, int, Decimal, Betrag, bool, date, Fraction, Anzahl)."""
    return _READERS[typ](scalar, name)


def text(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    if scalar.plain:
        quoted = f'„{name}: "{value}"“'
        if _YAML11_BOOL.fullmatch(value):
            return fail(
                scalar,
                f"„{name}“: „{value}“ lesen viele YAML-Programme als ja/nein, nicht als Text – "
                f"setzen Sie Text in Anführungszeichen: {quoted}.",
            )
        if _SEXAGESIMAL.fullmatch(value):
            return fail(
                scalar,
                f"„{name}“: „{value}“ lesen viele YAML-Programme als Zahl zur Basis 60 "
                f"(Uhrzeit-Falle) – setzen Sie den Text in Anführungszeichen: {quoted}.",
            )
        if _LEADING_ZERO.fullmatch(value):
            return fail(
                scalar,
                f"„{name}“: Bei „{value}“ ginge die führende Null verloren – setzen Sie "
                f"den Text in Anführungszeichen: {quoted}.",
            )
    return value, []


def _leading_zero(scalar: Scalar, name: str) -> list[Problem]:
    value = scalar.text.strip()
    if _LEADING_ZERO_NUMBER.fullmatch(value):
        return [
            Problem(
                scalar.where,
                f"„{name}“: „{value}“ hat eine führende Null, die YAML-Programme unterschiedlich "
                f"lesen – schreiben Sie {value.lstrip('0') or '0'}.",
            )
        ]
    return []


def betrag(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    if _THOUSANDS.fullmatch(value):
        plain = value.replace(".", "")
        if value.count(".") == 1:
            return fail(
                scalar,
                f"„{name}“: „{value}“ – ist der Punkt ein Tausenderpunkt? YAML läse "
                f"{Decimal(value).normalize():f}. Schreiben Sie Beträge ohne "
                f"Tausenderpunkt: {plain}.",
            )
        return fail(
            scalar,
            f"„{name}“: „{value}“ enthält Tausenderpunkte – schreiben Sie Beträge ohne Tausenderpunkt: {plain}.",
        )
    number, problems = decimal(scalar, name)
    if not problems and number.as_tuple().exponent < -2:
        return fail(scalar, f"„{name}“: Ein Betrag hat höchstens zwei Nachkommastellen (Cent), nicht „{value}“.")
    return number, problems


def anzahl(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    if "+" not in value:
        number, problems = decimal(scalar, name)
        return (None, problems) if problems else (Anzahl.of([number]), [])
    teile = [t.strip() for t in value.split("+")]
    if not all(_DECIMAL.fullmatch(t) and not _LEADING_ZERO_NUMBER.fullmatch(t) for t in teile):
        return fail(
            scalar,
            f'„{name}“: „{value}“ ist weder eine Zahl noch eine Summe von Zahlen – schreiben Sie z. B. 9 oder "6 + 3".',
        )
    return Anzahl.of([Decimal(t) for t in teile]), []


def integer(scalar: Scalar, name: str) -> Gelesen:
    problems = _leading_zero(scalar, name)
    if problems:
        return None, problems
    if not _INT.fullmatch(scalar.text):
        return fail(scalar, f"„{name}“: „{scalar.text}“ ist keine ganze Zahl – schreiben Sie z. B. 14.")
    return _plausible(scalar, name, int(scalar.text))


def _plausible(scalar: Scalar, name: str, value: Decimal | int) -> Gelesen:
    """No figure in a Vorlage has more than MAX_VORKOMMA digits before the decimal point."""
    if not -(10**MAX_VORKOMMA) < value < 10**MAX_VORKOMMA:
        return fail(
            scalar,
            f"„{name}“: „{scalar.text.strip()}“ ist unplausibel groß – Zahlen haben "
            f"hier höchstens {zahlwort(MAX_VORKOMMA)} Stellen vor dem Komma; prüfen Sie den Wert.",
        )
    return value, []


def decimal(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    problems = _leading_zero(scalar, name)
    if problems:
        return None, problems
    if _DECIMAL.fullmatch(value):
        return _plausible(scalar, name, Decimal(value))
    hint = "schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalpunkt, z. B. 55000 oder 3.5"
    if re.fullmatch(r"-?\d+,\d+", value):
        hint = f"das Dezimalzeichen ist der Punkt: schreiben Sie {value.replace(',', '.')}"
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", value):
        hint = (
            f"„{value}“ ist deutsch geschrieben; YAML braucht Zahlen ohne Tausenderpunkt und mit Dezimalpunkt: "
            f"schreiben Sie {german_decimal(value)}"
        )
    return fail(scalar, f"„{name}“: „{value}“ ist keine Zahl – {hint}.")


class Schreibweise(ValueError):
    """A number not written as formulas write it: why (`grund`, German) and what to write instead (`vorschlaege`,
    each of the same value as one reading of the text – never a number of another magnitude)."""

    def __init__(self, text: str, grund: str, vorschlaege: list[str]):
        super().__init__(grund)
        self.text, self.grund, self.vorschlaege = text, grund, vorschlaege

    def meldung(self, schreiben=lambda zahl: zahl) -> str:
        """The German sentence; `schreiben` shows a proposal as its context takes it (in YAML: erwartet: "0,5")."""
        if not self.vorschlaege:
            return (
                f"„{self.text}“ {self.grund} – schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalkomma, "
                f"z. B. {schreiben('1000')} oder {schreiben('1,75')}."
            )
        return f"„{self.text}“ {self.grund} – schreiben Sie {' oder '.join(map(schreiben, self.vorschlaege))}."


_KOMMA = re.compile(r"-?\d+(,\d+)?")
_DEUTSCH_GRUPPEN = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")  # 1.000, 12.500.000, 1.000,5
_PUNKT = re.compile(r"-?\d+\.\d+")


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
        komma = text.replace(".", ",")
        raise Schreibweise(
            text,
            f"lässt sich zweifach lesen: mit Tausenderpunkt als {ohne}, mit Dezimalpunkt als {komma}; gemeint ist "
            "nur eines",
            [ohne, komma],
        )
    if _PUNKT.fullmatch(text):
        raise Schreibweise(
            text, "hat einen Dezimalpunkt; Zahlen einer Formel haben ein Dezimalkomma", [text.replace(".", ",")]
        )
    raise Schreibweise(text, "ist keine Zahl", [])


def erwartet_zahl(scalar: Scalar, name: str) -> Gelesen:
    """`erwartet` of a named figure: a number written as its formula writes it (0,523 – in {…} in quotes)."""
    value = scalar.text.strip()
    problems = _leading_zero(scalar, name)
    if problems:
        return None, problems
    try:
        formelzahl(value)
    except Schreibweise as error:
        return fail(
            scalar,
            f"„{name}“: " + error.meldung(lambda zahl: f'{name}: "{zahl}"' if "," in zahl else f"{name}: {zahl}"),
        )
    return _plausible(scalar, name, Decimal(value.replace(",", ".")))


def fraction(scalar: Scalar, name: str) -> Gelesen:
    match = _FRACTION.fullmatch(scalar.text.strip())
    if match and int(match[2]) != 0:
        return Fraction(int(match[1]), int(match[2])), []
    if _DECIMAL.fullmatch(scalar.text.strip()):
        return Fraction(scalar.text.strip()), []
    return fail(scalar, f"„{name}“: „{scalar.text}“ ist kein Anteil – schreiben Sie z. B. 1/2 oder 0.5.")


def boolean(scalar: Scalar, name: str) -> Gelesen:
    word = scalar.text.strip().lower()
    if word in _TRUE:
        return True, []
    if word in _FALSE:
        return False, []
    return fail(scalar, f"„{name}“: „{scalar.text}“ ist weder ja noch nein – schreiben Sie true oder false.")


def date(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    iso, german = _ISO_DATE.fullmatch(value), _GERMAN_DATE.fullmatch(value)
    parts = (iso[1], iso[2], iso[3]) if iso else (german[3], german[2], german[1]) if german else None
    if parts is None:
        return fail(scalar, f"„{name}“: „{value}“ ist kein Datum – schreiben Sie z. B. 2021-06-10 oder 10.06.2021.")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), []
    except ValueError:
        return fail(scalar, f"„{name}“: Den {value} gibt es nicht im Kalender – prüfen Sie Tag und Monat.")


_READERS: dict[object, Callable[[Scalar, str], Gelesen]] = {
    str: text,
    int: integer,
    Decimal: decimal,
    Betrag: betrag,
    Formelzahl: erwartet_zahl,
    bool: boolean,
    dt.date: date,
    Fraction: fraction,
    Anzahl: anzahl,
}
