"""A cell whose text wraps onto further lines belongs to its row (issue 44): in a page laid out in columns, where
the rows of a table keep a distance from each other, the lines that stand close under a row, each piece within a
column of it, go on with that row's cells – „Sachverständigen u.“ / „Gerichtskosten“, „Land“ / „Zuwendung;
Fehlbedarfsfinanzierung, höchstens 705.123 €“. Joined, the row reads as one line with its whole label; an amount in
the label stays in the label. Where the rows stand as close as the lines of a cell (a table without space between
its rows, cells set in the middle), which row a line belongs to is open: nothing is joined."""

from __future__ import annotations

from dataclasses import replace

from vorlagen.nachrechnen.lesen.zeile import Zeile

_STRAY = 1  # characters a wrapped line may start left of its column (a grid of one character width)
_GAP = 2  # characters a wrapped line ends at least before the next column (a cell wraps before its edge)
_MAX_LINES = 60  # lines one row's cells may wrap onto: a row stays on its page (`tr { break-inside: avoid }`)


def join(zeilen: list[Zeile]) -> list[Zeile]:
    """The lines with the wrapped lines of each row joined into it."""
    result: list[Zeile] = []
    index = 0
    while index < len(zeilen):
        row = zeilen[index]
        wrapped: list[tuple[Zeile, list[int]]] = []
        following = index + 1
        while not row.eng and following < len(zeilen) and len(wrapped) < _MAX_LINES:
            line = zeilen[following]
            columns = _columns(row, line) if line.eng else None
            if columns is None:
                break
            wrapped.append((line, columns))
            following += 1
        after = zeilen[following] if following < len(zeilen) else None
        if wrapped and (after is None or not after.eng):
            for line, columns in wrapped:
                row = _joined(row, line, columns)
            result.append(row)
            index = following
        else:
            result.append(row)
            index += 1
    return result


def _cells(zeile: Zeile) -> list[tuple[int, int, str]]:
    """The non-empty cells of a laid-out line: where each starts and ends in the line as set, and its text."""
    cells = []
    for start, text in zip(zeile.lagen or (0,), zeile.text.split("\t"), strict=False):
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            cells.append((start + lead, start + lead + len(stripped), stripped))
    return cells


def _columns(row: Zeile, line: Zeile) -> list[int] | None:
    """Per piece of `line` the column of `row` within which it stands (the row a table row: two cells or more),
    or None when a piece stands in none of them."""
    if not row.lagen or "\t" in line.text and not line.lagen:
        return None
    columns = _cells(row)
    if len(columns) < 2:
        return None
    found: list[int] = []
    for begin, text_end, _ in _cells(line):
        end = min(text_end, _page_end(line, begin, text_end))
        column = next(
            (
                index
                for index, (start, _, _) in enumerate(columns)
                if start - _STRAY <= begin
                and (index + 1 == len(columns) or end <= columns[index + 1][0] - _GAP)
                and (found == [] or index > found[-1])
            ),
            None,
        )
        if column is None:
            return None
        found.append(column)
    return found or None


def _page_end(zeile: Zeile, begin: int, end: int) -> int:
    """Where a piece of a line ends as set on the page (its runs' right edge, in the line's character grid): a
    narrow font may take fewer places than the piece has characters („stelle Bil-“ in 10 places, not 12)."""
    ends = [run_page_end for start, run_end, _, run_page_end in zeile.laeufe if start < end and run_end > begin]
    return max(ends) if ends else end


def _joined(row: Zeile, line: Zeile, columns: list[int]) -> Zeile:
    """`row` with each piece of `line` added to its cell (the cells keep where they stand)."""
    pieces = row.text.split("\t")
    filled = [i for i, piece in enumerate(pieces) if piece.strip()]
    joined = dict(row.angehaengt)
    for (_, _, addition), column in zip(_cells(line), columns, strict=True):
        index = filled[column]
        cell = pieces[index].rstrip()
        hyphenated = cell.endswith("-") and cell[-2:-1].isalpha() and addition[:1].islower()  # „Kreis-“ / „sportbund“
        pieces[index] = (cell[:-1] if hyphenated else cell + " ") + addition
        if any(c.isalpha() for c in cell):  # a label goes on: what it brings along is text; a value cell's values
            joined.setdefault(index, len(cell))
    return replace(row, text="\t".join(pieces), fett=row.fett or line.fett, angehaengt=tuple(sorted(joined.items())))
