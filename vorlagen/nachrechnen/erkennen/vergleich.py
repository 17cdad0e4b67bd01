"""Comparison tables: columns Plan/Ist/Vorjahr (or years) followed by a Veränderung column and its percentage. A
column of changes that types a minus is compared with its sign; one without any minus by amount – but for a fall its
total row counts as a fall (the total is the net of the changes, not the sum of the amounts typed): „nicht
eindeutig“ there, the minus may be missing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import NULL, WERT, Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import last_cell, percent_only, years_of_change
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import DIFFERENCE_HEAD, PERCENT_CELL, PERCENT_WORD, TOTAL_ROW_START

_COMPARED = re.compile(
    r"\b(?:Plan|Planung|Ansatz|Ansätze|Ist|Soll|Vorjahr|Ergebnis|Entwurf|Haushalt|HH|Prognose|"
    r"Fortschreibung|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"(?P<a>[A-Za-zÄÖÜäöüß]{3,})\s*(?:\./\.|\bminus\b|\babzgl\.|\babzüglich\b)\s*(?P<b>[A-Za-zÄÖÜäöüß]{3,})"
)
_SIGN_AGAINST = "die übrigen Zeilen geben die Richtung mit dem Vorzeichen an; hier steht es gegen die Veränderung"
_REMARK = re.compile(r"(?:Bemerkung|Erläuterung|Hinweis|Begründung|Anmerkung|Kommentar)", re.IGNORECASE)
_OTHER_PERCENT = re.compile(
    r"Anteil|Quote|Deckungsgrad|Ausschöpfung|Verhältnis|Gewicht|%\s*(?:des|der|vom|von|am)\b|\bam\s+Gesamt", re.I
)
_SIGN_BY_YEARS = (
    "der Kopf nennt die Jahre der Spalten; die Veränderung vom früheren zum späteren hat das andere Vorzeichen"
)
_SIGN_BY_TOTAL = (
    "die Spalte nennt keine Abnahme mit Minus, doch ihre Summenzeile zählt diese Zeile als Abnahme – fehlt hier das "
    "Minus?"
)
_RATE_UNANNOUNCED = "der Kopf der Tabelle sagt nicht, wovon die Spalte in Prozent die Veränderung ist"
_BESIDE = (1, 2)  # the difference of the two columns left of it: the one beside it less the one before
_MAX_COLUMNS = 12  # amount columns a row's difference is looked for in
_HEAD_LINES, _UNIT_LINES = 8, 3  # lines above the head and below it looked at for the unit of the amounts
_MIN_EVIDENCE = 3  # rows from which on the rows must show the difference
_MAX_AGAINST = 1  # rows of a column read as signed whose sign may go against their change: a slip each
_MAX_GAP = 3  # label lines a flattened table may wrap between two rows of figures


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the row checks of every comparison table."""
    found: list[Rechnung] = []
    for index, head in enumerate(reihen):
        with_percent = _header(head)
        if with_percent is not None:
            below = (reihen[i] for i in range(index + 1, len(reihen)))
            pair = _named_pair(head) if not with_percent else None
            near = (r.zeile.text for r in reihen[max(0, index - _HEAD_LINES) : index + 1 + _UNIT_LINES])
            rundung = gerundet.SCALED_RUNDUNG if gerundet.scaled(near) else None
            cells = head.zeile.text.split("\t") if head.zeile.zellen else []
            _rows(below, with_percent, pair, found, (percent_only(head.zeile.text), rundung, _last_column(head), cells))
    return found


def _named_pair(head: Reihe) -> tuple[int, int] | None:
    """„… | Ansatz 2023 | Ist 30.06. | Hochrechnung | Vergleich Hochrechnung ./. Ansatz“: the difference column
    names its two columns; their places counted from the right of a row (1 = the column left of it), minuend
    first. None when the header does not name both unmistakably."""
    cells = [c.strip() for c in head.zeile.text.split("\t")]
    if len(cells) < 4 or not DIFFERENCE_HEAD.search(cells[-1]):
        return None
    named = _NAMED.search(cells[-1])
    if named is None:
        return None
    places = []
    for word in (named["a"], named["b"]):
        hits = [i for i, cell in enumerate(cells[:-1]) if re.match(rf"{re.escape(word)}\b", cell, re.IGNORECASE)]
        if len(hits) != 1:
            return None
        places.append(len(cells) - 1 - hits[0])
    return places[0], places[1]


