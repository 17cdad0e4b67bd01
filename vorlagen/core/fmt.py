"""German number and date formatting (babel, de_DE), always rounding half-up first."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from vorlagen.core.money import Zahl, exact, percent, round_half_up

LOCALE = "de_DE"
NBSP = "\u00a0"
MINUS = "\u2212"
WAEHRUNGEN = ("€", "EUR")  # the currency signs a Hausstil can print (hausstil: waehrung)
# each money unit as a house with „EUR“ prints it; data may write either spelling (load/records.py)
IN_EUR = {"€": "EUR", "T€": "TEUR", "Mio. €": "Mio. EUR", "Mrd. €": "Mrd. EUR"}


def _number(value: Zahl, places: int) -> str:
    try:
        return _cached_number(type(value), value, places)  # type: ignore[arg-type]  # a class is hashable
    except TypeError:  # an unhashable value: formatted each time
        return _format_number(value, places)


@functools.lru_cache(maxsize=1024)
def _cached_number(kind: type, value: Zahl, places: int) -> str:
    """A year of Vorlagen prints the same few amounts thousands of times (the rest are cheap enough: a larger
    cache only holds memory). The type is part of the key, so that only equal values of one type share a text."""
    return _format_number(value, places)


@functools.cache
def _pattern(places: int) -> NumberPattern:
    """babel's number pattern with `places` decimals, parsed once (format_decimal parses it on every call)."""
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


_LOCALE = Locale.parse(LOCALE)


def _format_number(value: Zahl, places: int) -> str:
    quantum = Decimal(1).scaleb(-places)
    rounded = round_half_up(value, quantum)
    if rounded == 0:
        rounded = abs(rounded)  # never print "−0"
    return _pattern(places).apply(rounded, _LOCALE, decimal_quantization=True).replace("-", MINUS)


def zahl(value: Zahl, stellen: int | None = None) -> str:
    """3.5 → '3,5'; 0.75 → '0,75'; zahl(35, 2) → '35,00'. Without `stellen`, as many as needed."""
    return _number(value, noetige_stellen(value) if stellen is None else stellen)


def noetige_stellen(value: Zahl) -> int:
    """The places `zahl` prints a value with when none are given: all of a terminating decimal (1/8192 → 13), two of
    any other (1/3 → '0,33')."""
    value = exact(value)
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    if rest != 1:
        return 2
    shown = Decimal(value.numerator) / Decimal(value.denominator)
    return max(0, -int(shown.normalize().as_tuple().exponent))


def dezimalkomma(wert: str | Decimal | float, stellen: int | None = None) -> str:
    """A number with the German decimal comma and without digit groups, as a formula, a message or a form writes it:
    a text in plain notation as written ('12.5' → '12,5'), a Decimal in its plain notation (Decimal('0.523') →
    '0,523'), with `stellen` to that many places ((0.25, 1) → '0,2', as Python's `format` rounds)."""
    text = wert if isinstance(wert, str) else f"{wert:.{stellen}f}" if stellen is not None else format(wert, "f")
    return text.replace(".", ",")


_WORTE = ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")


def zahlwort(count: int) -> str:
    """A small count in words, as German prose writes it: 12 → 'zwölf'; from 13 on in digits."""
    return _WORTE[count] if 0 <= count < len(_WORTE) else zahl(count)


def anzahl(count: int, einzahl: str, mehrzahl: str) -> str:
    """'1 Problem', '2 Probleme', '0 Probleme'."""
    return f"{count} {numerus(count, einzahl, mehrzahl)}"


def speichergroesse(groesse: int) -> str:
    """A size in bytes as messages say it: whole MB from 1 MB on (1 MB = 1024 × 1024 bytes), below in bytes."""
    mb = 1024 * 1024
    return f"{zahl(groesse // mb)} MB" if groesse >= mb else f"{zahl(groesse)} Bytes"


def numerus(count: int, einzahl: str, mehrzahl: str) -> str:
    """The word for `count` of something, without the number: numerus(1, 'ist', 'sind') → 'ist'."""
    return einzahl if count == 1 else mehrzahl


def prozent(value: Zahl, stellen: int = 2) -> str:
    """A ratio as percent, rounded half-up: 0.7935 → '79,35 %'; 1/3 → '33,33 %'."""
    return _number(percent(value, stellen), stellen) + NBSP + "%"


def monat(value: dt.date) -> str:
    """'Dezember 2021'."""
    return format_date(value, "MMMM y", locale=_LOCALE)


class _Zeitraum(Protocol):
    """A period of months as `monate` reads it (load's Zeitraum, which core cannot import)."""

    @property
    def von(self) -> dt.date: ...

    @property
    def bis(self) -> dt.date: ...


def monate(zeitraum: _Zeitraum) -> str:
    """A period of whole months in words: 'Dezember 2021 bis Dezember 2022' (one month: 'Mai 2022')."""
    von, bis = (format_date(d, "MMMM y", locale=_LOCALE) for d in (zeitraum.von, zeitraum.bis))
    return von if von == bis else f"{von} bis {bis}"


def datum(value: dt.date) -> str:
    """'22.04.2021'."""
    return value.strftime("%d.%m.%Y")


def datum_lang(value: dt.date) -> str:
    """'22. April 2021'."""
    return format_date(value, "d. MMMM y", locale=_LOCALE)


