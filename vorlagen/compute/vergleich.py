"""Vergleich: two Planstände side by side, each line typed, computed by formulas or derived from lines above, with
the comparison columns the body chooses and names (default: „Veränderung“ neu − alt and „in %“) and `erwartet` on
any cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from vorlagen.compute.darstellung import genau_text
from vorlagen.compute.grenzen import Texte, differenz, tabellengrenzen
from vorlagen.compute.names import Named
from vorlagen.compute.periode import JAHRESWERTE
from vorlagen.compute.tabelle import Auswerten, Tabelle, Zeilen
from vorlagen.core.fmt import Zahlformat, prozent, zahl
from vorlagen.core.money import CENT, Rundung, Zahl, percent, ratio, round_half_up
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz
from vorlagen.load.vergleichszeilen import Vergleichserwartung


@dataclass(frozen=True)
class Vergleichsspalte:
    """A comparison column: its head, what it computes from the two values, whether a difference shows its sign."""

    als: str
    rechnung: str  # neu - alt, alt - neu, (neu - alt) / alt, neu / alt
    vorzeichen: bool = True

    @property
    def prozent(self) -> bool:
        return "/" in self.rechnung


STANDARD = (Vergleichsspalte("Veränderung", "neu - alt"), Vergleichsspalte("in %", "(neu - alt) / alt"))


def rechne(rechnung: str, alt: Zahl, neu: Zahl) -> Fraction | None:
    """A comparison column's exact value; None for a share of an old value of 0."""
    alt, neu = Fraction(alt), Fraction(neu)
    if rechnung == "neu - alt":
        return neu - alt
    if rechnung == "alt - neu":
        return alt - neu
    if alt == 0:
        return None
    return (neu - alt) / alt if rechnung == "(neu - alt) / alt" else neu / alt


@dataclass
class Vergleichswert(Named):
    """One line of a Vergleich: both values, the difference and the change as a ratio, and the value of each
    comparison column by its head (`spalten["Überschreitung"]`)."""

    id: str | None
    als: str
    alt: Decimal
    neu: Decimal
    differenz: Decimal
    veraenderung: Fraction | None  # (neu − alt) / alt; None when alt is 0
    abgeleitet: bool
    spalten: dict[str, Fraction | None] = field(default_factory=dict)


@dataclass
class Vergleich(Tabelle):
    """Two Planstände side by side."""

    spalten: list[str]
    einheit: str  # Euro, Stellen, Anzahl
    stellen: int  # decimal places to print values (Stellen: as many as the data has)
    prozent_stellen: int
    alternative: str | None = None
    vergleichsspalten: tuple[Vergleichsspalte, ...] = STANDARD

    def wert(self, value: Zahl) -> str:
        """A value as this table prints it."""
        return (
            self._zahlformat.euro_or_cent(value, self.quantum) if self.einheit == "Euro" else zahl(value, self.stellen)
        )

    def differenz(self, zeile: Vergleichswert) -> str:
        """'+11', '−2.500 €', '±0'."""
        if zeile.differenz == 0:
            return "±" + self.wert(0)
        return ("+" if zeile.differenz > 0 else "") + self.wert(zeile.differenz)

    def aenderung(self, zeile: Vergleichswert) -> str:
        """'+1,15 %'; '–' when the old value is 0."""
        if zeile.veraenderung is None:
            return "–"
        return ("+" if zeile.veraenderung > 0 else "") + prozent(zeile.veraenderung, self.prozent_stellen)

    def spalte(self, zeile: Vergleichswert, s: Vergleichsspalte) -> str:
        """A comparison column's cell as printed: a difference in the table's unit ('+11', '±0', '−2.500 €'), a
        share in % ('+1,15 %', '101,99 %'); '–' for a share of an old value of 0."""
        value = zeile.spalten[s.als]
        if value is None:
            return "–"
        text = prozent(value, self.prozent_stellen) if s.prozent else self.wert(value)
        if not s.vorzeichen or s.rechnung == "neu / alt":
            return text
        if value == 0 and not s.prozent:
            return "±" + text
        return ("+" if value > 0 else "") + text


class _Werttabelle(Protocol):
    """A table of values in its own unit that prints them: a Vergleich or a Matrix (compute/matrix.py)."""

    quantum: Decimal
    einheit: str
    stellen: int
    _zahlformat: Zahlformat

    def wert(self, value: Decimal) -> str: ...