def _header(reihe: Reihe) -> bool | None:
    """None: no comparison header; else whether it announces a percent column after the difference column."""
    text = reihe.zeile.text.strip()
    if reihe.werte or not text or len(text) > 200 or text.endswith((".", ":", ";")):
        return None
    difference = DIFFERENCE_HEAD.search(text)
    if not difference or len(_COMPARED.findall(text[: difference.start()])) < 1:
        return None
    if _column_after(text[difference.end() :]):
        return None  # „Veränderung | davon befristet“: the difference is not the last column
    return bool(PERCENT_WORD.search(text[difference.end() :])) and not _share_column(text[difference.end() :])


def _column_after(after: str) -> bool:
    """A head in cells names a column after the difference that is neither a percentage nor another difference
    („davon befristet“, „Bemerkung“): the row's last figure is no difference."""
    # in a line without cells, its words list the columns: „(Stellen 2023, Stellen 2022, Veränderung, besetzt am …)“
    parts = after.split("\t")[1:] if "\t" in after else re.split(r",\s*", after.strip(" )"))[1:]
    cells = [cell.strip() for cell in parts if cell.strip() and not _REMARK.match(cell.strip())]
    return any(not PERCENT_WORD.search(cell) and not DIFFERENCE_HEAD.search(cell) for cell in cells)


def _share_column(after: str) -> bool:
    """The head's column in percent after the difference names another quantity than the change – „Anteil in %“,
    „Quote“, „% des Gesamtbetrags“ (the row's share of the total: never the rate of its change)."""
    cells = [cell for cell in after.split("\t") if PERCENT_WORD.search(cell)]
    return bool(cells) and all(_OTHER_PERCENT.search(c) and not DIFFERENCE_HEAD.search(c) for c in cells)


def _rows(
    below: Iterable[Reihe],
    with_percent: bool,
    pair: tuple[int, int] | None,
    found: list[Rechnung],
    shape: tuple[bool, gerundet.Rundung | None, int | None, list[str]],
) -> None:
    """The readings of the rows: `shape` says whether the head gives the change in percent only, how the amounts are
    rounded (in Tsd. or Mio. €: within half their last place each), which cell of a head typed in cells names the
    last column, and the cells of such a head (their years give a change its direction: _later)."""
    percent_only, rundung, last, cells = shape
    table, with_percent = _table(below, with_percent, last)
    if percent_only and not any(rate for _, _, rate in table):
        return  # the change in percent only, typed without its sign: the last column is no difference of amounts
    rates_only = percent_only and not _shown(table, _BESIDE, rundung)
    if rates_only and not (table := _rates_of_two(table)):
        return  # no row's rate is of the two amounts before it: another comparison
    art = "Spalte „Veränderung“ als Differenz der Spalten, die ihr Kopf nennt"
    if pair is None or any(max(pair) >= len(amounts) for _, amounts, _ in table):
        pair = _likeliest(table)
        art = "Spalte „Veränderung“ als Differenz der beiden Spalten davor"
        if pair != _BESIDE:
            art = "Spalte „Veränderung“ als Differenz der Spalten, mit denen die meisten Zeilen aufgehen"
    differences = _shown(table, pair, rundung) and not rates_only
    grund = rundung.grund if rundung else gerundet.GRUND_DOKUMENT
    plus = any(_plus_typed(reihe, amounts[-1]) for reihe, amounts, _ in table)  # „+820“: a rise says its sign too
    pair, changes = _oriented(table, pair)
    signed_difference = _signs_shown(changes, plus)
    unsigned_falls = set() if signed_difference else _falls_the_total_signs(table, changes)
    later = 0 if signed_difference else _later(table, cells, last, pair)
    signed_rate = _signs_shown([(r.wert, change) for (_, _, r), (_, change) in zip(table, changes) if r is not None])
    sure_rates = with_percent or _rates_shown(table, pair, rundung)
    swapped = _base_swapped(table, pair)
    for reihe, amounts, rate in table:
        b, a, d = amounts[-1 - pair[0]], amounts[-1 - pair[1]], amounts[-1]
        shown = f"{b.betrag()} − {a.betrag()}" if min(a.wert, b.wert) >= 0 else f"({b.zeige()}) − ({a.zeige()})"
        change = b.wert - a.wert
        if differences:
            # a fall typed without the minus its column's total counts it with: compared signed, as a doubt
            by_years = later * change * d.wert < 0  # the sign goes against the years of the head
            doubt = id(reihe) in unsigned_falls or by_years
            signed = signed_difference or doubt
            newer, older = (a, b) if by_years and later < 0 else (b, a)
            shown = f"{newer.betrag()} − {older.betrag()}" if by_years and min(a.wert, b.wert) >= 0 else shown
            found.append(
                Rechnung(
                    art,
                    "unterschied" if signed else "abstand",
                    [reihe.fund(newer), reihe.fund(older)] if signed else [reihe.fund(a), reihe.fund(b)],
                    reihe.fund(d),
                    shown,
                    betrag=not signed,
                    sicher=not doubt,
                    grund=_SIGN_BY_YEARS if by_years else _SIGN_BY_TOTAL if doubt else "",
                    typ="vergleich_differenz",
                    hinweis=_SIGN_AGAINST if signed_difference and change * d.wert < 0 else "",
                    toleranz=rundung.differenz(b, a, d) if rundung else Decimal(0),
                    rundungsgrund=grund,
                )
            )
        if rate is not None:
            base, other = (b, a) if swapped else (a, b)
            found.append(
                Rechnung(
                    "Spalte „%“ als Veränderung in Prozent",
                    "steigerung",
                    [reihe.fund(base), reihe.fund(other)],
                    reihe.fund(rate),
                    f"({other.zeige()} − {base.zeige()}) / {base.betrag()} x 100",
                    betrag=swapped or not signed_rate,
                    hinweis=_SIGN_AGAINST if signed_rate and not swapped and change * rate.wert < 0 else "",
                    sicher=sure_rates,
                    grund="" if sure_rates else _RATE_UNANNOUNCED,
                    typ="vergleich_prozent",
                    toleranz=rundung.rate(base, other, rate) if rundung else Decimal(0),
                    rundungsgrund=grund,
                )
            )