def gekuerzt(text: str, laenge: int) -> str:
    """`text` in at most `laenge` characters for a one-line listing: cut after the last whole word that fits, with
    „…“ (a single word longer than that is cut inside)."""
    text = " ".join(text.split())
    if len(text) <= laenge:
        return text
    teil = text[: laenge - 1]
    wortgrenze = teil.rfind(" ")
    return (teil[:wortgrenze] if wortgrenze > 0 else teil).rstrip(" ,;:–-") + "…"


def zeigt_null(text: str) -> bool:
    """Whether a printed number shows zero – no digit but 0 ('0 T€', '0,00 %', '−0,00'): a value that is not zero
    must never print so."""
    return not any(c.isdigit() and c != "0" for c in text)


@dataclass(frozen=True)
class Zahlformat:
    """How a house prints money: its currency sign (hausstil: waehrung, „€“ or „EUR“). The Körperschaft carries it
    (`Koerperschaft.zahlformat`), and whatever prints an amount is handed it – there is no format set for a process.
    Numbers without a unit, percentages and dates print the same in every house (zahl, prozent, datum …)."""

    waehrung: str

    def geldeinheit(self, einheit: str) -> str:
        """A money unit as the house prints it: 'T€' stays 'T€', or becomes 'TEUR' where the Hausstil says EUR; any
        other unit stays."""
        return IN_EUR.get(einheit, einheit) if self.waehrung == "EUR" else einheit

    def eur(self, value: Zahl) -> str:
        """403963 → '403.963 €' (whole euros; '403.963 EUR' where the Hausstil says so)."""
        return _number(value, 0) + NBSP + self.geldeinheit("€")

    def eur_cent(self, value: Zahl) -> str:
        """1234.5 → '1.234,50 €'."""
        return _number(value, 2) + NBSP + self.geldeinheit("€")

    def teur(self, value: Zahl, stellen: int = 0) -> str:
        """An amount in thousands of euros: 2415730 → '2.416 T€'; teur(x, 1) → '2.415,7 T€'."""
        return _number(exact(value) / 1000, stellen) + NBSP + self.geldeinheit("T€")

    def mio(self, value: Zahl, stellen: int = 2) -> str:
        """An amount in millions of euros: 2415730 → '2,42 Mio. €'."""
        return _number(exact(value) / 1_000_000, stellen) + NBSP + self.geldeinheit("Mio. €").replace(" ", NBSP)

    def mrd(self, value: Zahl, stellen: int = 2) -> str:
        """An amount in billions of euros: 1234567890 → '1,23 Mrd. €'."""
        return _number(exact(value) / 1_000_000_000, stellen) + NBSP + self.geldeinheit("Mrd. €").replace(" ", NBSP)

    def geld(self, value: Zahl) -> str:
        """Money where no calculation sets its precision: whole euros, or with cents where it has some
        ('1.284.300 €', '12,50 €')."""
        return self.eur(value) if exact(value).denominator == 1 else self.eur_cent(value)

    def euro_or_cent(self, value: Zahl, quantum: Decimal) -> str:
        """Money in the precision of the calculation it comes from: whole euros, cents, or the finer step of a
        row's amount per unit (Rundung.im_text)."""
        return _number(value, max(0, -int(quantum.as_tuple().exponent))) + NBSP + self.geldeinheit("€")

    def signed(self, value: Zahl, quantum: Decimal) -> str:
        """A difference with its sign: '+18 €', '−2 €'."""
        return ("+" if value > 0 else "") + self.euro_or_cent(value, quantum)

    @functools.cached_property
    def filters(self) -> Mapping[str, Callable[..., str]]:
        """The filters a text's expressions print with (`{{ x | eur }}`), the money filters in this house's sign;
        named as FILTERNAMEN lists them."""
        return {
            "eur": self.eur,
            "eur_cent": self.eur_cent,
            "teur": self.teur,
            "mio": self.mio,
            "mrd": self.mrd,
            "zahl": zahl,
            "vzae": zahl,
            "prozent": prozent,
            "datum": datum,
            "datum_lang": datum_lang,
            "monat": monat,
            "monate": monate,
            "geld": self.euro_or_cent,  # {{ z.betrag | geld(t.quantum) }}: money in the precision of its table
            "geldeinheit": self.geldeinheit,  # {{ t.anzeige | geldeinheit }}: a table's unit in its head
        }


FILTERNAMEN = (
    "eur",
    "eur_cent",
    "teur",
    "mio",
    "mrd",
    "zahl",
    "vzae",
    "prozent",
    "datum",
    "datum_lang",
    "monat",
    "monate",
    "geld",
    "geldeinheit",
)

# The format of a read that has no house to ask: a typed document read on its own (nachrechnen), a data
# file checked as it is read, before any Körperschaft is at hand. Everything that prints for a Körperschaft takes
# its `zahlformat` instead.
OHNE_HAUS = Zahlformat("€")
ZAHLFORMATE = {zeichen: Zahlformat(zeichen) for zeichen in WAEHRUNGEN}  # one of each, its filters made once


def slugify(text: str) -> str:
    """'Handlungskonzept KIM – Übersicht' → 'handlungskonzept-kim-uebersicht'."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "anlage"
