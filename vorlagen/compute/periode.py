"""Periods and units: how much of a rate a Zeitraum costs, and how a row of count × rate reads."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import datum, euro_or_cent, monate, zahl
from vorlagen.core.money import Rundung
from vorlagen.load.finanzen import Satz, Zeitraum

ZEITEINHEITEN = ("Jahr", "Monat")  # only these grow with the period


@dataclass(frozen=True)
class Periode:
    """How much of a year a Zeitraum covers, per calendar year."""

    gewichte: dict[int, int]  # months (or days) per calendar year, for the per-year split
    jahresanteil: Fraction  # the whole period as a fraction of one year
    text: str  # '13 Monate' or '396 Tage'; '' for a table without a period (amounts per year)
    zeitraum: Zeitraum | None = None

    @property
    def monate(self) -> str:
        """'Dezember 2021 bis Dezember 2022'."""
        return monate(self.zeitraum) if self.zeitraum else ""


JAHRESWERTE = Periode({}, Fraction(1), "")  # an Aufstellung without a period: amounts for one year


def periode(zeitraum: Zeitraum | None, tagesgenau: bool) -> Periode | None:
    """The Periode of a Zeitraum; None when it is not whole months and day-exact is not asked for."""
    if zeitraum is None:
        return JAHRESWERTE
    von, bis = zeitraum.von, zeitraum.bis
    whole_months = von.day == 1 and bis.day == calendar.monthrange(bis.year, bis.month)[1]
    if whole_months and not tagesgenau:
        months: dict[int, int] = {}
        for year in range(von.year, bis.year + 1):
            first = von.month if year == von.year else 1
            last = bis.month if year == bis.year else 12
            months[year] = last - first + 1
        total = sum(months.values())
        return Periode(months, Fraction(total, 12), f"{total} Monat" if total == 1 else f"{total} Monate", zeitraum)
    if not tagesgenau:
        return None
    days: dict[int, int] = {}
    share = Fraction(0)
    for year in range(von.year, bis.year + 1):
        start = max(von, dt.date(year, 1, 1))
        end = min(bis, dt.date(year, 12, 31))
        days[year] = (end - start).days + 1
        share += Fraction(days[year], 366 if calendar.isleap(year) else 365)
    total = sum(days.values())
    return Periode(days, share, f"{total} Tag" if total == 1 else f"{total} Tage", zeitraum)


def nicht_ganze_monate(zeitraum: Zeitraum) -> str:
    return (f"Der Zeitraum {datum(zeitraum.von)}–{datum(zeitraum.bis)} umfasst keine ganzen Monate – beginnen Sie "
            "am Monatsersten und enden Sie am Monatsletzten, oder setzen Sie „tagesgenau: true“.")


def fuer_periode(satz: Satz, periode_: Periode) -> Fraction:
    """The exact amount of one unit of a rate for the period: time rates scale, others do not."""
    if satz.einheit == "Jahr":
        return Fraction(satz.betrag) * periode_.jahresanteil
    if satz.einheit == "Monat":
        return Fraction(satz.betrag) * periode_.jahresanteil * 12
    return Fraction(satz.betrag)


def anzahl_text(anzahl, einheit: str) -> str:
    """'3,5', '9 Tage', '(6 + 3) Tage', '4 Stück'."""
    teile = getattr(anzahl, "teile", ())
    text = f"({' + '.join(zahl(t) for t in teile)})" if len(teile) > 1 else zahl(anzahl)
    if einheit == "Tag":
        return f"{text} {'Tag' if anzahl == 1 and len(teile) <= 1 else 'Tage'}"
    if einheit == "Stück":
        return f"{text} Stück"
    return text


def zeile(anzahl, anteil, saetze: list[Satz], periode_: Periode, rundung: Rundung,
          hinweis: str | None = None) -> tuple[str, Decimal, Decimal]:
    """(label, amount per unit, row amount) for count × summed rates, in the seed's style:
    '3,5 x 70.091 € (59.583 € PK + 10.508 € SK für 13 Monate)', '9 Tage x 1.012 €'."""
    parts, einheit, betrag = rundung.zeile(anzahl, [fuer_periode(s, periode_) for s in saetze], anteil)
    money = lambda value: euro_or_cent(value, rundung.quantum)  # noqa: E731
    unit = saetze[0].einheit
    inner = saetze[0].kurz if len(parts) == 1 else " + ".join(f"{money(b)} {s.kurz}" for s, b in zip(saetze, parts))
    if anteil != 1:
        inner = f"{zahl(anteil)} x {inner if len(parts) == 1 else '(' + inner + ')'}"
    text = f"{anzahl_text(anzahl, unit)} x {money(einheit)}"
    if unit in ZEITEINHEITEN and periode_.text:
        text += f" ({inner} für {periode_.text})"
    elif unit == "einmalig":
        text += f" ({inner}, einmalig)"
    elif len(parts) > 1 or anteil != 1:
        text += f" ({inner})"
    if hinweis:
        text += f" – {hinweis}"
    return text, einheit, betrag