def _rates_of_two(table: list[tuple[Reihe, list[Zahl], Zahl | None]]) -> list[tuple[Reihe, list[Zahl], Zahl | None]]:
    """„Kosten 2023 | Kosten 2022 | Veränderung (%)“: no column of differences (the rows show none: „Veränderung in %“
    may be two cells a PDF joined) – the rate is of the two amounts right before it; it stands in the difference's
    place, which is then not read. None of the rows where no rate holds with those two."""
    rows: list[tuple[Reihe, list[Zahl], Zahl | None]] = [
        (reihe, [*amounts, rate], rate) for reihe, amounts, rate in table if rate is not None
    ]
    holding = any(_holds(a[-3], a[-2], r) or _holds(a[-2], a[-3], r) for _, a, r in rows if r is not None)
    return rows if holding else []


def _falls_the_total_signs(table: list[tuple[Reihe, list[Zahl], Zahl | None]], changes: list[tuple]) -> set[int]:
    """The rows (by id) of a column typed without any minus whose falls its total row counts with their sign: the
    total row's difference is the net of the changes above it and not the sum of their amounts as typed („185.600 |
    43.500 | 538.450“ over „680.550“, the second a fall). Such a row may be a fall typed without its minus or a column
    of amounts – which, the table does not say: „nicht eindeutig“."""
    totals = [i for i, (reihe, _, _) in enumerate(table) if TOTAL_ROW_START.match(reihe.label)]
    if len(totals) != 1 or totals[0] < _MIN_EVIDENCE - 1:
        return set()
    above = range(totals[0])
    typed_total, _ = changes[totals[0]]
    net = sum((changes[i][1] for i in above), Decimal(0))
    as_typed = sum((changes[i][0] for i in above), Decimal(0))
    if typed_total != net or net == as_typed or any(changes[i][0] < 0 for i in range(len(table))):
        return set()
    return {id(table[i][0]) for i in above if changes[i][1] < 0 < changes[i][0]}


def _oriented(table: list[tuple[Reihe, list[Zahl], Zahl | None]], pair: tuple) -> tuple[tuple, list[tuple]]:
    """The pair of columns and each row's typed change with the change they give – turned where the signs show the
    new year first („Stellen 2026 | Stellen 2025 | Veränderung“ is the earlier column less the later)."""
    changes = [(amounts[-1].wert, amounts[-1 - pair[0]].wert - amounts[-1 - pair[1]].wert) for _, amounts, _ in table]
    turned = [(typed, -change) for typed, change in changes]
    if not _signs_shown(changes) and _signs_shown(turned):
        return (pair[1], pair[0]), turned
    return pair, changes


def _later(table: list[tuple[Reihe, list[Zahl], Zahl | None]], cells: list[str], last: int | None, pair: tuple) -> int:
    """„Aufkommen 2025 | Aufkommen 2024 | Veränderung“ over a column that types a minus: +1 where the minuend's column
    is the later year (spaltenkopf.years_of_change), −1 the earlier, 0 where the head or the column does not say."""
    if not last or not any(amounts[-1].wert < 0 for _, amounts, _ in table):
        return 0
    return years_of_change(cells, last, last - pair[0], last - pair[1])


