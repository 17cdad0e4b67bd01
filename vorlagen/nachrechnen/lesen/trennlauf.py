"""A table a text file sets apart by one fixed run of spaces between its cells, not aligned to columns: „Strom   2.184.500
31,42   686.370“ with three spaces between any two cells – where a row leaves a cell empty, its run is twice as long
(„Gesamt   9.411.600      1.573.020“: the price left empty). Positions say nothing in such a table; the runs do.

Such a block's lines are given their cells as a tab table has them, an empty cell where a run is a multiple of the
table's own run. Only where the block shows it: three lines at least with two runs or more each, all of them of one
length (two to four spaces) in three lines at least, every run of the block a multiple of it and four in five of
them exactly it. A table whose columns are aligned by padding has runs of every length and is left as it is."""

from __future__ import annotations

import re
from collections import Counter

_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_MIN_LINES = 3  # lines of a block
_MIN_RUNS = 2  # runs of a line, at least
_MAX_RUN = 4  # the table's own run, spaces at most
_SHARE = 4 / 5  # runs of the block that are exactly the table's own


def cells(lines: list[str]) -> list[str]:
    """The lines, those of such blocks with tabs between their cells (and between the empty ones)."""
    out = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _runs(lines[end]) and "\t" not in lines[end] and "|" not in lines[end]:
            end += 1
        if end - start >= _MIN_LINES:
            run = _own_run(lines[start:end])
            if run:
                out[start:end] = [_split(line, run) for line in lines[start:end]]
        start = end + 1 if end == start else end
    return out


def _runs(line: str) -> list[int]:
    return [len(m.group()) for m in _RUN.finditer(line.strip())]


def _own_run(block: list[str]) -> int:
    """The block's one run of spaces, or 0 where it has none."""
    runs = [_runs(line) for line in block]
    every = [r for line in runs for r in line]
    if sum(1 for line in runs if len(line) >= _MIN_RUNS) < _MIN_LINES:
        return 0
    run = min(every)
    exact = Counter(every)[run]
    plain = sum(1 for line in runs if len(line) >= _MIN_RUNS and set(line) == {run})
    fits = run <= _MAX_RUN and all(r % run == 0 for r in every) and exact >= _SHARE * len(every)
    return run if fits and plain >= _MIN_LINES else 0


def _split(line: str, run: int) -> str:
    indent = line[: len(line) - len(line.lstrip())]
    return indent + _RUN.sub(lambda m: "\t" * (len(m.group()) // run), line.strip())
