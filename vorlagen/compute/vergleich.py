"""Vergleich: two Planstände side by side, each line typed, computed by formulas or derived from lines above,
with its difference, its change in percent and `erwartet` on any cell."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.eigenanteil import Tabelle, Zeilen
from vorlagen.compute.names import Named
from vorlagen.compute.periode import JAHRESWERTE
from vorlagen.core.fmt import euro_or_cent, prozent, zahl
from vorlagen.core.money import CENT, Rundung, percent, ratio, round_half_up
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz


@dataclass
class Vergleichswert(Named):
    """One line of a Vergleich: both values, the difference and the change as a ratio."""

    id: str | None
    als: str
    alt: Decimal
    neu: Decimal
    differenz: Decimal
    veraenderung: Fraction | None  # (neu − alt) / alt; None when alt is 0
    abgeleitet: bool


@dataclass
class Vergleich(Tabelle):
    """Two Planstände side by side."""

    spalten: list[str]
    einheit: str  # Euro, Stellen, Anzahl
    stellen: int  # decimal places to print values (Stellen: as many as the data has)
    prozent_stellen: int
    alternative: str | None = None

    def wert(self, value) -> str:
        """A value as this table prints it."""
        return euro_or_cent(value, self.quantum) if self.einheit == "Euro" else zahl(value, self.stellen)

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


def vergleich(berechnung: Berechnung, saetze: dict[str, Satz], rundung: Rundung, auswerten=None):
    """Two Planstände; a line is typed (`werte`), computed by two formulas (`aus`, read by `auswerten`) or derived
    from lines above it (`plus`/`minus`)."""
    problems: list[Problem] = []
    lines: dict[str, Vergleichswert] = {}
    rows = Zeilen()
    dimension = {"Euro": "€", "Stellen": "VZÄ"}.get(berechnung.einheit, "")
    for z in berechnung.zeilen:
        if z.werte:
            alt, neu = z.werte
        elif z.aus:
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
        wert = Vergleichswert(z.id, z.als, alt, neu, neu - alt, ratio(neu - alt, alt), bool(z.plus or z.minus))
        rows.append(wert)
        if z.id:
            lines[z.id] = wert
    if problems:
        return None, problems
    places = max((_places(v) for w in rows for v in (w.alt, w.neu)), default=0)
    if berechnung.einheit == "Euro" and places > 2:
        where = next(
            z.where("werte" if z.werte else "aus")
            for z, w in zip(berechnung.zeilen, rows)
            if _places(w.alt) > 2 or _places(w.neu) > 2
        )
        return None, [
            Problem(
                where,
                f"Berechnung „{berechnung.id}“: Beträge in Euro haben höchstens zwei "
                "Nachkommastellen (Cent) – prüfen Sie den Wert.",
            )
        ]
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
        berechnung.spalten,
        berechnung.einheit,
        places,
        rundung.prozent_stellen,
    )
    return table, _erwartet(table)


def _places(value: Decimal) -> int:
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
                        f"{t.wert(value)}, erwartet {t.wert(expected)} – prüfen Sie den "
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
    return problems