def _plus_typed(reihe: Reihe, zahl: Zahl) -> bool:
    """The figure is typed with its plus („+820“, „+ 1.695“)."""
    return reihe.fund(zahl).zeile.text[: zahl.start].rstrip().endswith("+")


def _signs_shown(rows: list[tuple[Decimal, Decimal]], plus: bool = False) -> bool:
    """Whether a column gives the direction of each change by its sign („+ 66,7 | + 1,7 %“, „- 59,9 | - 6,2 %“):
    `rows` holds each row's typed figure and its change (the later column less the earlier). So read where a minus is
    typed, at least three rows agree in sign with their change and at most one goes against them – that one is a slip
    whatever its amount („- 0,2 | 0,2 %“: a fall typed as a rise); `plus`: the column types a rise with its plus, which
    shows its signs as a minus does („+275“ for a fall is a slip). A column of amounts without signs, or one whose
    columns run the other way, is compared by amount."""
    compared = [(typed, change) for typed, change in rows if typed and change]
    agreeing = sum((typed > 0) == (change > 0) for typed, change in compared)
    return (
        (plus or any(typed < 0 for typed, _ in compared))
        and agreeing >= _MIN_EVIDENCE
        and len(compared) - agreeing <= _MAX_AGAINST
    )


def _table(
    below: Iterable[Reihe], with_percent: bool, last: int | None
) -> tuple[list[tuple[Reihe, list[Zahl], Zahl | None]], bool]:
    """The rows of the table under a comparison header: each line, its amounts (the difference last), its rate – and
    whether the head or a row of units under it announces the rate. A row of typed cells that leaves the head's last
    column empty (`last`: its cell) has no difference: its last figure is another column's."""
    table: list[tuple[Reihe, list[Zahl], Zahl | None]] = []
    gap = 0
    units: list[str] = []  # the cells of the lines without figures between the head and the first row
    for seen, reihe in enumerate(below):
        if not reihe.zeile.text.strip() and seen == 0:
            continue  # the line of dashes under a head typed as a pipe table („|---|---|“) is read as empty
        if not reihe.zeile.text.strip() or _header(reihe) is not None:
            break
        values = [e.zahlen[0] for e in reihe.eintraege if e.art == WERT and len(e.zahlen) == 1] or reihe.werte
        if not values:
            gap += 1
            if gap > _MAX_GAP:
                break
            if not table:
                units += [cell.strip() for cell in reihe.zeile.text.split("\t") if cell.strip()]
            continue
        gap = 0
        if last is not None and reihe.zeile.zellen and last_cell(reihe) < last:
            continue  # „| Grundsteuer B | 412.806,55 | 598 | 2.468.583,17 | | |“: the change's cell is empty
        if reihe.eintraege and reihe.eintraege[-1].art == NULL and len(values) >= 2:
            continue  # „4,23 | 4,23 | -“: a dash in the difference column, no figure to work out
        # a last figure in % after figures that are not is a rate, announced by the head or not: never the difference
        # of two amounts („1.363,9 | 1.241,4 | - 122,5 | - 9,0%“ under „2011 | 2012 | Veränderung 2011/2012“)
        unannounced = len(values) >= 2 and values[-2].einheit != "%"
        rate = values[-1] if values[-1].einheit == "%" and (with_percent or unannounced) else None
        amounts = values[:-1] if rate else values
        if len(amounts) < 3 or len({z.einheit for z in amounts[-3:]} - {"%"}) != 1 or amounts[-3].einheit == "%":
            break  # not a row of this table
        table.append((reihe, amounts, rate))
    in_percent = [i for i, cell in enumerate(units) if PERCENT_CELL.fullmatch(cell)]
    if in_percent and in_percent != [len(units) - 1]:
        # „Mio. Euro | % | Mio. Euro | %“ under the head: amounts and rates alternate, the difference is not the last
        # figure before a rate – which column is which, the shape this reads cannot say
        return [], False
    announced = with_percent or bool(in_percent)
    return (_plain_rates(table) if announced else table), announced


def _last_column(head: Reihe) -> int | None:
    """The cell of a head typed in cells that names the table's last column (a remark after it is no column of
    figures); None for a head of another shape."""
    if not head.zeile.zellen:
        return None
    cells = [c.strip() for c in head.zeile.text.split("\t")]
    named = [i for i, cell in enumerate(cells) if cell and not _REMARK.match(cell)]
    return named[-1] if named else None