def getippt(t: _Werttabelle, value: Decimal) -> str:
    """A typed value (`erwartet`) as table `t` (a Vergleich or a Matrix) prints it – with all its places where it
    has more, so that a message never shows two different values alike."""
    shown = (2 if t.quantum == CENT else 0) if t.einheit == "Euro" else t.stellen
    if nachkommastellen(Decimal(value)) <= shown:
        return t.wert(value)
    return zahl(value) + ("\u00a0" + t._zahlformat.geldeinheit("€") if t.einheit == "Euro" else "")


def vergleich(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Vergleich | None, list[Problem]]:
    """Two Planstände; a line is typed (`werte`), computed by two formulas (`aus`, read by `auswerten`) or derived
    from lines above it (`plus`/`minus`)."""
    problems: list[Problem] = []
    lines: dict[str, Vergleichswert] = {}
    rows = Zeilen()
    spalten = (
        STANDARD
        if berechnung.vergleichsspalten is None
        else tuple(Vergleichsspalte(s.als, s.rechnung, s.vorzeichen) for s in berechnung.vergleichsspalten)
    )
    dimension = {"Euro": "€", "Stellen": "VZÄ"}.get(berechnung.einheit, "")
    for z in berechnung.zeilen:
        if z.werte:
            alt, neu = z.werte
        elif z.aus:
            assert auswerten is not None  # a table that reads figures is computed after them
            try:
                alt, neu = (_as_decimal(auswerten(formel, dimension)) for formel in z.aus)
            except ValueError as error:
                problems.append(Problem(z.where("aus"), f"Berechnung „{berechnung.id}“, Zeile „{z.als}“: {error}"))
                continue
        else:
            missing = [r for r in z.plus + z.minus if r not in lines]
            if missing:
                problems.append(
                    Problem(
                        z.where("plus" if z.plus else "minus"),
                        f"Zeile „{z.als}“: „{missing[0]}“ ist keine Zeile darüber – abgeleitete "
                        f"Zeilen nennen die „id“ früherer Zeilen (vorhanden: {', '.join(lines) or 'keine'}).",
                    )
                )
                continue
            alt = sum((lines[r].alt for r in z.plus), Decimal(0)) - sum((lines[r].alt for r in z.minus), Decimal(0))
            neu = sum((lines[r].neu for r in z.plus), Decimal(0)) - sum((lines[r].neu for r in z.minus), Decimal(0))
        wert = Vergleichswert(
            z.id,
            z.als,
            alt,
            neu,
            neu - alt,
            ratio(neu - alt, alt),
            bool(z.plus or z.minus),
            {s.als: rechne(s.rechnung, alt, neu) for s in spalten},
        )
        rows.append(wert)
        if z.id:
            lines[z.id] = wert
    if problems:
        return None, problems
    places = max((nachkommastellen(v) for w in rows for v in (w.alt, w.neu)), default=0)
    if berechnung.einheit == "Euro" and places > 2:
        return None, [_mehr_als_cent(berechnung, rows)]
    # amounts typed with cents are printed with cents: rounding them to whole euros would lose them
    quantum = CENT if berechnung.einheit == "Euro" and places > 0 else rundung.quantum
    table = Vergleich(
        berechnung.id,
        berechnung.art,
        berechnung.titel,
        berechnung.titel,
        None,
        JAHRESWERTE,
        rows,
        berechnung,
        quantum,
        zahlformat,
        berechnung.spalten,
        berechnung.einheit,
        places,
        rundung.prozent_stellen,
        berechnung.alternative,
        spalten,
    )
    return table, _erwartet(table) + _grenzen(table)


def _mehr_als_cent(berechnung: Berechnung, rows: list[Vergleichswert]) -> Problem:
    """A line of a Vergleich in Euro with more than two places, at its line."""
    where = next(
        z.where("werte" if z.werte else "aus")
        for z, w in zip(berechnung.zeilen, rows)
        if nachkommastellen(w.alt) > 2 or nachkommastellen(w.neu) > 2
    )
    return Problem(
        where,
        f"Berechnung „{berechnung.id}“: Beträge in Euro haben höchstens zwei Nachkommastellen (Cent) – prüfen Sie den "
        "Wert.",
    )


def nachkommastellen(value: Decimal) -> int:
    """The decimal places a typed or computed value has: 1.50 → 1."""
    return max(0, -int(value.normalize().as_tuple().exponent))


def _as_decimal(value: Fraction) -> Decimal:
    """A computed value of a Vergleich line: exact where it has at most six decimals, else to six places."""
    return round_half_up(value, Decimal("0.000001"))


