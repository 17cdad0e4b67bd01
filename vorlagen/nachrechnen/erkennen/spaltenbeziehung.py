"""Columns whose relation the rows themselves show, in a table whose head does not name it (w04 of the Zusatz: „1 2 3
4 5“ over the Ansatz, the Ergebnis, their difference and that difference in percent of the Ansatz): where in a run of
rows of as many values each a column is, row by row, the difference of two others (c = b − a), their sum with the signs
as typed (c = a + b, e02: a fall typed negative plus the grants that make it up), that difference in percent of
one of them, or – into a column typed in percent in every row, none negative – the share of one in the other
(„Ist in % des Plans“), the column is read so in every row; the result stands right of the columns it comes from. A
rate of change is compared with its sign where the column types a minus and every base is positive.

Read only where the rows show it: three rows at least with figures other than 0 where it holds, one row at most where
it does not. That row is a slip where four rows or more hold, else „nicht eindeutig“; a percentage one step of its
rounding off is „nicht eindeutig“. A relation any other column pair also shows is not read (which one is meant is
open). Where the document counts in whole VZÄ, or the head above the rows gives amounts in thousands or millions
(vorlagen/nachrechnen/aufbau/gerundet.py), a row holds also where its difference or rate stands within the rounding
of its figures, and is read with that allowance. Each run is looked at for a bounded number of column triples, and a
document for a bounded number of looks in all (runs beyond it are not read): the work stays linear in the
document's length and bounded."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import permutations
from typing import Protocol

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau import gerundet, spaltenkopf
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import SENTENCE_END

_MIN_WIDTH, _MAX_WIDTH = 3, 8  # values of a row
MIN_HOLD = 3  # rows with figures other than 0 where the relation holds
SURE_HOLD = 4  # rows that hold for the one that misses to be a slip
_GAP = 2  # blank lines between two rows of a run
_MAX_ROWS = 200
_MAX_SHOWN = 4  # relations a run shows at most: more, and the figures relate by chance (zeros, repeated rows)
_BUDGET = 2_000_000  # rows times relations looked at in one document
_RATE_ROW = re.compile(
    r"\b(?:je|pro)\s|%|\bProzent|grad\b|[Qq]uote\b|(?:Förder|Hebe|Zins|Steuer|Umlage|Beitrags)satz\b|"
    r"(?:€|\bEUR|\bct)\s*/|/\s*(?:m[²³23]|qm|kWh|MWh|Einw|EW|Std|Stück|Kopf|Platz|Kind|VZÄ)\b"
)  # not „Ersatz“; „Verbrauchsgebühr in €/m³“ is a rate as „je m³“ is
_HEAD_LINES = 8  # lines above a run looked at for the unit of its amounts

Relation = Callable[[list[Zahl]], Decimal | None]  # the column's value as the relation gives it, None: not defined
Allowance = Callable[[list[Zahl]], Decimal]  # how far the typed value may stand from it by the figures' rounding
_NONE: Allowance = lambda values: Decimal(0)  # noqa: E731


class Ort(Protocol):
    """Where a run's figures stand: a row of the table (a Reihe), or figures of several rows (InZeilen)."""

    def fund(self, zahl: Zahl) -> Fund: ...


class InZeilen:
    """Figures of a run that stand in several rows (a column of the table, two rows next to each other): each is
    found in the row it was typed in."""

    def __init__(self, rows: dict[int, Reihe]) -> None:
        self._rows = rows  # id of each figure → its row

    def fund(self, zahl: Zahl) -> Fund:
        return self._rows[id(zahl)].fund(zahl)


@dataclass(frozen=True)
class Lage:
    """How the readings name the places of a run: the columns of rows (here), or the rows of columns
    (zeilenbeziehung.py reads a table turned on its side)."""

    teil: Callable[[int], str]  # the name of the place at an index: „Spalte 3“
    andere: str  # what shows the relation: „Zeilen“
    grund: str  # why a reading of fewer than SURE_HOLD is no slip
    typ: str


SPALTEN = Lage(
    lambda i: f"Spalte {i + 1}", "Zeilen", "die Spalte ist aus den übrigen Zeilen erschlossen", "spaltenbeziehung"
)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    spent = 0
    for start, run, rundung in rounded_runs(reihen):
        width = len(run[0][1])
        spent += len(run) * width**3
        if spent > _BUDGET:
            break
        found += read(run, taken, rundung, SPALTEN, _percent_heads(reihen, start, run))
    return found


