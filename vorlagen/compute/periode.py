"""Periods and units: how much of a rate a Zeitraum costs, and how a row of count × rate reads."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import Zahlformat, anzahl, datum, monate, zahl
from vorlagen.core.money import Rundung, Zahl
from vorlagen.load.saetze import Satz
from vorlagen.load.zeitraum import Zeitraum

ZEITEINHEITEN = ("Jahr", "Monat")  # only these grow with the period


@dataclass(frozen=True)
class Periode:
    """How much of a year (and how many months) a Zeitraum charges, per calendar year."""

    gewichte: dict[int, Fraction]  # what a rate per year charges in each calendar year (months or days as a share)
    jahresanteil: Fraction  # the whole period as a fraction of one year
    text: str  # '13 Monate' or '396 Tage'; '' for a table without a period (amounts per year)
    zeitraum: Zeitraum | None = None
    monatsgewichte: dict[int, Fraction] | None = None  # months charged per calendar year (None: same as gewichte)
    monatsanteil: Fraction | None = None  # months charged in all: whole months count 1, others by their days

    @property
    def monate(self) -> str:
        """'Dezember 2021 bis Dezember 2022'."""
        return monate(self.zeitraum) if self.zeitraum else ""

    def gewichte_fuer(self, einheit: str) -> dict[int, Fraction]:
        """The per-year weights of an amount of rates per `einheit`: a monthly rate charges months as months."""
        return self.monatsgewichte if einheit == "Monat" and self.monatsgewichte is not None else self.gewichte

    def anteil_fuer(self, einheit: str) -> Fraction:
        """How many units of a rate per `einheit` the period charges (rates per piece or once: one)."""
        if einheit == "Jahr":
            return self.jahresanteil
        if einheit == "Monat":
            return self.monatsanteil if self.monatsanteil is not None else self.jahresanteil * 12
        return Fraction(1)


JAHRESWERTE = Periode({}, Fraction(1), "")  # an Aufstellung without a period: amounts for one year


def periode(zeitraum: Zeitraum | None, tagesgenau: bool) -> Periode | None:
    """The Periode of a Zeitraum; None when it is not whole months and day-exact is not asked for.

    Day-exact: a rate per year charges each day 1/365 (1/366 in a leap year) of it, and the years are
    weighted by what they are charged; a rate per month charges a whole month as one month and a part of
    a month by its days.
    """
    if zeitraum is None:
        return JAHRESWERTE
    von, bis = zeitraum.von, zeitraum.bis
    whole_months = von.day == 1 and bis.day == calendar.monthrange(bis.year, bis.month)[1]
    if whole_months and not tagesgenau:
        months: dict[int, Fraction] = {}
        for year in range(von.year, bis.year + 1):
            first = von.month if year == von.year else 1
            last = bis.month if year == bis.year else 12
            months[year] = Fraction(last - first + 1)
        total = int(sum(months.values()))
        return Periode(months, Fraction(total, 12), anzahl(total, "Monat", "Monate"), zeitraum)
    if not tagesgenau:
        return None
    years: dict[int, Fraction] = {}
    month_shares: dict[int, Fraction] = {}
    days = 0
    for year in range(von.year, bis.year + 1):
        start = max(von, dt.date(year, 1, 1))
        end = min(bis, dt.date(year, 12, 31))
        count = (end - start).days + 1
        days += count
        years[year] = Fraction(count, 366 if calendar.isleap(year) else 365)
        month_shares[year] = sum(
            (_monatsanteil(year, month, start, end) for month in range(start.month, end.month + 1)), Fraction(0)
        )
    return Periode(
        years,
        sum(years.values(), Fraction(0)),
        anzahl(days, "Tag", "Tage"),
        zeitraum,
        month_shares,
        sum(month_shares.values(), Fraction(0)),
    )


def _monatsanteil(year: int, month: int, start: dt.date, end: dt.date) -> Fraction:
    """The share of one calendar month that lies between start and end: its days over the month's days."""
    length = calendar.monthrange(year, month)[1]
    first = max(start, dt.date(year, month, 1))
    last = min(end, dt.date(year, month, length))
    return Fraction((last - first).days + 1, length)


def nicht_ganze_monate(zeitraum: Zeitraum) -> str:
    return (
        f"Der Zeitraum {datum(zeitraum.von)}–{datum(zeitraum.bis)} umfasst keine ganzen Monate – beginnen Sie "
        "am Monatsersten und enden Sie am Monatsletzten, oder setzen Sie „tagesgenau: true“."
    )


def fuer_periode(satz: Satz, periode_: Periode) -> Fraction:
    """The exact amount of one unit of a rate for the period: time rates scale, others do not."""
    return Fraction(satz.betrag) * periode_.anteil_fuer(satz.einheit)


def anzahl_text(anzahl: Zahl, einheit: str) -> str:
    """'3,5', '9 Tage', '(6 + 3) Tage', '4 Stück'."""
    teile = getattr(anzahl, "teile", ())
    text = f"({' + '.join(zahl(t) for t in teile)})" if len(teile) > 1 else zahl(anzahl)
    if einheit == "Tag":
        return f"{text} {'Tag' if anzahl == 1 and len(teile) <= 1 else 'Tage'}"
    if einheit == "Stück":
        return f"{text} Stück"
    return text


def zeile(
    anzahl: Zahl,
    anteil: Zahl,
    saetze: list[Satz],
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    hinweis: str | None = None,
) -> tuple[str, Decimal, Decimal]:
    """(label, amount per unit, row amount) for count × summed rates, in the seed's style:
    '3,5 x 70.091 € (59.583 € PK + 10.508 € SK für 13 Monate)', '9 Tage x 1.012 €'."""
    exakt = [fuer_periode(s, periode_) for s in saetze]
    _, einheit, betrag = rundung.zeile(anzahl, exakt, anteil)
    shown = rundung.im_text(anzahl, exakt, anteil)
    unit = saetze[0].einheit
    if shown is None:  # no amount per unit gives the row back: the text names the rates only
        text = (
            f"{anzahl_text(anzahl, unit)} x ({_mal_anteil(anteil, [s.kurz for s in saetze])}{_wofuer(unit, periode_)})"
        )
    else:
        parts, gezeigt, step = shown
        money = lambda value: zahlformat.euro_or_cent(value, step)  # noqa: E731
        inner = [saetze[0].kurz] if len(parts) == 1 else [f"{money(b)} {s.kurz}" for s, b in zip(saetze, parts)]
        text = f"{anzahl_text(anzahl, unit)} x {money(gezeigt)}"
        wofuer = _wofuer(unit, periode_)
        if wofuer or len(parts) > 1 or anteil != 1:
            text += f" ({_mal_anteil(anteil, inner)}{wofuer})"
    if hinweis:
        text += f" – {hinweis}"
    return text, einheit, betrag


def _mal_anteil(anteil: Zahl, teile: list[str]) -> str:
    """'PK + SK', or with a share of a post '0,75 x (PK + SK)'."""
    inner = " + ".join(teile)
    return inner if anteil == 1 else f"{zahl(anteil)} x {inner if len(teile) == 1 else '(' + inner + ')'}"


def _wofuer(einheit: str, periode_: Periode) -> str:
    """What a rate of the unit counts for in a row's text: ' für 13 Monate', ', einmalig' or nothing."""
    if einheit in ZEITEINHEITEN and periode_.text:
        return f" für {periode_.text}"
    return ", einmalig" if einheit == "einmalig" else ""
