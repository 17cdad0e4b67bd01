"""The Ergebnisrechnung of a Jahresabschluss or Haushalt as a PDF sets it, columns apart by single spaces under a head
with the years („Position Beträge in Tsd. € Ist 2013 Ist 2014 …“): the scheme's rows by their names – „ordentliche
Erträge“ and „ordentliche Aufwendungen“ over the rows above them, „Verwaltungsergebnis“ from the two, „Finanzergebnis“
from the two rows above it, „ordentliches Ergebnis“ from Verwaltungs- and Finanzergebnis (or, where the scheme
shows neither, from the Erträge and Aufwendungen: a doubt where it misses, as NKF NRW counts a Finanzergebnis the
table may not show) – each column for itself.

The page's own forms are kept: a row a PDF wrapped (its last figures alone on a line below) is joined, two rows set
on one line are split. Where the head gives the amounts in thousands or millions, each part was rounded: a result
may be off by half a unit per part. Signs are as typed: Erträge typed negative and Aufwendungen positive (or the
other way) add up; both positive, the Aufwendungen are subtracted. The balances are sure; a column total over the
rows above it is not (a „davon“ row would count twice), so it says „nicht eindeutig“ where it does not add up.
Each line is looked at once: linear in the document's length."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import WITH_FINANZERGEBNIS

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ROLES = {
    "ertraege": re.compile(r"^(?:Summe\s+(?:der\s+)?)?ordentlichen?\s+Erträge$", re.IGNORECASE),
    "aufwendungen": re.compile(r"^(?:Summe\s+(?:der\s+)?)?ordentlichen?\s+Aufwendungen$", re.IGNORECASE),
    "verwaltung": re.compile(r"^(?:Verwaltungsergebnis|Ergebnis der laufenden Verwaltungstätigkeit)$", re.IGNORECASE),
    "finanz": re.compile(r"^Finanzergebnis$", re.IGNORECASE),
    "ordentlich": re.compile(r"^ordentliches\s+(?:Jahres)?ergebnis$", re.IGNORECASE),
}
_FINANZERTRAG = re.compile(r"^Finanzerträge$", re.IGNORECASE)
_ZINSEN = re.compile(r"^(?:Zinsen|Finanzaufwendungen)\b", re.IGNORECASE)
_MAX_ROWS = 200
_HALF = Decimal("0.5")  # per part rounded to thousands or millions, in the figures' own unit


@dataclass
class _Row:
    label: str
    values: list[tuple[Zeile, Zahl]]


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    i = 0
    while i < len(zeilen):
        head = zeilen[i]
        years = _YEAR.findall(head.text)
        if gerundet.SCALED.search(head.text) and len(years) >= 2 and not head.zellen:
            rows, i = _rows(zeilen, i + 1, len(years))
            _staffel(rows, _HALF, found)
            continue
        i += 1
    return found


def recognise_table(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """The same scheme in a table with cells (tabs, pipes, or stored one cell per line): „Ordentliche Erträge“ under
    its rows, „Ordentliche Aufwendungen“ under theirs, each column for itself – where a row leaves its last cells empty
    („… | 702.581 |“ under „Abw. in %“), the columns it has."""
    found: list[Rechnung] = []
    cells = [(reihe, _cells(reihe)) for reihe in reihen]
    for _, table in groupby(cells, key=lambda pair: pair[1] is not None):  # the runs of table rows
        rows = [_Row(reihe.label.strip(" :"), values) for reihe, values in table if values]
        if len(rows) >= 3:
            _staffel(rows, Decimal(0), found)
    return found


def _cells(reihe: Reihe) -> list[tuple[Zeile, Zahl]] | None:
    """A table row's figures from its first cell on, up to the first empty one – or None for no table row."""
    if not (reihe.zeile.zellen or reihe.orte) or not re.search(r"[A-Za-zÄÖÜäöüß]{3}", reihe.label):
        return None
    values: list[tuple[Zeile, Zahl]] = []
    for eintrag in reihe.eintraege:
        if eintrag.art != WERT or len(eintrag.zahlen) != 1 or eintrag.zahlen[0].einheit == "%":
            break
        values.append((reihe.fund(eintrag.zahlen[0]).zeile, eintrag.zahlen[0]))
    return values or None


def _rows(zeilen: list[Zeile], i: int, columns: int) -> tuple[list[_Row], int]:
    """The rows under the head: a label and `columns` figures; a wrapped row joined, two rows on a line split."""
    rows: list[_Row] = []
    while i < len(zeilen) and len(rows) < _MAX_ROWS:
        zeile = zeilen[i]
        text = zeile.text.strip()
        if not text:
            i += 1
            continue
        figs = [z for z in zeile.zahlen if z.tiefe == 0 and not z.einheit]
        if not figs or zeile.zellen or any(z.einheit for z in zeile.zahlen):
            break
        if not _label(text, 0, figs[0].start):  # figures alone: the rest of a wrapped row
            if rows and len(rows[-1].values) + len(figs) == columns:
                rows[-1].values += [(zeile, z) for z in figs]
                i += 1
                continue
            break
        groups = _groups(zeile, figs)
        if groups is None:
            break
        for label, values in groups:
            if len(values) != columns and not (groups[-1][0] == label and len(values) < columns):
                return rows, i
            rows.append(_Row(label, [(zeile, z) for z in values]))
        i += 1
    return rows, i


def _label(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[start:end]).strip(" :")


