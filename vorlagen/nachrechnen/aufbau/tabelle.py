"""Lines up the places of a table row with those of its total row: by cell where the row was typed in cells, by
the right edge of its figures where columns are aligned by spaces, else (a PDF flattened to single spaces) by
order and kind – a row with fewer places than the total has empty cells, and where more than one way fits, the
places that differ between them are open."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.reihe import WERT, Eintrag, Reihe


class Offen:
    """A place whose column is not certain: what could stand there, in the order of the row."""

    def __init__(self, moeglich: list) -> None:
        self.moeglich = moeglich


_NEAR = 1  # characters a right edge may stray in columns aligned by spaces
_MAX_WAYS = 64  # ways to line up one row that are looked at (a wide row of one kind has many)


def align(total: Reihe, member: Reihe) -> list | None:
    """Per place of `total`: the member's Eintrag in that column, None for an empty cell, or Offen. An empty list:
    the member has nothing in these columns (a label line, a heading); None: it cannot be a row of this table."""
    head, row = total.eintraege, member.eintraege
    if not row:
        return []
    kinds = {e.spalte[0] if e.spalte else None for e in head + row}
    if kinds == {"zelle"} and _misplaced(total, row):
        # cells typed by hand need not line up ("Kosten<Tab>4 x 12,5 T€<Tab>50,0 T€" over "<Tab>= 20,0 T€<Tab>
        # Eigenanteil"): a row with a figure where its total has words is lined up by order
        return _by_order(head, row)
    if len(kinds) == 1 and None not in kinds:
        places = _by_key(head, row)
        # where a PDF's layout tells where each cell ends, a row with nothing in the total's columns has nothing
        # there; a text file's columns may stray, and its row is lined up by order
        laid_out = bool(total.zeile.laeufe and member.zeile.laeufe)
        return places if places != [] or kinds == {"zelle"} or laid_out else _by_order(head, row)
    return _by_order(head, row)


def _misplaced(total: Reihe, row: list[Eintrag]) -> bool:
    """A place of the row stands in a cell where the total has words, not a figure or nothing."""
    cells = total.zeile.text.split("\t")
    numbered = {_column(e)[1] for e in total.eintraege}
    return any(
        0 < _column(e)[1] < len(cells)
        and _column(e)[1] not in numbered
        and cells[_column(e)[1]].strip() not in ("", "=")  # „=“ heads a column of signs („+“, „-“), no words
        for e in row
    )


def _column(eintrag: Eintrag) -> tuple:
    """The column of a place in a row whose places all have one (cells as typed or aligned by spaces)."""
    assert eintrag.spalte is not None
    return eintrag.spalte


def _by_key(head: list[Eintrag], row: list[Eintrag]) -> list | None:
    """Per place of the total the row's place in the same cell (or at the same right edge): a row with places
    only where its total has empty cells stands in the table with nothing in these columns."""
    result: list = []
    for place in head:
        kind, where = _column(place)[:2]
        match = [e for e in row if _column(e)[1] == where or kind == "lage" and same_column(_column(e), _column(place))]
        if match and not fits(place, match[0]) and not (kind == "zelle" and _plain(place, match[0])):
            return None  # in the same cell as typed, plain figures fit whatever their decimals („-540,5“ over „-1.768“)
        result.append(match[0] if match else None)
    if any(e is not None for e in result) or head and _column(head[0])[0] == "zelle":
        return result
    return []


def _plain(head: Eintrag, place: Eintrag) -> bool:
    return bool(head.zahlen and place.zahlen) and head.zahlen[0].einheit == place.zahlen[0].einheit == ""


def _by_order(head: list[Eintrag], row: list[Eintrag]) -> list | None:
    if len(row) >= len(head):
        ways = _embed(row, head, longer_is_head=False)  # which places of the row are the total's columns
        if not ways:
            return None
        return [_agree([row[way[j]] for way in ways]) for j in range(len(head))]
    ways = _embed(head, row, longer_is_head=True)  # which columns of the total the row's places fill
    if not ways:
        return None
    columns: list[list] = [[] for _ in head]
    for way in ways:
        filled = dict(zip(way, row))
        for j in range(len(head)):
            columns[j].append(filled.get(j))
    return [_agree(options) for options in columns]


def _agree(options: list) -> Eintrag | None | Offen:
    """The one place every way puts in a column, or Offen with what the ways put there (equal figures agree)."""
    distinct: list = []
    for option in options:
        if not any(_same(option, known) for known in distinct):
            distinct.append(option)
    return distinct[0] if len(distinct) == 1 else Offen(distinct)


def _same(a: Eintrag | None, b: Eintrag | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.art == b.art and [z.wert for z in a.zahlen] == [z.wert for z in b.zahlen]


def _embed(longer: list[Eintrag], shorter: list[Eintrag], longer_is_head: bool) -> list[tuple[int, ...]]:
    """The ways to pick, in order, one place of `longer` for each of `shorter` with a fitting kind (a bounded
    number of them)."""
    ways: list[tuple[int, ...]] = []

    def walk(i: int, start: int, picked: tuple[int, ...]) -> None:
        if len(ways) >= _MAX_WAYS:
            return
        if i == len(shorter):
            ways.append(picked)
            return
        for k in range(start, len(longer) - (len(shorter) - i) + 1):
            if fits(longer[k], shorter[i]) if longer_is_head else fits(shorter[i], longer[k]):
                walk(i + 1, k + 1, (*picked, k))

    walk(0, 0, ())
    return ways


def fits(head: Eintrag, place: Eintrag) -> bool:
    """A place of a row can stand in a column of its total: a dash or an unknown fits anything; figures need the
    same unit – or the total was typed without „€“ over amounts with as many decimals (a kameral Summe row)."""
    if head.art != WERT or place.art != WERT or not head.zahlen or not place.zahlen:
        return True
    x, y = head.zahlen[0], place.zahlen[0]
    if x.einheit == y.einheit:
        return bool(x.einheit) or x.stellen == y.stellen
    return x.einheit == "" and y.einheit == "€" and x.stellen == y.stellen and y.skala == 1


def same_column(a: tuple, b: tuple) -> bool:
    """Two places stand in one column: the same cell as typed; in columns aligned by spaces, their right edges
    meet (figures set flush right, within a character) or their cells start at the same place (set flush left, as
    vorlagen's text does)."""
    if a[0] != b[0]:
        return False
    if a[0] == "zelle":
        return a[1] == b[1]
    return abs(a[1] - b[1]) <= _NEAR or a[2] == b[2]
