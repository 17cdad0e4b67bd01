"""A cell where a row's sum and a column's sum fail alike: a table whose one cell was typed 5.000 € off („65.000 €“
for 60.000 €) fails its row total and its column total by the same 5.000 €. Blaming both totals – and every figure
built on them – says two wrong things; the one figure that explains both misses is the cell. So where two sums that
failed share exactly one part, and that part, corrected by their common difference, makes both hold, the part is the
slip – read as the row's total less its other parts – and the two sums hold once it is corrected.

So too a failed sum one of whose parts a failing reading of its own (a slip, or a doubt) recomputes to the value with
which the sum holds: the sum and the part's reading agree on the slip, the doubt is a slip.

Only sure sums over positive figures are so read, each pair once; the cell must not be the result of a reading that
holds (then it is right as typed). Bounded: the pairs of failed sums of a document, whose number the readings bound."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.urteil.abwaegen import the_part
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, STIMMT, UNKLAR, Urteil

_ART = "Zelle, an der die Summe ihrer Zeile und die ihrer Spalte gleich abweichen: die Summe weniger die übrigen Teile"
_MAX_SLIPS = 200  # failed sums looked at in pairs (a document with more has other troubles)


def locate(pruefung: Pruefung) -> None:
    """Replaces each pair of failed sums that one shared cell explains by the cell's slip; then a failed sum whose part
    a failing reading of its own corrects so that the sum holds."""
    sums = [u for u in pruefung.rechnungen if u.status == FEHLER and plain_sum(u)][:_MAX_SLIPS]
    holding = {u.ergebnis.key for u in pruefung.rechnungen if u.status == STIMMT}
    settled: set[int] = set()
    cells: list[Urteil] = []
    for first, second in combinations(sums, 2):
        if id(first) in settled or id(second) in settled:
            continue
        shared = {t.key for t in first.teile} & {t.key for t in second.teile}
        if len(shared) != 1 or next(iter(shared)) in holding:
            continue
        cell = next(t for t in first.teile if t.key in shared)
        value = cell.zahl.wert - (_missing(first))
        if value <= 0 or _missing(second) != _missing(first):
            continue
        if not (_holds_with(first, cell, value) and _holds_with(second, cell, value)):
            continue
        slip = the_part(first, cell, _ART, "kreuzung")
        if slip.status != FEHLER or slip.richtig != value:
            continue
        for total in (first, second):
            total.status, total.richtig = STIMMT, total.getippt()
            total.hinweis = f"stimmt, sobald der Fehler in {cell.ort} berichtigt ist"
            settled.add(id(total))
        slip.hinweis = (
            f"die Summe der Zeile und die der Spalte weichen beide um {cell.zahl.zeige(abs(value - cell.zahl.wert))} ab"
        )
        cells.append(slip)
    pruefung.rechnungen = sorted(pruefung.rechnungen + cells, key=lambda u: u.ergebnis.key)
    _part_of_its_own(pruefung, sums, settled)


def _part_of_its_own(pruefung: Pruefung, sums: list[Urteil], settled: set[int]) -> None:
    """A failed sum one of whose parts is the result of a reading that fails too (a slip or a doubt) and whose
    recomputed value makes the sum hold: that part is the slip – sure now, the sum and its own reading agreeing on
    it (a Umlage row that misses its share of the keys by the 100 € its column's total misses by) – and the sum holds
    once it is corrected."""
    failing = {u.ergebnis.key: u for u in pruefung.rechnungen if u.status in (FEHLER, UNKLAR)}
    for total in sums:
        if id(total) in settled:
            continue
        for part in total.teile:
            own = failing.get(part.key)
            if own is None or own.richtig is None or not _holds_with(total, part, own.richtig):
                continue
            own.status = FEHLER
            own.hinweis = f"die Summe in {total.ergebnis.ort} geht mit dem berichtigten Wert auf"
            total.status, total.richtig = STIMMT, total.getippt()
            total.hinweis = f"stimmt, sobald der Fehler in {part.ort} berichtigt ist"
            settled.add(id(total))
            break


def plain_sum(urteil: Urteil) -> bool:
    """A sure sum of positive figures, each added (a column's or a row's total)."""
    rechnung = urteil.rechnung
    signs = rechnung.vorzeichen or [1] * len(rechnung.teile)
    figures = [t.zahl.wert for t in rechnung.teile] + [rechnung.ergebnis.zahl.wert]
    return (
        rechnung.formel in ("summe", "saldo")
        and rechnung.sicher
        and all(s == 1 for s in signs)
        and all(v > 0 for v in figures)
        and not rechnung.toleranz
    )


def _missing(urteil: Urteil) -> Decimal:
    """How much the parts exceed the typed total (the recomputed less the typed)."""
    assert urteil.richtig is not None
    return urteil.richtig - urteil.getippt()


def _holds_with(urteil: Urteil, cell: Fund, value: Decimal) -> bool:
    values = [value if t.key == cell.key else t.zahl.wert for t in urteil.teile]
    exact = urteil.rechnung.ergibt(values)
    return exact is not None and urteil.rechnung.gerundet(exact) == urteil.getippt()
