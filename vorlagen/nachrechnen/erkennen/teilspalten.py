"""A column that is, row by row, the sum of three or more neighbouring columns left of it, where the head does not say
so („GK bisher | 2024 | 2025 | 2026 ff. | GK neu | Differenz“ of an Investitionsplanung: the new total costs are the
costs of its years) – the rows show it, as spaltenbeziehung.py reads a column that is the sum of two: three rows at
least with figures other than 0 where it holds, one at most where it does not; that row is a slip where four hold,
else „nicht eindeutig“. Where two runs of columns give the column, which is meant is open and nothing is read (a
column of zeros inside or beside a run gives two). Exact: amounts rounded from finer ones are not allowed for. Each
run of rows (at most spaltenbeziehung's width) is looked at for at most width² runs of columns a column: linear in the
document's length."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import MIN_HOLD, SPALTEN, SURE_HOLD, Run, runs
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum

_MIN_PARTS = 3  # columns a sum takes at least (two: spaltenbeziehung.py)
_MIN_WIDTH = _MIN_PARTS + 1


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for run in runs(reihen, min_width=_MIN_WIDTH):
        width = len(run[0][1])
        for k in range(_MIN_PARTS, width):
            spans = [
                (first, last, shows)
                for first in range(k)
                for last in range(first + _MIN_PARTS - 1, k)
                if (shows := _shown(run, k, first, last)) is not None
            ]
            if len(spans) == 1:
                first, last, shows = spans[0]
                found += _readings(run, k, first, last, shows >= SURE_HOLD, taken)
    return found


def _holds(values: list[Zahl], k: int, first: int, last: int) -> bool:
    return sum(z.wert for z in values[first : last + 1]) == values[k].wert


def _shown(run: Run, k: int, first: int, last: int) -> int | None:
    """The rows that show the sum (with a figure other than 0), or None where too few do or more than one misses."""
    verdicts = [_holds(values, k, first, last) for _, values in run]
    shows = sum(1 for held, (_, values) in zip(verdicts, run, strict=True) if held and any(z.wert for z in values))
    return shows if shows >= MIN_HOLD and verdicts.count(False) <= 1 else None


def _readings(run: Run, k: int, first: int, last: int, sure: bool, taken: set) -> list[Rechnung]:
    art = f"Spalte {k + 1} als Summe der Spalten {first + 1} bis {last + 1} (so in den anderen Zeilen)"
    found = []
    for reihe, values in run:
        result = reihe.fund(values[k])
        if result.key in taken:
            continue
        parts = values[first : last + 1]
        found.append(
            Rechnung(
                art,
                "summe",
                [reihe.fund(z) for z in parts],
                result,
                written_sum(parts, [1] * len(parts)),
                betrag=False,
                vorzeichen=[1] * len(parts),
                sicher=sure,
                grund="" if sure else SPALTEN.grund,
                rang=2,
                typ="teilspalten",
            )
        )
    return found
