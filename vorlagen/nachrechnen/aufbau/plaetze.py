"""Where each figure of a table row stands – by cell where the row was typed in cells, by the right edge of its figure
in a text file's columns aligned by spaces, else in the order typed – and whether the places of a row and of rows
above it line up (a Saldo row under the two rows it is the Saldo of)."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.reihe import NULL, WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl


def aligned(row: Reihe, saldo: Reihe) -> dict[object, Zahl | None]:
    """A row of one amount beside a Saldo row of one amount: the same column, whatever cell a list mark („a)“) or a
    dash between label and amount („der Gesamtbetrag der Erträge auf  —  19.312.936,00 EUR“, no other column)
    moved it to."""
    own, in_saldo = lone(row), lone(saldo)
    if own is not None and in_saldo is not None:
        return {in_saldo[0]: own[1]}
    return columns(row)


def lone(row: Reihe) -> tuple[object, Zahl] | None:
    """The row's one figure and its place, where its other places hold an em dash at most (a hyphen or an en dash
    before the figure may be its minus: „dem Saldo aus Investitionstätigkeit auf - 249.000,00 €“)."""
    places = columns(row)
    figures = [(place, z) for place, z in places.items() if z is not None]
    dashes = sum(1 for p in row.eintraege if p.art == NULL and p.text.strip() == "—")  # „- 249.000,00 €“: a minus
    return figures[0] if len(figures) == 1 and len(places) == 1 + dashes else None


def out_of_order(reihe: Reihe, first: Reihe, second: Reihe) -> bool:
    """A Saldo row and the two rows above it, their figures in no cells and in no aligned columns, not all with as many
    figures (but for one each): the order of the figures does not say which belongs to which („… von bisher
    54.310.000 EUR unverändert auf 54.310.000 EUR“ over a row whose first two a reading in the line took)."""
    if not _in_order(reihe, first, second):
        return False
    if lone(first) is not None and lone(second) is not None and lone(reihe) is not None:
        return False
    return len(set(_counts(reihe, first, second))) > 1


def short_in_order(reihe: Reihe, first: Reihe, second: Reihe) -> bool:
    """A Saldo row and the two rows above it, their figures in no cells and in no aligned columns, the two rows with
    as many figures, the Saldo row with more or fewer (a reading in the line took the first figures of a row): the
    figures pair from the right („… von bisher 41.286.500 EUR um 1.318.200 EUR erhöht und damit auf 42.604.700
    EUR“, its first two read in the line, over „… von bisher -1.628.800 EUR auf -1.185.200 EUR“; „der
    Jahresfehlbetrag EUR 770.700 EUR 1.297.900 EUR 527.200 EUR“ under rows that leave „erhöht“ or „vermindert“
    empty)."""
    if not _in_order(reihe, first, second):
        return False
    saldo, above, below = _counts(reihe, first, second)
    return above == below != saldo and min(saldo, above) > 0


def _in_order(*rows: Reihe) -> bool:
    """The rows' figures stand in no cells and in no columns aligned by spaces: only their order places them."""
    return not any(p.spalte for r in rows for p in r.eintraege)


def _counts(*rows: Reihe) -> list[int]:
    return [sum(1 for z in columns(r).values() if z is not None) for r in rows]


def from_the_right(reihe: Reihe) -> dict[object, Zahl | None]:
    """The row's figures by their place counted from the right: −1 the last."""
    figures = [z for z in columns(reihe).values() if z is not None]
    return {-1 - k: z for k, z in enumerate(reversed(figures))}


def columns(reihe: Reihe, by_edge: bool = False) -> dict[object, Zahl | None]:
    """The row's figure in each of its places – by cell where it was typed in cells, by the right edge of its figure
    where `by_edge` (a text file's columns aligned by spaces), else in order; None where a place holds no single
    figure."""
    cells = all(p.spalte and p.spalte[0] == "zelle" for p in reihe.eintraege)
    return {
        (p.spalte[:2] if by_edge and p.spalte else p.spalte if cells else number): (
            p.zahlen[0] if p.art == WERT and len(p.zahlen) == 1 else None
        )
        for number, p in enumerate(reihe.eintraege)
    }


def short_of_aligned(reihe: Reihe, first: Reihe, second: Reihe) -> bool:
    """A Saldo row of a text file's table aligned by spaces that leaves a column empty the two rows above fill: its
    figures are placed by their right edges, which line up in such a table, not by their order."""
    rows = (reihe, first, second)
    if not len(reihe.eintraege) < len(first.eintraege) == len(second.eintraege):
        return False
    if any(r.zeile.laeufe or not r.eintraege for r in rows):
        return False
    edges = [{p.spalte[1] for p in r.eintraege if p.spalte and p.spalte[0] == "lage"} for r in rows]
    if any(len(e) != len(r.eintraege) for e, r in zip(edges, rows, strict=True)):
        return False  # a place not set by spaces, or two at one edge
    return edges[1] == edges[2] and edges[0] <= edges[1]


def values(reihe: Reihe) -> list[Zahl]:
    """The row's figures, one per place; none when a place holds more than one or a word for an unknown amount."""
    places = reihe.eintraege
    if not places or any(p.art != WERT or len(p.zahlen) != 1 for p in places):
        return []
    return [p.zahlen[0] for p in places]
