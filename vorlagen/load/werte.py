"""Single values of a YAML file as the records type them: texts, numbers, amounts, counts, shares, dates, yes/no.

Each reader returns the value and its problems; the value counts only when there are none. A value that YAML
tools read in other ways (a plain `no`, `1:30`, `0815`, a German number) is refused with what to write instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import zahlwort
from vorlagen.core.limits import MAX_VORKOMMA
from vorlagen.core.problems import Problem
from vorlagen.load.schreibweise import Schreibweise, datenzahl, formelzahl, frueher_gelesen
from vorlagen.load.yamlfile import Scalar

Betrag = typing.NewType("Betrag", Decimal)  # money: a Decimal with at most two decimal places
Formelzahl = typing.NewType("Formelzahl", Decimal)  # a number as a formula writes it: 0,523 (decimal comma)
Prozentsatz = typing.NewType("Prozentsatz", Decimal)  # a percentage in Prozent: 80, "80 %", "80%" (below 1 with „%“)
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
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_PROZENT = re.compile(r"(.*?)\s*%")
_TRUE = {"true", "ja"}
_FALSE = {"false", "nein"}
_LEADING_ZERO_NUMBER = re.compile(r"-?0\d+(\.\d+)?")
# Plain words that YAML 1.1 tools read as something other than text.
_YAML11_BOOL = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")


def fail(scalar: Scalar, message: str) -> Gelesen:
    """No value: one problem at the scalar's line."""
    return None, [Problem(scalar.where, message)]


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


def anders_gelesen(value: str) -> bool:
    """Whether a text written without quotes is one that `text` refuses, because YAML 1.1 tools read it as
    something else (yes/no/on/off, 18:30, 0815): whoever writes a data file quotes it."""
    return bool(_YAML11_BOOL.fullmatch(value) or _SEXAGESIMAL.fullmatch(value) or _LEADING_ZERO.fullmatch(value))


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
    number, problems = _datenzahl(scalar, name, "betrag")
    if not problems and number.as_tuple().exponent < -2:
        return fail(
            scalar, f"„{name}“: Ein Betrag hat höchstens zwei Nachkommastellen (Cent), nicht „{scalar.text.strip()}“."
        )
    return number, problems


def anzahl(scalar: Scalar, name: str) -> Gelesen:
    value = scalar.text.strip()
    if "+" not in value:
        number, problems = decimal(scalar, name)
        return (None, problems) if problems else (Anzahl.of([number]), [])
    teile = [t.strip() for t in value.split("+")]
    werte = []
    for i, teil in enumerate(teile):
        if _LEADING_ZERO_NUMBER.fullmatch(teil):
            break
        try:
            werte.append(datenzahl(teil))
        except Schreibweise as error:
            if not error.vorschlaege:
                break
            frueher_gelesen(scalar.where, teil)
            summen = [f'"{" + ".join([*teile[:i], v, *teile[i + 1 :]])}"' for v in error.vorschlaege]
            return fail(scalar, f"„{name}“: " + Schreibweise(teil, error.grund, summen, error.lesarten).meldung())
    else:
        return Anzahl.of(werte), []
    return fail(
        scalar,
        f'„{name}“: „{value}“ ist weder eine Zahl noch eine Summe von Zahlen – schreiben Sie z. B. 9 oder "6 + 3".',
    )


def integer(scalar: Scalar, name: str) -> Gelesen:
    problems = _leading_zero(scalar, name)
    if problems:
        return None, problems
    if _INT.fullmatch(scalar.text):
        return _plausible(scalar, name, int(scalar.text))
    try:
        datenzahl(scalar.text.strip(), "ganz")
    except Schreibweise as error:
        if error.vorschlaege:
            return fail(scalar, f"„{name}“: " + error.meldung())
    return fail(scalar, f"„{name}“: „{scalar.text}“ ist keine ganze Zahl – schreiben Sie z. B. 14.")


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
    return _datenzahl(scalar, name, "zahl")


def _datenzahl(scalar: Scalar, name: str, art: str) -> Gelesen:
    """A number field's value (load/schreibweise.py decides what reads one way only); a number the previous version
    read with a decimal point is noted for `vorlagen aktualisieren`."""
    value = scalar.text.strip()
    problems = _leading_zero(scalar, name)
    if problems:
        return None, problems
    try:
        number = datenzahl(value, art)
    except Schreibweise as error:
        if art != "betrag":
            frueher_gelesen(scalar.where, value)
        return fail(scalar, f"„{name}“: " + error.meldung(beispiele=("55000", "3.5")))
    return _plausible(scalar, name, number)


def prozentsatz(scalar: Scalar, name: str) -> Gelesen:
    """A percentage as people write it – „80“, „80 %“, „80%“ – in Prozent. A number between 0 and 1 without „%“
    reads two ways (0.8: 0,8 % or the fraction 0,8 = 80 %) and is refused naming both and how to write each."""
    value = scalar.text.strip()
    zeichen = _PROZENT.fullmatch(value)
    zahl_text = zeichen[1] if zeichen else value
    number, problems = _datenzahl(dataclasses.replace(scalar, text=zahl_text), name, "zahl")
    if problems or zeichen or not 0 < abs(number) < 1:
        return (None if problems else number), problems
    hundert = number * 100
    als_prozent = f"{hundert.normalize():f}"
    return fail(
        scalar,
        f"„{name}: {value}“ lässt sich zweifach lesen: als {value.replace('.', ',')} % oder als Anteil "
        f"{value.replace('.', ',')} = {als_prozent.replace('.', ',')} % – „{name}“ steht in Prozent. Schreiben Sie "
        f"„{name}: {als_prozent}“ oder „{name}: {als_prozent} %“ für {als_prozent.replace('.', ',')} %, "
        f"„{name}: {value} %“ für {value.replace('.', ',')} %.",
    )


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
    value = scalar.text.strip()
    match = _FRACTION.fullmatch(value)
    if match and int(match[2]) != 0:
        return Fraction(int(match[1]), int(match[2])), []
    try:
        return Fraction(datenzahl(value)), []
    except Schreibweise as error:
        if error.vorschlaege:
            frueher_gelesen(scalar.where, value)
            return fail(scalar, f"„{name}“: " + error.meldung())
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


ZAHLENTYPEN = (int, Decimal, Betrag, Anzahl, Fraction, Prozentsatz)  # the types a number field is read as

_READERS: dict[object, Callable[[Scalar, str], Gelesen]] = {
    str: text,
    int: integer,
    Decimal: decimal,
    Betrag: betrag,
    Formelzahl: erwartet_zahl,
    Prozentsatz: prozentsatz,
    bool: boolean,
    dt.date: date,
    Fraction: fraction,
    Anzahl: anzahl,
}
