"""A table of a numbered scheme stored with its cells (a pipe table, HTML, Word): rows numbered „1.5“, „3.1“, … and
result rows that say how they are computed – „5 | = ordentliches Ergebnis (Nr. 2 ./. Nr. 4) | …“, „10 | = … (Nr. 5 +
9) | …“ – or a row „2 | = ordentliche Erträge“ right under the rows „1.1“ … „1.n“ of the number before it. Each
column is computed for itself from the same column of the rows named.

The figures are typed with their signs (Aufwendungen negative): where the rows a „./.“ names are typed negative,
„./.“ only says what they are, and the row is the sum as typed; where they are typed positive, it is the first less
the others. Other cases (a named row missing, zero or mixed signs) are read both ways and are „nicht eindeutig“ when
neither holds. Every row is looked at once per reference: linear in the table's size."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_REFS = re.compile(
    r"Nr\.\s*(?P<expr>\d{1,2}(?:\.\d{1,2})?(?:\s*(?:\./\.|[+\-−–])\s*(?:Nr\.\s*)?\d{1,2}(?:\.\d{1,2})?)+)\s*\)"
)
_TERM = re.compile(r"(?P<op>\./\.|[+\-−–])?\s*(?:Nr\.\s*)?(?P<nr>\d{1,2}(?:\.\d{1,2})?)")
_MAX_ROWS = 200  # rows of one scheme


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    table: list[tuple[str, Reihe]] = []
    for reihe in reihen:
        number = _scheme_number(reihe)
        if number is None:
            if reihe.zeile.text.strip() and reihe.werte:
                table = []  # another table: the scheme ends
            continue
        table = (table + [(number, reihe)])[-_MAX_ROWS:]
        label = _label(reihe)
        refs = _REFS.search(label)
        if refs:
            _named(table, reihe, refs["expr"], found)
        elif label.startswith("=") and "." not in number:
            _subrows(table, number, reihe, found)
    return found


def _scheme_number(reihe: Reihe) -> str | None:
    """„1.5“, „10“: the number a row of the scheme opens with, in a cell of its own."""
    if not reihe.zeile.zellen:
        return None
    first = reihe.zeile.text.split("\t", 1)[0].strip()
    return first if _NUMBER.fullmatch(first) else None


def _label(reihe: Reihe) -> str:
    cells = reihe.zeile.text.split("\t")
    return cells[1].strip() if len(cells) > 1 else ""


def _columns(reihe: Reihe) -> dict[tuple, Zahl]:
    """The row's single figures by cell, the cells of number and label left out."""
    return {
        e.spalte: e.zahlen[0]
        for e in reihe.eintraege
        if e.art == WERT and len(e.zahlen) == 1 and e.spalte is not None and e.spalte[1] >= 2
    }


def _named(table: list[tuple[str, Reihe]], reihe: Reihe, expr: str, found: list[Rechnung]) -> None:
    """„(Nr. 2 ./. Nr. 4)“, „(Nr. 6 ./. Nr. 7 + 8)“: each column from the rows named."""
    rows = {number: r for number, r in table[:-1]}
    terms = [(m["op"] or "+", m["nr"]) for m in _TERM.finditer(expr)]
    if any(nr not in rows for _, nr in terms[:1]):
        return
    missing = [nr for _, nr in terms if nr not in rows]
    if len(missing) == len(terms) - 1:  # none but the first there: nothing to compute
        return
    for spalte, result in _columns(reihe).items():
        parts = [(op, _columns(rows[nr]).get(spalte)) for op, nr in terms if nr in rows]
        if any(z is None for _, z in parts):
            continue
        present = [(op, z) for op, z in parts if z is not None]
        subtracted = [z for op, z in present if op != "+"]
        as_typed = bool(subtracted) and all(z.wert < 0 for z in subtracted)
        literal = bool(subtracted) and all(z.wert > 0 for z in subtracted)
        sure = not missing and (as_typed or literal or not subtracted)
        grund = (
            f"Zeile {', '.join(missing)} fehlt in der Tabelle (als 0 gelesen)"
            if missing
            else "„./.“ kann abziehen oder nur Aufwendungen bezeichnen, die mit Minus getippt sind"
        )
        figures = [z for _, z in present]
        typed_signs = [1] * len(present)
        ops_signs = [1 if op == "+" else -1 for op, _ in present]
        readings = [(typed_signs, as_typed or not subtracted), (ops_signs, literal)]
        for signs, fits in readings:
            doubt = "" if sure else grund  # where one reading is sure, the other is a mere guess
            found.append(_reading(reihe, table, result, figures, signs, sure and fits, doubt, 2 if fits else 1))
            if not subtracted:
                break


def _subrows(table: list[tuple[str, Reihe]], number: str, reihe: Reihe, found: list[Rechnung]) -> None:
    """„2 | = ordentliche Erträge“ under „1.1“ … „1.n“: the sum of the sub-rows of the number before."""
    before = str(int(number) - 1)
    subs: list[Reihe] = []
    for nr, row in reversed(table[:-1]):
        if not nr.startswith(before + "."):
            break
        subs.insert(0, row)
    if len(subs) < 2 or len(subs) != sum(1 for nr, _ in table[:-1] if nr.startswith(before + ".")):
        return
    for spalte, result in _columns(reihe).items():
        figures = [_columns(row).get(spalte) for row in subs]
        if any(z is None for z in figures):
            continue
        present = [z for z in figures if z is not None]
        found.append(_reading(reihe, table, result, present, [1] * len(present), True, "", 2, subs))


def _reading(
    reihe: Reihe,
    table: list[tuple[str, Reihe]],
    result: Zahl,
    figures: list[Zahl],
    signs: list[int],
    sure: bool,
    grund: str,
    rang: int,
    rows: list[Reihe] | None = None,
) -> Rechnung:
    owners = {id(z): r for _, r in table for z in r.werte}
    parts = [owners[id(z)].fund(z) if id(z) in owners else Fund(reihe.zeile, z) for z in figures]
    shown = " ".join(
        ("" if i == 0 and s > 0 else "+ " if s > 0 else "− ")
        + (z.betrag() if s < 0 else (f"({z.zeige()})" if i and z.wert < 0 else z.zeige()))
        for i, (s, z) in enumerate(zip(signs, figures, strict=True))
    )
    return Rechnung(
        "Zeile eines nummerierten Schemas aus den Zeilen, die sie nennt" if rows is None else "Summe der Unterzeilen",
        "saldo",
        parts,
        reihe.fund(result),
        shown,
        betrag=False,
        vorzeichen=signs,
        sicher=sure,
        grund="" if sure else grund,
        rang=rang,
        typ="nummernschema",
    )