def _percent_heads(reihen: list[Reihe], start: int, run: Run) -> frozenset[int]:
    """The places of a run whose head cell gives them in percent, their figures typed plain („48,1“ under
    „Inanspruchnahme (%)“) – read as if each were typed with „%“."""
    heads = spaltenkopf.heads_above(reihen, start)
    places = run[0][0].eintraege
    return frozenset(
        k
        for k, place in enumerate(places)
        if spaltenkopf.given_in_percent(spaltenkopf.head_cell(heads, place)) and all(v[k].einheit == "" for _, v in run)
    )


def rounded_runs(reihen: list[Reihe]) -> Iterator[tuple[int, Run, gerundet.Rundung | None]]:
    """Each run of rows (`runs_at`: with the index of its first row) and the rounding of its figures
    (`rundung_above`)."""
    vzae = gerundet.counts_in_vzae(reihe.zeile.text for reihe in reihen)
    for start, run in runs_at(reihen):
        yield start, run, rundung_above(reihen, start, vzae)


def rundung_above(reihen: list[Reihe], top: int, vzae: bool) -> gerundet.Rundung | None:
    """The rounding of a run's figures: whole VZÄ where the document counts in them, else amounts in thousands or
    millions where the head above the run (at most _HEAD_LINES lines) says so; None: exact."""
    head = (reihe.zeile.text for reihe in reihen[max(0, top - _HEAD_LINES) : top])
    return gerundet.VZAE_RUNDUNG if vzae else gerundet.SCALED_RUNDUNG if gerundet.scaled(head) else None


def _values(reihe: Reihe, any_units: bool = False, min_width: int = _MIN_WIDTH) -> list[Zahl] | None:
    places = reihe.eintraege
    if not min_width <= len(places) <= _MAX_WIDTH or any(p.art != WERT or len(p.zahlen) != 1 for p in places):
        return None
    values = [p.zahlen[0] for p in places]
    if _sentence(reihe, values):
        return None  # „Von den veranschlagten 3.437.500,00 € wurden 1.973.532,25 € verausgabt. …“ under a table
    if [z.wert for z in values] == list(range(1, len(values) + 1)):
        return None  # „1 2 3 4“: the numbers of the columns, no row
    return values if any_units or len({z.einheit for z in values if z.einheit != "%"}) <= 1 else None


def _sentence(reihe: Reihe, values: list[Zahl]) -> bool:
    """Lines of running text, no row: typed in no cells, with a sentence ending between its figures („… €
    verausgabt. Die Abflussquote liegt damit bei 57,4 %.“ under a table)."""
    zeile = reihe.zeile
    if zeile.zellen or zeile.lagen or reihe.orte:
        return False
    return SENTENCE_END.search(zeile.text, values[0].ende, values[-1].start) is not None


Run = list[tuple[Reihe, list[Zahl]]]  # a run of table rows: each row with its values


def runs(
    reihen: list[Reihe], any_units: bool = False, min_width: int = _MIN_WIDTH, min_rows: int = MIN_HOLD
) -> list[Run]:
    """The runs of rows of as many figures, one a place (of one unit but percent, unless `any_units`), at least
    `min_width` a row and `min_rows` rows."""
    return [run for _, run in runs_at(reihen, any_units, min_width, min_rows)]


def runs_at(
    reihen: list[Reihe], any_units: bool = False, min_width: int = _MIN_WIDTH, min_rows: int = MIN_HOLD
) -> list[tuple[int, Run]]:
    """The runs (`runs`), each with the index of its first row in `reihen` – where a recogniser looks above it."""
    found: list[tuple[int, Run]] = []
    current: Run = []
    start = blanks = 0
    for index, reihe in enumerate(reihen):
        if not reihe.zeile.text.strip():
            blanks += 1
            if blanks > _GAP:
                found.append((start, current))
                current = []
            continue
        blanks = 0
        values = _values(reihe, any_units, min_width)
        if values is None or current and len(values) != len(current[0][1]) or len(current) >= _MAX_ROWS:
            found.append((start, current))
            current = []
        if values is not None:
            if not current:
                start = index
            current.append((reihe, values))
    found.append((start, current))
    return [(first, run) for first, run in found if len(run) >= min_rows]