def _erwartet(t: Vergleich) -> list[Problem]:
    """Each cell's `erwartet` against what the table prints: a typed slip of the original is caught here."""
    problems = []
    for z, w in zip(t.berechnung.zeilen, t.zeilen):
        e = z.erwartet
        if e is None:
            continue
        cells = [
            ("alt", t.spalten[0], e.alt, w.alt),
            ("neu", t.spalten[1], e.neu, w.neu),
            ("differenz", "Veränderung", e.differenz, w.differenz),
        ]
        for key, label, expected, value in cells:
            if expected is not None and expected != value:
                problems.append(
                    Problem(
                        e.where(key),
                        f"Berechnung „{t.id}“, Zeile „{w.als}“, {label}: berechnet "
                        f"{t.wert(value)}, erwartet {getippt(t, expected)} – prüfen Sie den "
                        "erwarteten Wert und die Eingangswerte.",
                    )
                )
        if e.prozent is not None:
            shown = None if w.veraenderung is None else percent(w.veraenderung, t.prozent_stellen)
            if shown != e.prozent:
                problems.append(
                    Problem(
                        e.where("prozent"),
                        f"Berechnung „{t.id}“, Zeile „{w.als}“, Veränderung in %: "
                        f"berechnet {t.aenderung(w)}, erwartet "
                        f"{zahl(e.prozent)}\u00a0% – prüfen Sie den erwarteten Wert.",
                    )
                )
        problems += _erwartet_spalten(t, e, w)
    return problems


def _grenzen(t: Vergleich) -> list[Problem]:
    """`hoechstens` and `mindestens` of each line: its values and difference in the table's unit, the change and the
    shares of comparison columns in %, each against its exact value."""
    problems = []
    in_einheit = Texte(lambda v: getippt(t, dezimal(v)))
    zahlformat = t._zahlformat
    in_prozent = Texte(
        lambda v: genau_text(Fraction(v) / 100, "%", zahlformat), diff=lambda d: differenz(d / 100, "%", zahlformat)
    )
    for z, w in zip(t.berechnung.zeilen, t.zeilen):
        name = f"Berechnung „{t.id}“, Zeile „{w.als}“"
        werte = [("alt", t.spalten[0], w.alt), ("neu", t.spalten[1], w.neu), ("differenz", "Veränderung", w.differenz)]
        werte += [(f"zellen:{s.als}", s.als, w.spalten[s.als]) for s in t.vergleichsspalten if not s.prozent]
        prozente = [("prozent", "Veränderung in %", None if w.veraenderung is None else w.veraenderung * 100)]
        prozente += [
            (f"zellen:{s.als}", s.als, None if w.spalten[s.als] is None else w.spalten[s.als] * 100)
            for s in t.vergleichsspalten
            if s.prozent
        ]
        felder = [(*f, in_einheit) for f in werte] + [(*f, in_prozent) for f in prozente]
        problems += tabellengrenzen(z, felder, in_einheit, name)
    return problems


def dezimal(value: Zahl) -> Decimal:
    """An exact terminating value as a Decimal (the values and differences of a table are such)."""
    value = Fraction(value)
    return Decimal(value.numerator) / Decimal(value.denominator)


def _erwartet_spalten(t: Vergleich, e: Vergleichserwartung, w: Vergleichswert) -> list[Problem]:
    """`erwartet: zellen: {Kopf: Wert}` of the comparison columns: a difference in the table's unit, a share in %
    as printed."""
    problems = []
    heads = {s.als: s for s in t.vergleichsspalten}
    for kopf, expected in e.zellen.items():
        s = heads.get(kopf)
        if s is None:
            problems.append(
                Problem(
                    e.where("zellen"),
                    f"Berechnung „{t.id}“, Zeile „{w.als}“: Eine Vergleichsspalte „{kopf}“ gibt es nicht – "
                    f"Vergleichsspalten: {', '.join(heads) or 'keine'}.",
                )
            )
            continue
        value = w.spalten[kopf]
        shown = None if value is None else (percent(value, t.prozent_stellen) if s.prozent else value)
        if shown is None or Fraction(shown) != Fraction(expected):
            erwartet = f"{zahl(expected)}\u00a0%" if s.prozent else getippt(t, expected)
            problems.append(
                Problem(
                    e.where("zellen"),
                    f"Berechnung „{t.id}“, Zeile „{w.als}“, {kopf}: berechnet {t.spalte(w, s)}, erwartet "
                    f"{erwartet} – prüfen Sie den erwarteten Wert und die Eingangswerte.",
                )
            )
    return problems
