"""Pure financing computation: tables, per-year split, summary, Bescheide, Verteilungen."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import datum, euro_or_cent, zahl
from vorlagen.load.model import Berechnung, Bescheid, Kostenposition, Satz, Verteilung, Zeitraum
from vorlagen.core.money import round_half_up, split_largest_remainder
from vorlagen.compute.names import Named, Names
from vorlagen.core.problems import Problem


@dataclass(frozen=True)
class Periode:
    """How much of a year a Zeitraum covers, per calendar year."""

    gewichte: dict[int, int]  # months (or days) per calendar year, for the per-year split
    jahresanteil: Fraction  # the whole period as a fraction of one year
    text: str  # '13 Monate' or '396 Tage'


def periode(zeitraum: Zeitraum, tagesgenau: bool) -> Periode | None:
    """The Periode of a Zeitraum; None when it is not whole months and day-exact is not asked for."""
    von, bis = zeitraum.von, zeitraum.bis
    whole_months = von.day == 1 and bis.day == calendar.monthrange(bis.year, bis.month)[1]
    if whole_months and not tagesgenau:
        months: dict[int, int] = {}
        for year in range(von.year, bis.year + 1):
            first = von.month if year == von.year else 1
            last = bis.month if year == bis.year else 12
            months[year] = last - first + 1
        total = sum(months.values())
        return Periode(months, Fraction(total, 12), f"{total} Monat" if total == 1 else f"{total} Monate")
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
    return Periode(days, share, f"{total} Tag" if total == 1 else f"{total} Tage")


def betrag_fuer(satz: Satz, periode_: Periode, quantum: Decimal) -> Decimal:
    """Annual rate × share of the year, rounded half-up (55.000 € → 59.583 € for 13 months)."""
    share = periode_.jahresanteil
    return round_half_up(satz.jahresbetrag * share.numerator / share.denominator, quantum)


@dataclass
class Zeile(Named):
    """One row of a financing table."""

    als: str  # 'Gesamtkosten' or the deduction's label, e.g. 'KIM-Förderung'
    text: str  # '3,5 x 115.418 € (E11 für 13 Monate)'
    betrag: Decimal  # always positive; `abzug` says the sign
    abzug: bool
    einheit: Decimal  # amount per unit for the period
    jahre: dict[int, Decimal]
    position: Kostenposition
    saetze: list[Satz]


@dataclass
class Jahr(Named):
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal


@dataclass
class Tabelle(Named):
    """A computed financing table: Gesamtkosten − Abzüge = Eigenanteil."""

    id: str
    titel: str
    ueberschrift: str  # '3,5 VZÄ Strategische Steuerung im KI für 01.12.2021–31.12.2022'
    zeitraum: Zeitraum
    periode: Periode
    vzae: Decimal  # positions of the first cost row (count × share)
    zeilen: list[Zeile]
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal
    jahre: dict[int, Jahr]
    alternative: str | None
    berechnung: Berechnung
    quantum: Decimal


@dataclass
class Uebersicht(Named):
    """Eigenanteile across tables; alternatives (same `alternative`) give a range."""

    tabellen: list[Tabelle]
    feste: list[Tabelle]
    alternativen: dict[str, list[Tabelle]]
    eigenanteil_min: Decimal
    eigenanteil_max: Decimal
    jahre_min: dict[int, Decimal]
    jahre_max: dict[int, Decimal]

    @property
    def spanne(self) -> bool:
        return self.eigenanteil_min != self.eigenanteil_max

    @property
    def eigenanteil(self) -> Decimal:
        """The total when there is no range."""
        return self.eigenanteil_max


def tabelle(berechnung: Berechnung, saetze: dict[str, Satz], quantum: Decimal) -> tuple[Tabelle | None, list[Problem]]:
    """Computes one financing table from facts alone."""
    periode_ = periode(berechnung.zeitraum, berechnung.tagesgenau)
    if periode_ is None:
        return None, [Problem(berechnung.where("zeitraum"),
                              f"Der Zeitraum {datum(berechnung.zeitraum.von)}–{datum(berechnung.zeitraum.bis)} "
                              "umfasst keine ganzen Monate – beginnen Sie am Monatsersten und enden Sie am "
                              "Monatsletzten, oder setzen Sie „tagesgenau: true“.")]
    zeilen = [_zeile(p, "Gesamtkosten", False, saetze, periode_, quantum) for p in berechnung.kosten]
    zeilen += [_zeile(p, p.als, True, saetze, periode_, quantum) for p in berechnung.abzuege]
    gesamt = sum((z.betrag for z in zeilen if not z.abzug), Decimal(0))
    abzuege = sum((z.betrag for z in zeilen if z.abzug), Decimal(0))
    jahre = {}
    for year in periode_.gewichte:
        g = sum((z.jahre[year] for z in zeilen if not z.abzug), Decimal(0))
        a = sum((z.jahre[year] for z in zeilen if z.abzug), Decimal(0))
        jahre[year] = Jahr(g, a, g - a)
    first = berechnung.kosten[0]
    stellen = f"{zahl(first.anzahl)} VZÄ" if first.anteil == 1 else f"{zahl(first.anzahl)} x {zahl(first.anteil)} VZÄ"
    ueberschrift = (f"{stellen} {berechnung.titel} für "
                    f"{datum(berechnung.zeitraum.von)}–{datum(berechnung.zeitraum.bis)}")
    return Tabelle(berechnung.id, berechnung.titel, ueberschrift, berechnung.zeitraum, periode_,
                   first.anzahl * first.anteil, zeilen, gesamt, abzuege, gesamt - abzuege, jahre,
                   berechnung.alternative, berechnung, quantum), []


def _zeile(position: Kostenposition, als: str, abzug: bool, saetze: dict[str, Satz],
           periode_: Periode, quantum: Decimal) -> Zeile:
    used = [saetze[s] for s in position.saetze]
    parts = [(satz, betrag_fuer(satz, periode_, quantum)) for satz in used]
    einheit = sum((b for _, b in parts), Decimal(0))
    if position.anteil != 1:
        einheit = round_half_up(einheit * position.anteil, quantum)
    betrag = round_half_up(position.anzahl * einheit, quantum)
    money = lambda value: euro_or_cent(value, quantum)  # noqa: E731
    inner = parts[0][0].kurz if len(parts) == 1 else " + ".join(f"{money(b)} {s.kurz}" for s, b in parts)
    if position.anteil != 1:
        inner = f"{zahl(position.anteil)} x {inner if len(parts) == 1 else '(' + inner + ')'}"
    text = f"{zahl(position.anzahl)} x {money(einheit)} ({inner} für {periode_.text})"
    if position.hinweis:
        text += f" – {position.hinweis}"
    jahre = split_largest_remainder(betrag, periode_.gewichte, quantum)
    return Zeile(als, text, betrag, abzug, einheit, jahre, position, used)


def uebersicht(tabellen: list[Tabelle]) -> Uebersicht:
    """Sums the Eigenanteile; for each group of alternatives, the cheapest and dearest give the range."""
    feste = [t for t in tabellen if t.alternative is None]
    gruppen: dict[str, list[Tabelle]] = {}
    for t in tabellen:
        if t.alternative is not None:
            gruppen.setdefault(t.alternative, []).append(t)
    low = feste + [min(g, key=lambda t: t.eigenanteil) for g in gruppen.values()]
    high = feste + [max(g, key=lambda t: t.eigenanteil) for g in gruppen.values()]
    years = sorted({y for t in tabellen for y in t.jahre})
    per_year = lambda chosen: {y: sum((t.jahre[y].eigenanteil for t in chosen if y in t.jahre), Decimal(0))  # noqa: E731
                               for y in years}
    return Uebersicht(tabellen, feste, gruppen,
                      sum((t.eigenanteil for t in low), Decimal(0)),
                      sum((t.eigenanteil for t in high), Decimal(0)),
                      per_year(low), per_year(high))


@dataclass
class BescheidWerte(Named):
    """A Bescheid with its amount computed from VZÄ × rate."""

    id: str
    datum: dt.date
    behoerde: str
    aktenzeichen: str | None
    zeitraum: Zeitraum
    vzae: Decimal
    betrag: Decimal
    zeilen: list[tuple[str, Decimal]]
    raten: list[tuple[dt.date, Decimal]]
    bescheid: Bescheid


def bescheid_werte(bescheid_id: str, bescheid: Bescheid, saetze: dict[str, Satz], quantum: Decimal):
    periode_ = periode(bescheid.zeitraum, tagesgenau=False) or periode(bescheid.zeitraum, tagesgenau=True)
    zeilen = []
    for position in bescheid.positionen:
        satz = saetze[position.satz]
        share = periode_.jahresanteil
        amount = round_half_up(position.anzahl * satz.jahresbetrag * share.numerator / share.denominator, quantum)
        zeilen.append((f"{zahl(position.anzahl)} x {satz.name}", amount))
    betrag = sum((a for _, a in zeilen), Decimal(0))
    weights = {i: rate.anteil for i, rate in enumerate(bescheid.raten)}
    raten = []
    if bescheid.raten and sum(weights.values()) == 1:
        common = max(w.denominator for w in weights.values())
        parts = split_largest_remainder(betrag, {i: int(w * common) for i, w in weights.items()}, quantum)
        raten = [(rate.faellig, parts[i]) for i, rate in enumerate(bescheid.raten)]
    return BescheidWerte(bescheid_id, bescheid.datum, bescheid.behoerde, bescheid.aktenzeichen, bescheid.zeitraum,
                         sum((p.anzahl for p in bescheid.positionen), Decimal(0)), betrag, zeilen, raten, bescheid)


@dataclass
class VerteilungWerte(Named):
    """A distribution (e.g. CM-Einsatz in Tagen pro Woche per Kommune) with its target sum."""

    id: str
    titel: str
    zeilen: list[tuple[str, Decimal | None, str | None]] = field(default_factory=list)
    summe: Decimal = Decimal(0)
    vzae: Decimal = Decimal(0)
    tage_pro_vzae: Decimal = Decimal(5)
    soll: Decimal = Decimal(0)
    anzahl: int = 0  # entries with a value above zero
    verteilung: Verteilung | None = None


def verteilung_werte(verteilung: Verteilung, tabellen: Names) -> VerteilungWerte:
    vzae = tabellen[verteilung.berechnung].vzae if verteilung.berechnung else verteilung.vzae
    zeilen = [(name, wert, verteilung.hinweise.get(name)) for name, wert in verteilung.werte.items()]
    werte = [w for _, w, _ in zeilen if w is not None]
    return VerteilungWerte(verteilung.id, verteilung.titel, zeilen, sum(werte, Decimal(0)), vzae,
                           verteilung.tage_pro_vzae, vzae * verteilung.tage_pro_vzae,
                           sum(1 for w in werte if w > 0), verteilung)