def read(
    run: Sequence[tuple[Ort, list[Zahl]]],
    taken: set,
    rundung: gerundet.Rundung | None,
    lage: Lage,
    percent_heads: frozenset[int] = frozenset(),
) -> list[Rechnung]:
    """The relations the rows of a run show among its places, each read in every row; `percent_heads`: places whose
    head gives them in percent."""
    width = len(run[0][1])
    shown: list[tuple[int, Relation, Allowance, Callable[[Ort, list[Zahl]], tuple], bool]] = []
    in_percent = [
        all((values[k].einheit == "%" or k in percent_heads) and values[k].wert >= 0 for _, values in run)
        for k in range(width)
    ]
    # the result stands right of the columns it comes from (c = b − a is also a = b − c: read once, as typed)
    for k, i, j in permutations(range(width), 3):
        if i < j < k:
            for b, a in ((j, i), (i, j)):  # c = b − a, or c = a − b
                allowance = _allowance(rundung.differenz, b, a, k) if rundung else _NONE
                if _shown(run, k, _difference(b, a), allowance):
                    shown.append((k, _difference(b, a), allowance, _difference_reading(b, a, k, lage), False))
            allowance = _allowance(rundung.differenz, i, j, k) if rundung else _NONE
            if _shown(run, k, _sum(i, j), allowance):  # c = a + b, with the signs as typed
                shown.append((k, _sum(i, j), allowance, _sum_reading(i, j, k, lage), False))
        percent = k > max(i, j) and run[0][1][k].stellen > 0  # c = (b − a) / a × 100, the percent of a change
        allowance = _allowance(rundung.rate, i, j, k) if rundung else _NONE
        if percent and _shown(run, k, _change_percent(i, j), allowance, rounded=True):
            # signed where the column types a fall with its minus and every base is positive (a rate of a negative
            # base has its sign by a convention the table does not show): a rise typed with a minus is then a slip
            signed = any(values[k].wert < 0 for _, values in run) and all(values[i].wert > 0 for _, values in run)
            shown.append((k, _change_percent(i, j), allowance, _percent_reading(i, j, k, lage, signed), True))
        # c = a / b × 100, the share of one in the other (as amounts): only into a place typed in percent, not
        # negative, in every row
        if k > max(i, j) and in_percent[k] and _shown(run, k, _share(i, j), _NONE, rounded=True):
            shown.append((k, _share(i, j), _NONE, _share_reading(i, j, k, lage), True))
    if len(shown) > _MAX_SHOWN:
        return []
    found: list[Rechnung] = []
    for k, relation, allowance, reading, rounded in shown:
        if sum(1 for other, *_ in shown if other == k) == 1:  # another pair giving the same column: which is open
            found += _readings(run, k, (relation, allowance), taken, reading, rounded, rundung, lage)
    return found


def _allowance(of_two: gerundet.Allowance, first: int, second: int, k: int) -> Allowance:
    """The allowance of a row: of its figures in columns `first` and `second` (new and old, or base and new) and
    its result in column `k`."""
    return lambda values: of_two(values[first], values[second], values[k])


def _difference(b: int, a: int) -> Relation:
    return lambda values: values[b].wert - values[a].wert


def _sum(i: int, j: int) -> Relation:
    return lambda values: values[i].wert + values[j].wert


def _change_percent(base: int, new: int) -> Relation:
    def relation(values: list[Zahl]) -> Decimal | None:
        if not values[base].wert:
            return None
        return (values[new].wert - values[base].wert) / values[base].wert * 100

    return relation


def _share(part: int, whole: int) -> Relation:
    def relation(values: list[Zahl]) -> Decimal | None:
        if not values[whole].wert or values[part].einheit == "%" or values[whole].einheit == "%":
            return None
        return abs(values[part].wert) / abs(values[whole].wert) * 100

    return relation


def _holds(values: list[Zahl], k: int, relation: Relation, allowance: Allowance, rounded: bool) -> bool | None:
    exact = relation(values)
    if exact is None:
        return None
    typed = values[k]
    if (round_half_up(exact, typed.schritt) if rounded else exact) == typed.wert:
        return True
    return abs(exact - typed.wert) <= allowance(values)


def _shows(values: list[Zahl]) -> bool:
    """A row that holds a relation shows it only with figures other than 0: a row of zeros holds any difference."""
    return any(z.wert for z in values)


def _shown(
    run: Sequence[tuple[Ort, list[Zahl]]], k: int, relation: Relation, allowance: Allowance, rounded: bool = False
) -> bool:
    holds = misses = 0
    for _, values in run:
        verdict = _holds(values, k, relation, allowance, rounded)
        if verdict is None:
            continue
        if verdict:
            holds += _shows(values)
        else:
            misses += 1
        if misses > 1:
            return False
    return holds >= MIN_HOLD


