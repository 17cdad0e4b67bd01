"""A table whose head names its last column „Gesamt“ (or „Summe“): each row's total of its own cells – the second
way of its totals (issue 44, point 4). Whichever column each figure of a row stands in, all of them but the last
add up to it: a row whose places cannot be lined up with the head's columns still has its one sum. It is certain
where the last figure stands under the head's last column, or in a row a PDF flattened as wide as the table's first
row or in its total row (which fills every column); otherwise the total cell may be empty, and the sum is a reading
that fails „nicht eindeutig“. A total row's sum is its own claim (`selbst`): it stands even where the column
„Gesamt“ confirms its total – then one of its parts is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from vorlagen.nachrechnen.aufbau.gesamtzeile import sentence, total_kind
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import UNKLAR, WERT, Reihe, last_column
from vorlagen.nachrechnen.aufbau.tabelle import same_column
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum

_MAX_GAP = 3  # label lines a flattened table may wrap between two rows of figures


def recognise(head: Reihe, below: Iterable[Reihe], ends_table: Callable[[Reihe], bool]) -> list[Rechnung]:
    """The row sums of the rows under `head`, until `ends_table(reihe)` (a blank line, the next table's head)."""
    found: list[Rechnung] = []
    column = last_column(head.zeile)
    gap, width = 0, None
    cells = bool(head.zeile.zellen or head.zeile.lagen)
    for reihe in below:
        if ends_table(reihe) or sentence(reihe) or cells and not (reihe.zeile.zellen or reihe.zeile.lagen):
            return found  # the next table, running text, or a line without the cells of the table above
        places = [p for p in reihe.eintraege if p.art == WERT]
        lined = bool(places) and places[-1].spalte is not None  # its cells say which figure stands where
        # in cells every value counts („193“ beside millions); a flattened row's plain small figure may be its label's
        figures = [z for p in places for z in p.zahlen if lined or z.einheit or _amount(z)]
        if not figures:
            gap += 1
            if gap > _MAX_GAP:
                return found
            continue
        gap = 0
        if len({z.einheit for z in figures}) != 1:
            return found  # not a row of this table
        width = width or len(figures)
        if len(figures) < 3:
            continue
        last = places[-1].spalte if places else None
        if last is not None and (column is None or not same_column(last, column)):
            continue  # its cells say where the total column is: the row leaves it empty
        plain = [z for p in places for z in p.zahlen if not lined and not (z.einheit or _amount(z))]
        if plain and plain[0].start > figures[0].start:  # „6.049.250 193 4.615.557 10.665.000“: „193“ may be a cell
            every = sorted([*figures, *(z for z in plain if z.start > figures[0].start)], key=lambda z: z.start)
            _add(reihe, every, False, found, f"ob „{plain[-1].text}“ ein Betrag der Zeile ist, ist offen")
            _add(reihe, figures, False, found, f"ob „{plain[-1].text}“ ein Betrag der Zeile ist, ist offen")
            continue
        _add(reihe, figures, lined or len(figures) == width, found)
    return found


def _amount(zahl: Zahl) -> bool:
    """A figure typed as an amount without a unit: with cents („70.803,89“) or grouped thousands („2.919.885“)."""
    return zahl.stellen > 0 or "." in zahl.text


def _add(reihe: Reihe, figures: list[Zahl], lined_up: bool, found: list[Rechnung], doubt: str = "") -> None:
    total, members = figures[-1], figures[:-1]
    own = total_kind(reihe) in ("summe", "zwischen")
    unclear = [p.text for p in reihe.eintraege if p.art == UNKLAR]
    if doubt:
        grund = doubt
    elif unclear:
        grund = f"{reihe.zeile.ort} nennt „{unclear[0]}“"
    elif not (lined_up or own):
        grund = "ob die letzte Zahl der Zeile in der Spalte „Gesamt“ steht, ist offen (die Zeile ist schmaler)"
    else:
        grund = ""
    signs = [-1 if z.wert < 0 else 1 for z in members]
    found.append(
        Rechnung(
            "Spalte „Gesamt“ als Summe der Zeile",
            "summe",
            [reihe.fund(z) for z in members],
            reihe.fund(total),
            written_sum(members, signs),
            betrag=False,
            vorzeichen=signs,
            sicher=not grund,
            grund=grund,
            typ="zeilensumme",
            selbst=own and not grund,
        )
    )
