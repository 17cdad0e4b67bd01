"""The table of a Nachtragshaushaltssatzung (§ 1): „erhöht um | vermindert um | gegenüber bisher | nunmehr festgesetzt
auf“ or „gegenüber bisher | verändert um | nunmehr festgesetzt auf“ – each row is bisher + erhöht − vermindert =
nunmehr, or nunmehr − bisher = verändert um (signed); „neu festgesetzt“ names the new amount as „nunmehr“ does. The
columns come from the order of the head's words, in cells of one line or one word a line as a council information
system stores the page; the figures may go without „€“.

A row that leaves one of „erhöht“ and „vermindert“ empty has a figure fewer than the head has columns: which of the
two it fills, the row does not say – a reading that holds wins, else the row is „nicht eindeutig“ with both
readings – unless its cells say it with a dash („- €“, n04 of the Zusatz): then the dash is the empty column, and a
row whose changes are all dashes holds where bisher and nunmehr are one amount. With „verändert um“ the change is the figure checked (the old and the new amount stand in the plan); a
row that holds states its new amount as well.

A head over two or more years („2023 | 2024“ under each of its columns, the years repeated once a column) gives
each column a cell a year: a row of four columns over two years has eight figures, and each year is read on its
own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TypeGuard

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen import nachtragsaldo
from vorlagen.nachrechnen.erkennen.nachtragsaldo import dashed_cells, row_cells, row_figures
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import NACHTRAG_ROLE, NEXT_PARAGRAPH, unbroken

_ROLES = {"erhöht": "plus", "vermindert": "minus", "verändert": "delta", "bisher": "alt"}
_HEAD_LINES = 14  # lines of a head stored one word a line, not counting the blank lines between
_HEAD_BLANKS = 20  # blank lines a head may have between its words (a page stores one after each cell)
_HEAD_WORDS = {False: 16, True: 24}  # words of a line that opens a head: a pipe row names every column (and a
# line may say „und damit der Gesamtbetrag des Haushaltsplans einschl. der Nachträge“ before „gegenüber bisher“)
_ROWS = 40  # lines of the table below its head with something in them (a page stores empty rows as „|“)
_YEARS = 5  # years a head may span
_UNSURE = "welche der Spalten „erhöht um“ und „vermindert um“ die Zeile füllt, sagt sie nicht"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for roles, rows, years in tables(reihen):
        for reihe in rows:
            found += _readings(reihe, roles) if years == 1 else _year_readings(reihe, roles, years)
        if "plus" in roles and "minus" in roles and years == 1:
            found += nachtragsaldo.readings(roles, rows)
    return found


def tables(reihen: list[Reihe]) -> Iterator[tuple[list[str], list[Reihe], int]]:
    """Each Nachtrag table: the roles of its columns in order, its rows with two figures or more, and how many
    years each column spans (1 but for a head over several years)."""
    index = 0
    while index < len(reihen):
        roles, end, years = _head(reihen, index)
        if roles is None:
            index += 1
            continue
        yield roles, _rows(reihen[end : end + _ROWS * 4], roles, years), years  # bounded, however many empty rows
        index = end


# a unit after a word or another unit: an empty cell a page closed with its unit („der Jahresüberschuss EUR EUR EUR“)
_EMPTY_CELL = re.compile(r"[A-Za-zÄÖÜäöüß)]\s+(?:EUR|€)(?=\s|$)|(?:EUR|€)\s+(?:EUR|€)(?=\s|$)")
# a label naming two rows: the figures under it are the two rows' cells side by side, a column a line (a page that
# stores the table turned), not one row
_TWO_ROWS = re.compile(r"Einzahlungen.*Auszahlungen|Erträge.*Aufwendungen|Einnahmen.*Ausgaben", re.IGNORECASE)


def _rows(lines: list[Reihe], roles: list[str], years: int) -> list[Reihe]:
    """The rows of a table below its head: lines with two figures or more; a row the page wrapped after its first
    figures joined with the line that goes on; a label alone on its line (over one or more lines) joined with the
    lone figures below it, one a line, when they fill the row („der Saldo aus“ / „Investitionstätigkeit“ /
    „336.600“ / „14.500“ / „-322.100“, a page that stores a row one cell per line)."""
    rows: list[Reihe] = []
    filled = 0
    wrapped: Reihe | None = None  # a row with its label and fewer figures than columns: the next line may go on
    stacked: Reihe | None = None  # a label alone on its line, and the lone figures under it so far
    for reihe in lines:
        text = reihe.zeile.text.strip()
        if NEXT_PARAGRAPH.match(text) or reihe.woerter > 12:
            break
        if text.strip("| ") == "":
            continue
        filled += 1
        if filled > _ROWS:
            break
        label_alone = not reihe.werte and _LETTER.search(reihe.label) is not None
        if stacked is not None and len(reihe.werte) == 1 and not _LETTER.search(reihe.label):
            stacked = _joined(stacked, reihe)
            continue
        if stacked is not None and not stacked.werte and label_alone:
            stacked = replace(stacked, label=f"{stacked.label} {reihe.label}")
            continue
        if (
            stacked is not None
            and not stacked.werte
            and len(reihe.werte) >= 2
            and not _LETTER.search(reihe.label)
            and not _TWO_ROWS.search(stacked.label)  # „Gesamtbetrag der Einzahlungen Gesamtbetrag der Auszahlungen“
        ):
            reihe = replace(reihe, label=stacked.label)  # „Jahresüberschuss |“ over „| 4.866.900 | 11.667.400 |“
        if _stacked_row(stacked, roles, years):
            rows.append(stacked)
        stacked = reihe if label_alone else None
        joined_count = len(wrapped.werte) + len(reihe.werte) if wrapped is not None else 0
        if wrapped is not None and not _LETTER.search(reihe.label) and _fills(joined_count, roles, years):
            rows = [r for r in rows if r is not wrapped] + [_joined(wrapped, reihe)]
            wrapped = None
            continue
        full = len(reihe.werte) >= len(roles) * years
        wrapped = reihe if reihe.werte and not full and _LETTER.search(reihe.label) else None
        if len(reihe.werte) >= 2 and (_LETTER.search(reihe.label) or reihe.zeile.zellen):
            rows.append(reihe)  # a line of amounts without a word, outside cells, is no row: they merely stand together
    if _stacked_row(stacked, roles, years):
        rows.append(stacked)
    return rows


def _stacked_row(stacked: Reihe | None, roles: list[str], years: int) -> TypeGuard[Reihe]:
    """A label alone and the lone figures gathered under it make a row: two figures or more that fill it."""
    return stacked is not None and len(stacked.werte) >= 2 and _fills(len(stacked.werte), roles, years)


def _fills(count: int, roles: list[str], years: int) -> bool:
    """A wrapped row and its next line fill the row: every column, or all but one of „erhöht“ and „vermindert“."""
    columns = len(roles) * years
    return count == columns or years == 1 and count == columns - 1 and {"plus", "minus"} <= set(roles)


def _joined(reihe: Reihe, more: Reihe) -> Reihe:
    """A row the page wrapped: its label and first figures on one line, the rest of its figures alone on the next
    („| die Einnahmen | 92.497 € |“ / „| 527.983 € | 620.480 € |“) – one row, each figure at its own line."""
    orte = {**reihe.orte, **{id(z): more.orte.get(id(z), more.zeile) for z in more.werte}}
    return replace(reihe, werte=reihe.werte + more.werte, eintraege=[], orte=orte)


def change_keys(reihen: list[Reihe]) -> set[tuple]:
    """The figures of the columns „erhöht um“ and „vermindert um“ (all of a row that leaves one empty): a Saldo row
    states there the change of its Saldo, not the Saldo of the changes above it (haushaltssaldo.py leaves them)."""
    keys: set[tuple] = set()
    for roles, rows, years in tables(reihen):
        if ("plus" not in roles and "minus" not in roles) or years != 1:
            continue
        for reihe in rows:
            cells = row_cells(reihe, roles) or dashed_cells(reihe, roles)
            figures = [cells[r] for r in ("plus", "minus") if r in cells] if cells else row_figures(reihe)
            keys |= {reihe.fund(z).key for z in figures if not _named_state(reihe, z)}
    return keys


_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")
_LABEL_WORD = re.compile(r"\b(?!(?:EURO|Euro|EUR|TEUR|Tsd)\b)[A-Za-zÄÖÜäöüß]{5,}")  # a word of a row's label, no unit
_STATE_BEFORE = re.compile(r"(?:bisher|nunmehr|fest\w*\s+auf)\W{0,3}$", re.IGNORECASE)


def _named_state(reihe: Reihe, zahl: Zahl) -> bool:
    """The row itself names the figure's column „bisher“ or „nunmehr festgesetzt auf“ right before it – a row that
    names its cells („… gegenüber bisher 337.600 € nunmehr festgesetzt auf 337.600 €“): no change."""
    return _STATE_BEFORE.search(reihe.zeile.text[: zahl.start].rstrip()) is not None


def _head(reihen: list[Reihe], index: int) -> tuple[list[str] | None, int, int]:
    """The columns a head names, in order, the line after it and the years each column spans – when a line
    without figures opens one."""
    opening = reihen[index]
    if (
        not NACHTRAG_ROLE.search(opening.zeile.text)
        or len(opening.werte) >= 2
        or opening.woerter > _HEAD_WORDS[opening.zeile.zellen]
        or opening.zeile.text.rstrip(" |").endswith((":", "."))  # „Der Nachtrag verändert den Plan so:“ opens none
    ):
        return None, index, 1
    texts: list[str] = []
    placed: list[tuple[int, str]] = []  # each cell of a head set apart by spaces, where it starts in its line
    year_lines: list[list[int]] = []
    last = min(len(reihen), index + _HEAD_LINES + _HEAD_BLANKS)
    filled = 0
    for at in range(index, last):
        reihe = reihen[at]
        if not reihe.zeile.text.strip():
            continue
        filled += 1
        if filled > _HEAD_LINES:
            break
        if len(reihe.werte) >= 2 or reihe.werte and not all(_year(z) for z in reihe.werte):
            break  # a row with an amount: the table begins (its other figures may stand on the next line)
        if _LABEL_WORD.search(reihe.zeile.text) and not NACHTRAG_ROLE.search(reihe.zeile.text) and column_roles(texts):
            break  # every column named, then „Gesamtbetrag der Erträge |“: the label of the first row
        if reihe.zeile.zahlen and not NACHTRAG_ROLE.search(reihe.zeile.text):
            if all(_year(z) for z in reihe.zeile.zahlen):
                year_lines.append([int(z.wert) for z in reihe.zeile.zahlen])
            continue  # „1. im Ergebnisplan“: a heading of the rows below
        texts.append(unbroken(reihe.zeile.text))  # „ver- mindert (-) um“: one word
        placed += _cells_placed(reihe)
    else:
        at = last
    roles = column_roles(_by_place(texts, placed))
    if roles is None:
        return None, index, 1
    return roles, at, _years(year_lines, len(roles))


def _cells_placed(reihe: Reihe) -> list[tuple[int, str]]:
    """The cells of a head line set apart by spaces, each with where it starts in the line; none for another line."""
    zeile = reihe.zeile
    cells = zeile.text.split("\t")
    return list(zip(zeile.lagen, cells, strict=True)) if zeile.lagen and len(zeile.lagen) == len(cells) else []


def _by_place(texts: list[str], placed: list[tuple[int, str]]) -> list[str]:
    """The head's words in the order of its columns: a head over two lines set apart by spaces („bisher … neu“ over
    „festgesetzt | erhöht um | vermindert um | festgesetzt“) by where each cell starts; else line by line."""
    if len(texts) < 2 or sum(len(t.split("\t")) for t in texts) != len(placed):
        return texts
    return [unbroken(cell) for _, cell in sorted(placed, key=lambda p: p[0])]


def _year(zahl: Zahl) -> bool:
    return zahl.einheit == "" and zahl.text.isdigit() and len(zahl.text) == 4 and 1990 <= zahl.wert <= 2100


def _years(year_lines: list[list[int]], columns: int) -> int:
    """How many years each column spans: a head line that names the same years under every column, in the same
    order („2023 2024 2023 2024 …“) – else one."""
    for years in year_lines:
        span = len(years) // columns
        if 2 <= span <= _YEARS and len(set(years[:span])) == span and years == years[:span] * columns:
            return span
    return 1


def column_roles(texts: list[str]) -> list[str] | None:
    """The columns the lines of a head name, in order – `alt` (bisher), `plus` (erhöht um), `minus` (vermindert
    um), `delta` (verändert um), `neu` (nunmehr festgesetzt auf, one column however many words) – or None when they
    make no Nachtrag head: one bisher, one new amount, a change, no column twice."""
    roles: list[str] = []
    for text in texts:
        for word in NACHTRAG_ROLE.findall(text):
            role = _role(word)
            # „nunmehr festgesetzt auf“ is one column, and so is „auf nunmehr … verändert“ (the new amount)
            if not (role in ("neu", "delta") and roles and roles[-1] == "neu"):
                roles.append(role)
    changes = [r for r in roles if r in ("plus", "minus", "delta")]
    if roles.count("alt") != 1 or roles.count("neu") != 1 or not changes or len(set(roles)) != len(roles):
        return None
    return roles


def cell_role(words: str) -> str | None:
    """The column the words before one cell name („gegenüber bisher“: `alt`, „erhöht um“: `plus`), None for none."""
    found = NACHTRAG_ROLE.findall(words)
    return _role(found[0]) if found else None


def _role(word: str) -> str:
    return _ROLES.get(word.lower(), "neu")


def _readings(reihe: Reihe, roles: list[str]) -> list[Rechnung]:
    if _EMPTY_CELL.search(reihe.zeile.text):
        return []  # „… EUR 318.250 EUR …“: its empty cells say which column is empty – nachtragleerzellen.py reads it
    dashed = dashed_cells(reihe, roles)
    if dashed:
        return [_reading(reihe, dashed, "")]
    figures = row_figures(reihe)
    if len(figures) == len(roles):
        return [_reading(reihe, dict(zip(roles, figures, strict=True)), "")]
    if len(figures) == len(roles) - 1 and {"plus", "minus"} <= set(roles):
        readings = []
        for empty in ("plus", "minus"):
            kept = [r for r in roles if r != empty]
            readings.append(_reading(reihe, dict(zip(kept, figures, strict=True)), _UNSURE))
        return readings
    return []


def _year_readings(reihe: Reihe, roles: list[str], years: int) -> list[Rechnung]:
    """A row under a head over several years: a cell a year under each column, the columns in the head's order –
    each year read on its own; a row with a cell missing is not read (which year it leaves empty, it does not say)."""
    figures = row_figures(reihe)
    if len(figures) != len(roles) * years:
        return []
    return [_reading(reihe, dict(zip(roles, figures[year::years], strict=True)), "") for year in range(years)]


def _reading(reihe: Reihe, cells: dict[str, Zahl], grund: str) -> Rechnung:
    alt, neu = cells["alt"], cells["neu"]
    if "delta" in cells:
        delta = cells["delta"]
        if alt.wert + delta.wert == neu.wert:  # the row holds: its new amount is stated as well
            shown = f"{alt.zeige()} + {delta.zeige()}" if delta.wert >= 0 else f"{alt.zeige()} + ({delta.zeige()})"
            return _rechnung(reihe, "saldo", [alt, delta], neu, [1, 1], shown, grund)
        shown = f"{neu.zeige()} − ({alt.zeige()})" if alt.wert < 0 else f"{neu.zeige()} − {alt.zeige()}"
        return _rechnung(reihe, "unterschied", [neu, alt], delta, [1, -1], shown, grund)
    parts = [alt] + [cells[r] for r in ("plus", "minus") if r in cells]
    signs = [1] + [1 if r == "plus" else -1 for r in ("plus", "minus") if r in cells]
    shown = written_sum(parts, signs, signed=True) if len(parts) > 1 else f"{alt.zeige()} unverändert"
    return _rechnung(reihe, "saldo", parts, neu, signs, shown, grund)


def _rechnung(
    reihe: Reihe, formel: str, parts: list[Zahl], result: Zahl, signs: list[int], shown: str, grund: str
) -> Rechnung:
    return Rechnung(
        "Nachtrag: bisher und Veränderung, nunmehr festgesetzt",
        formel,
        [reihe.fund(z) for z in parts],
        reihe.fund(result),
        shown,
        betrag=False,
        vorzeichen=signs,
        sicher=not grund,
        grund=grund,
        rang=3,
        typ="nachtrag",
    )