def _difference_reading(b: int, a: int, k: int, lage: Lage) -> Callable[[Ort, list[Zahl]], tuple]:
    def reading(reihe: Ort, values: list[Zahl]) -> tuple:
        return (
            f"{lage.teil(k)} als {lage.teil(b)} weniger {lage.teil(a)} (so in den anderen {lage.andere})",
            "unterschied",
            [reihe.fund(values[b]), reihe.fund(values[a])],
            f"{values[b].zeige()} − {values[a].betrag() if values[a].wert >= 0 else '(' + values[a].zeige() + ')'}",
            False,
        )

    return reading


def _sum_reading(i: int, j: int, k: int, lage: Lage) -> Callable[[Ort, list[Zahl]], tuple]:
    def reading(reihe: Ort, values: list[Zahl]) -> tuple:
        second = values[j]
        return (
            f"{lage.teil(k)} als Summe von {lage.teil(i)} und {lage.teil(j)} (so in den anderen {lage.andere})",
            "saldo",
            [reihe.fund(values[i]), reihe.fund(second)],
            f"{values[i].zeige()} {'−' if second.wert < 0 else '+'} {second.betrag()}",
            False,
            [1, 1],
        )

    return reading


def _percent_reading(base: int, new: int, k: int, lage: Lage, signed: bool) -> Callable[[Ort, list[Zahl]], tuple]:
    def reading(reihe: Ort, values: list[Zahl]) -> tuple:
        return (
            f"{lage.teil(k)} als Veränderung von {lage.teil(base)} zu {lage.teil(new)} in Prozent (so in den anderen "
            f"{lage.andere})",
            "steigerung",
            [reihe.fund(values[base]), reihe.fund(values[new])],
            f"({values[new].zeige()} − {values[base].zeige()}) / {values[base].betrag()} × 100",
            not signed,
        )

    return reading


def _share_reading(part: int, whole: int, k: int, lage: Lage) -> Callable[[Ort, list[Zahl]], tuple]:
    def reading(reihe: Ort, values: list[Zahl]) -> tuple:
        return (
            f"{lage.teil(k)} als Anteil von {lage.teil(part)} an {lage.teil(whole)} in Prozent (so in den anderen "
            f"{lage.andere})",
            "quote",
            [reihe.fund(values[part]), reihe.fund(values[whole])],
            f"{values[part].zeige()} / {values[whole].zeige()} × 100",
            True,
        )

    return reading


def _column_units(run: Sequence[tuple[Ort, list[Zahl]]]) -> list[str]:
    """The unit of each column: the one most of its rows have."""
    width = len(run[0][1])
    return [Counter(values[c].einheit for _, values in run).most_common(1)[0][0] for c in range(width)]


def _readings(
    run: Sequence[tuple[Ort, list[Zahl]]],
    k: int,
    relation_allowance: tuple[Relation, Allowance],
    taken: set,
    reading: Callable[[Ort, list[Zahl]], tuple],
    rounded: bool,
    rundung: gerundet.Rundung | None,
    lage: Lage,
) -> list[Rechnung]:
    relation, allowance = relation_allowance
    verdicts = [_holds(values, k, relation, allowance, rounded) for _, values in run]
    sure = sum(1 for v, (_, values) in zip(verdicts, run, strict=True) if v and _shows(values)) >= SURE_HOLD
    found = []
    units = _column_units(run)
    for (reihe, values), verdict in zip(run, verdicts, strict=True):
        result = reihe.fund(values[k])
        if verdict is None or result.key in taken or [z.einheit for z in values] != units:
            continue  # a row of other units (a sentence under the table: „0,8 % … 177.100 € … 650.000 €“) is none
        if not rounded and _RATE_ROW.search(getattr(reihe, "label", "")):
            continue  # „Gebühr je m³ | 2,79 | 2,87 | 2,83“, „Kostendeckungsgrad in %“: rates do not add as amounts
        art, formel, teile, zeichen, betrag, *signs = reading(reihe, values)
        exact = relation(values)
        step = values[k].schritt
        one_step = rounded and exact is not None and abs(round_half_up(exact, step) - values[k].wert) <= step
        toleranz = allowance(values)
        found.append(
            Rechnung(
                art,
                formel,
                teile,
                result,
                zeichen,
                betrag=betrag,
                vorzeichen=signs[0] if signs else [],
                sicher=sure and not one_step,
                grund="" if sure and not one_step else lage.grund,
                rang=2,
                typ=lage.typ,
                toleranz=toleranz,
                rundungsgrund=rundung.grund if rundung and toleranz else gerundet.GRUND_DOKUMENT,
            )
        )
    return found
