"""A total row whose columns add up one way: „Summe geprüfte Kommunen“ under „Summe Kreisfreie Städte“, three rows
„davon …“ and „Stichprobe kreisangehörige Kommunen“ – in two columns the total is the first and the last of those rows
(the „davon“ rows are parts of the first), in three it is not, and which rows a total adds was left open there
(„nicht eindeutig“ over another set of rows). The rows are the same in every column of a total row: the set the
other columns hold with is the reading, and where it fails, the column's total is a slip (e02 of the corpus's
Zusatz: three totals of two parts each 2 off) – or, no further off than the rounding of its parts can make it (1 €
over two parts rounded from cents: d08, e01), „nicht eindeutig“ with that reading.

Only where exactly one set of rows holds in the row's other columns, and the set was among the column's own readings
(the same recogniser). Bounded: one look at the readings of each total row."""

from __future__ import annotations

from dataclasses import replace

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, STIMMT, UNKLAR, Urteil, pruefe

_SUMS = ("spaltensumme",)
_ROUNDING = "die Abweichung ist nicht größer als die Rundung der Teile (auf volle Beträge gerundet?)"


def prefer(found: list[Urteil], kept: list[Urteil]) -> list[Urteil]:
    """`kept` with each doubtful or failing column total of a row replaced by the reading over the rows the row's
    other columns hold with."""
    holding: dict[tuple, set[tuple]] = {}
    for urteil in kept:
        if urteil.status == STIMMT and urteil.typ in _SUMS:
            holding.setdefault(_row(urteil), set()).add(_rows(urteil))
    if not holding:
        return kept
    readings: dict[tuple, list[Urteil]] = {}
    for urteil in found:
        readings.setdefault(urteil.ergebnis.key, []).append(urteil)
    result = []
    for urteil in kept:
        patterns = holding.get(_row(urteil), set())
        if urteil.status not in (FEHLER, UNKLAR) or urteil.typ not in _SUMS or len(patterns) != 1:
            result.append(urteil)
            continue
        (pattern,) = patterns
        other = next(
            (
                r
                for r in readings[urteil.ergebnis.key]
                if r.typ == urteil.typ and _rows(r) == pattern and r is not urteil
            ),
            None,
        )
        if other is None or _rows(urteil) == pattern:
            result.append(urteil)
            continue
        lines = ", ".join(f"Z. {t.in_datei}" for t in other.teile)
        same_rows = f"in den übrigen Spalten der Zeile geht die Summe über dieselben Zeilen auf ({lines})"
        exact = other.rechnung.ergibt([t.zahl.wert for t in other.teile])
        rounding = gerundet.sum_allowance([t.zahl for t in other.teile])
        if exact is not None and abs(exact - other.getippt()) <= rounding:
            # no further off than the rounding of its parts can make it: a slip or whole amounts rounded from cents
            read = pruefe(replace(other.rechnung, sicher=False, grund=f"{same_rows}; {_ROUNDING}"))
        else:
            read = pruefe(replace(other.rechnung, sicher=True, grund=""))
            if read.status == FEHLER:
                read.hinweis = same_rows
        result.append(read)
    return result


def _row(urteil: Urteil) -> tuple:
    return (urteil.ergebnis.zeile.seite or 0, urteil.ergebnis.zeile.nr)


def _rows(urteil: Urteil) -> tuple:
    """The lines of a reading's parts: the rows it adds."""
    return tuple(t.zeile.nr for t in urteil.teile)