def _plain_rates(table: list[tuple[Reihe, list[Zahl], Zahl | None]]) -> list[tuple[Reihe, list[Zahl], Zahl | None]]:
    """„Reste 2011 | Reste 2019 | Veränderung | Prozentuale Steigerung“ over rows of plain figures („… | 52.462.736,89 |
    61“): the head announces the rate, the cells carry no %-sign. The last figure of a row is the rate only where the
    row is full (as many figures as the widest row, four at least, none with a unit) – a row whose rate cell is empty
    ends with its difference."""
    width = max((len(amounts) for _, amounts, _ in table), default=0)
    return [
        (reihe, amounts[:-1], amounts[-1])
        if rate is None and len(amounts) == width >= 4 and not any(z.einheit for z in amounts)
        else (reihe, amounts, rate)
        for reihe, amounts, rate in table
    ]


def _likeliest(table: list[tuple[Reihe, list[Zahl], Zahl | None]]) -> tuple[int, int]:
    """The two columns (counted from the difference leftwards, minuend first) with which most rows add up – the
    two beside the difference unless another pair holds in more rows (a header a PDF tore apart: „Vergleich
    Hochrechnung ./. Ansatz“ over three columns)."""
    width = min((len(amounts) for _, amounts, _ in table), default=3)
    if width > _MAX_COLUMNS:
        return _BESIDE
    pairs = [(i, j) for i in range(1, width) for j in range(1, width) if i != j]

    def holding(pair: tuple[int, int]) -> int:
        return sum(
            round_half_up(abs(a[-1 - pair[0]].wert - a[-1 - pair[1]].wert), a[-1].schritt) == abs(a[-1].wert)
            for _, a, _ in table
        )

    best = max(pairs, key=lambda pair: (holding(pair), pair == _BESIDE))
    return best if holding(best) > holding(_BESIDE) else _BESIDE


def _shown(
    table: list[tuple[Reihe, list[Zahl], Zahl | None]], pair: tuple[int, int], rundung: gerundet.Rundung | None
) -> bool:
    """Whether the rows show the column as the difference: in a table of three rows or more, half of them at least
    hold (a head „Veränderung“ over a column of rates typed without their sign, beside a column per inhabitant:
    every row would be a false slip)."""
    if len(table) < _MIN_EVIDENCE:
        return True
    holding = 0
    for _, amounts, _ in table:
        b, a, d = amounts[-1 - pair[0]], amounts[-1 - pair[1]], amounts[-1]
        allowance = rundung.differenz(b, a, d) if rundung else Decimal(0)
        exact = abs(b.wert - a.wert)
        holding += round_half_up(exact, d.schritt) == abs(d.wert) or abs(exact - abs(d.wert)) <= allowance
    return 2 * holding >= len(table)


def _rates_shown(
    table: list[tuple[Reihe, list[Zahl], Zahl | None]], pair: tuple[int, int], rundung: gerundet.Rundung | None
) -> bool:
    """Whether the rows show a column in % the head does not announce as the rate of change of the two columns:
    three rows at least hold (as typed, or within the rounding of scaled amounts) and one at most does not – that
    one is then a slip, not another kind of percentage."""
    holding = failing = 0
    for _, amounts, rate in table:
        if rate is None:
            continue
        b, a = amounts[-1 - pair[0]], amounts[-1 - pair[1]]
        near = (
            rundung is not None
            and bool(a.wert)
            and abs(abs(b.wert - a.wert) / abs(a.wert) * 100 - abs(rate.wert)) <= rundung.rate(a, b, rate)
        )
        held = _holds(a, b, rate) or _holds(b, a, rate) or near
        holding, failing = holding + held, failing + (not held)
    return holding >= _MIN_EVIDENCE and failing <= _MAX_AGAINST


def _base_swapped(table: list[tuple[Reihe, list[Zahl], Zahl | None]], pair: tuple[int, int]) -> bool:
    """Whether the rates of the table take the later column as their base: more rows hold so than with the earlier.
    Decided for the table, never for a row – a row whose rate holds only with the other base is a slip („-104 | -3,4“
    under 3.180 and 3.076: −3,27 % of 3.180, not 3,38 % of 3.076)."""
    direct = turned = 0
    for _, amounts, rate in table:
        if rate is not None:
            b, a = amounts[-1 - pair[0]], amounts[-1 - pair[1]]
            direct += _holds(a, b, rate)
            turned += _holds(b, a, rate)
    return turned > direct


def _holds(base: Zahl, other: Zahl, rate: Zahl) -> bool:
    return bool(base.wert) and round_half_up(abs(other.wert - base.wert) / abs(base.wert) * 100, rate.schritt) == abs(
        rate.wert
    )