def _groups(zeile: Zeile, figs: list[Zahl]) -> list[tuple[str, list[Zahl]]] | None:
    """A line's labels, each with the run of figures after it (only blanks between the figures of a run)."""
    groups: list[tuple[str, list[Zahl]]] = []
    start = 0
    run: list[Zahl] = []
    for z in figs:
        if run and zeile.text[run[-1].ende : z.start].strip():
            groups.append((_label(zeile.text, start, run[0].start), run))
            start, run = run[-1].ende, []
        run.append(z)
    groups.append((_label(zeile.text, start, run[0].start), run))
    return groups if all(label and re.search(r"[A-Za-zÄÖÜäöüß]{3}", label) for label, _ in groups) else None


def _staffel(rows: list[_Row], half: Decimal, found: list[Rechnung]) -> None:
    roles: dict[str, int] = {}
    for index, row in enumerate(rows):
        role = next((name for name, pattern in _ROLES.items() if pattern.match(row.label)), None)
        if role is None or role in roles:
            continue
        roles[role] = index
        if role == "ertraege" and index >= 3:
            _sum(rows[:index], row, half, found)
        elif role == "aufwendungen" and "ertraege" in roles and index - roles["ertraege"] > 3:
            _sum(rows[roles["ertraege"] + 1 : index], row, half, found)
        elif (
            role == "verwaltung"
            and {"ertraege", "aufwendungen"} <= roles.keys()
            and not {"ordentlich", "finanz"} & roles.keys()  # below those the name is a later total of another scheme
        ):
            _balance(rows[roles["ertraege"]], rows[roles["aufwendungen"]], row, half, found, "Verwaltungsergebnis")
        elif role == "finanz" and index >= 2 and _FINANZERTRAG.match(rows[index - 2].label):
            if _ZINSEN.match(rows[index - 1].label):
                _balance(rows[index - 2], rows[index - 1], row, half, found, "Finanzergebnis")
        elif role == "ordentlich" and {"verwaltung", "finanz"} <= roles.keys():
            _balance(rows[roles["verwaltung"]], rows[roles["finanz"]], row, half, found, "ordentliches Ergebnis", True)
        elif role == "ordentlich" and _apart(roles) and "verwaltung" not in roles:
            # under the two totals alone, rows between them (three together are zellsaldo's): NKF NRW counts a
            # Finanzergebnis the table may not show into it
            first, second = rows[roles["ertraege"]], rows[roles["aufwendungen"]]
            _balance(first, second, row, half, found, "ordentliches Ergebnis", grund=WITH_FINANZERGEBNIS)


def _apart(roles: dict[str, int]) -> bool:
    """The totals of the Erträge and of the Aufwendungen both stand in the table, rows between them."""
    return {"ertraege", "aufwendungen"} <= roles.keys() and roles["aufwendungen"] - roles["ertraege"] > 1


def _complete(row: _Row, columns: int) -> bool:
    """As many figures as the result – or more, the result's row leaving its last cells empty."""
    return len(row.values) >= columns


def _sum(items: list[_Row], total: _Row, half: Decimal, found: list[Rechnung]) -> None:
    """A column total over the rows above it: not sure (a „davon“ row would count twice)."""
    columns = len(total.values)
    if any(not _complete(item, columns) or "davon" in item.label for item in items):
        return
    for column, (zeile, result) in enumerate(total.values):
        parts = [item.values[column] for item in items]
        found.append(
            _reading(
                "Summe der Zeilen darüber in der Spalte (Ergebnisrechnung)",
                parts,
                (zeile, result),
                [1] * len(parts),
                False,
                "die Spaltensumme über alle Zeilen darüber setzt voraus, dass keine Zeile eine andere enthält",
                half * len(parts),
            )
        )


def _balance(
    first: _Row,
    second: _Row,
    result: _Row,
    half: Decimal,
    found: list[Rechnung],
    name: str,
    added: bool = False,
    grund: str = "",
) -> None:
    """A balance of two rows, each column for itself: opposite signs (or `added`) add up as typed, both positive is
    the first less the second; anything else is not read. With a `grund`, a mismatch is a doubt for that reason."""
    columns = len(result.values)
    if not (_complete(first, columns) and _complete(second, columns)):
        return
    for column in range(columns):
        a, b = first.values[column], second.values[column]
        if added or (a[1].wert < 0) != (b[1].wert < 0):
            signs = [1, 1]
        elif a[1].wert > 0 and b[1].wert > 0:
            signs = [1, -1]
        else:
            continue
        found.append(
            _reading(
                f"{name} aus den Zeilen der Ergebnisrechnung",
                [a, b],
                result.values[column],
                signs,
                not grund,
                grund,
                half * 2,
            )
        )


def _reading(
    art: str,
    parts: list[tuple[Zeile, Zahl]],
    result: tuple[Zeile, Zahl],
    signs: list[int],
    sure: bool,
    grund: str,
    tolerance: Decimal,
) -> Rechnung:
    shown = " ".join(
        ("" if i == 0 and s > 0 else "+ " if s > 0 else "− ")
        + (z.betrag() if s < 0 else (f"({z.zeige()})" if i and z.wert < 0 else z.zeige()))
        for i, (s, (_, z)) in enumerate(zip(signs, parts, strict=True))
    )
    return Rechnung(
        art,
        "saldo",
        [Fund(zeile, z) for zeile, z in parts],
        Fund(*result),
        shown,
        betrag=False,
        vorzeichen=signs,
        sicher=sure,
        grund=grund,
        rang=1,
        typ="ergebnisstaffel",
        toleranz=tolerance,
        rundungsgrund=gerundet.GRUND_SCALED,
    )
