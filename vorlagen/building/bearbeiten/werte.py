"""One value between form and data file: shown the German way (3,5), written as the handbook writes it (3.5).

The form takes numbers as formulas take them – with a decimal comma, without thousands points – so that a clerk
writes every number one way; the data file gets them with a decimal point. A number that reads two ways (12.500) is
refused with the message of the formulas, naming both readings.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import dezimalkomma
from vorlagen.load import steuerzeichen
from vorlagen.load.schreibweise import Schreibweise, datenzahl, formelzahl, punkt
from vorlagen.load.werte import Anzahl, Betrag, Formelzahl, Prozentsatz
from vorlagen.load.yamlschreiben import Roh, Zitiert

ZAHLEN = (Decimal, Betrag, Anzahl, Fraction, int)
ZITIERT = {"nummer", "vorlage"}  # the handbook writes a Nummer in quotes: "2021/0123" (a Konto only as "05.06.01")
_DEUTSCHES_DATUM = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


class Ungueltig(ValueError):
    """A form value that cannot be written; args[0] is the German message."""


def gezeigt(text: str, typ: object) -> str:
    """The text of a scalar of the data file as the form shows it: numbers with a decimal comma."""
    if typ in ZAHLEN and re.fullmatch(r"-?\d+\.\d+", text.strip()):
        return dezimalkomma(text.strip())
    if typ is Prozentsatz and re.fullmatch(r"-?\d+\.\d+( ?%)?", text.strip()):
        return dezimalkomma(text.strip())
    if typ is Anzahl and "+" in text:
        return " + ".join(dezimalkomma(teil.strip()) for teil in text.split("+"))
    return text


def geschrieben(text: str, typ: object, name: str) -> object:
    """The value the data file gets for what the form sent; None for an empty field (the key goes). Ungueltig with
    the German message for a number or date written otherwise, and for a control character in any field."""
    if (index := steuerzeichen.erstes(text)) is not None:  # the fields are one line each (texts: bearbeitung.py)
        raise Ungueltig(f"„{name}“: {steuerzeichen.meldung(text[index])}")
    text = text.strip()
    if not text:
        return None
    if typ is bool:
        return Roh(text) if text in ("true", "false") else _fehler(name, f"„{text}“ ist weder ja noch nein")
    if typ is dt.date:
        return Roh(_datum(text, name))
    if typ is Formelzahl:
        _zahl(text, name)
        return Zitiert(text) if "," in text else Roh(text)
    if typ is Prozentsatz:  # 80, „80 %“: written as typed, with a decimal point (the loader asks about 0.8)
        zahl = text.removesuffix("%").rstrip()
        daten = _daten(_zahl(zahl, name), Decimal, zahl)
        return Roh(f"{daten} %" if zahl != text else daten)
    if typ is Fraction and "/" in text:
        teile = [t.strip() for t in text.split("/")]
        if len(teile) == 2 and all(t.isdigit() for t in teile):
            return Roh(f"{teile[0]}/{teile[1]}")
        return _fehler(name, f"„{text}“ ist kein Bruch – schreiben Sie z. B. 1/3")
    if typ is Anzahl and "+" in text:  # a sum of counts, plain as the handbook writes it: anzahl: 6 + 3
        return Roh(" + ".join(_daten(_zahl(teil.strip(), name), Anzahl, teil.strip()) for teil in text.split("+")))
    if typ in ZAHLEN:
        return Roh(_daten(_zahl(text, name), typ, text))
    return Zitiert(text) if name in ZITIERT else text


def _daten(wert: Fraction, typ: object, getippt: str) -> str:
    """A number as a data file writes it: with the digits typed (3,5 → 3.5; 87250,50 → 87250.50), an amount with its
    cents (2500,5 → 2500.50); where the typed digits would read two ways in a data file (1,500), so that they read
    one way (1.5)."""
    if typ is Betrag and wert.denominator != 1 and (wert * 100).denominator == 1:
        return f"{Decimal(wert.numerator) / Decimal(wert.denominator):.2f}"
    wie_getippt = getippt.replace(",", ".")
    try:
        return wie_getippt if datenzahl(wie_getippt) == wert else punkt(wert)
    except Schreibweise:
        return punkt(wert)


def _zahl(text: str, name: str) -> Fraction:
    try:
        return formelzahl(text)
    except Schreibweise as error:
        raise Ungueltig(f"„{name}“: {error.meldung()}") from None


def _datum(text: str, name: str) -> str:
    """A date as ISO (what the handbook writes), from ISO or the German 10.06.2021."""
    deutsch = _DEUTSCHES_DATUM.fullmatch(text)
    iso = f"{deutsch.group(3)}-{int(deutsch.group(2)):02d}-{int(deutsch.group(1)):02d}" if deutsch else text
    try:
        return dt.date.fromisoformat(iso).isoformat() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) else _kein(text, name)
    except ValueError:
        return _kein(text, name)


def _kein(text: str, name: str) -> str:
    raise Ungueltig(f"„{name}“: „{text}“ ist kein Datum – schreiben Sie z. B. 10.06.2021 oder 2021-06-10.")


def _fehler(name: str, was: str) -> object:
    raise Ungueltig(f"„{name}“: {was}.")
