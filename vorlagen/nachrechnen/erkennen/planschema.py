"""Plans in the numbered scheme of the Haushalt (NKF, Doppik): rows „1 + Steuern …“, „14 - Abschreibungen …“ and
totals „10 = Ordentliche Erträge …“ – a total of the rows above it since the last total, or, right after another
total, the balance of the two totals before it („18 = 10 − 17“, „22 = 18 + 21“)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_ROW = re.compile(r"^\s*(?P<nr>\d{1,2})\s*(?P<op>[+=]|[-−–](?!\d))\s+\D")
_NUMBER_OP = re.compile(r"^\s*\d{1,2}\s*(?:[+=]|[-−–])\s+")
_MAX_ROWS = 100  # rows of one scheme between two totals


@dataclass
class _Zeile:
    reihe: Reihe
    op: str  # "+", "-" or "="
    werte: list[Zahl]
    aufwand: bool = False  # a total of "-" rows only: an expense, subtracted where it is used


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds the totals of every numbered scheme."""
    found: list[Rechnung] = []
    pending: list[_Zeile] = []
    totals: list[_Zeile] = []
    wrapped: tuple[str, Reihe] | None = None  # a numbered label a PDF wrapped: its figures are on the next line
    for reihe in reihen:
        row = _row(reihe)
        if row is None and wrapped and not _ROW.match(reihe.zeile.text):
            row = _Zeile(wrapped[1], wrapped[0], _values(reihe, 0)) if _values(reihe, 0) else None
            if row is not None:
                row.reihe = reihe
        if row is None:
            match = _ROW.match(reihe.zeile.text)
            wrapped = (_op(match), reihe) if match and not _values(reihe, match.end("op")) else None
            if reihe.zeile.text.strip() and reihe.werte and not wrapped:
                pending, totals = [], []  # another table: the scheme ends
            continue
        wrapped = None
        if row.op != "=":
            pending = (pending + [row])[-_MAX_ROWS:]
            continue
        if pending:
            _group(pending, row, found)
        elif len(totals) >= 2:
            _balance(totals[-2], totals[-1], row, found)
            totals = totals[:-2]
        pending = []
        totals.append(row)
    return found


def _row(reihe: Reihe) -> _Zeile | None:
    match = _ROW.match(reihe.zeile.text)
    if not match:
        return None
    values = _values(reihe, match.end("op"))
    return _Zeile(reihe, _op(match), values) if values else None


def _op(match: re.Match) -> str:
    return "-" if match["op"] in "-−–" else match["op"]


def _values(reihe: Reihe, after: int) -> list[Zahl]:
    return [
        z for z in reihe.zeile.zahlen if z.start > after and z.tiefe == 0 and not re.fullmatch(r"(?:19|20)\d\d", z.text)
    ]


def _group(rows: list[_Zeile], total: _Zeile, found: list[Rechnung]) -> None:
    width = len(total.werte)
    if len(rows) < 2 or any(len(r.werte) != width for r in rows):
        return
    total.aufwand = all(r.op == "-" for r in rows)
    for column in range(width):
        parts = [r.werte[column] for r in rows]
        result = total.werte[column]
        if total.aufwand:  # "17 = Ordentliche Aufwendungen": the expenses added up, as typed
            signs, formel, shown = [1] * len(parts), "summe", " + ".join(z.betrag() for z in parts)
        else:
            signs = [1 if r.op == "+" else -1 for r in rows]
            formel, shown = "saldo", _shown(parts, signs)
        found.append(
            Rechnung(
                f"Summenzeile „{_label(total)}“ des Haushaltsschemas (Spalte {column + 1})",
                formel,
                [r.reihe.fund(r.werte[column]) for r in rows],
                total.reihe.fund(result),
                shown,
                betrag=total.aufwand,
                vorzeichen=signs,
                typ="schema_summe",
            )
        )


def _balance(first: _Zeile, second: _Zeile, total: _Zeile, found: list[Rechnung]) -> None:
    width = len(total.werte)
    if len(first.werte) != width or len(second.werte) != width:
        return
    signs = [-1 if first.aufwand else 1, -1 if second.aufwand else 1]
    for column in range(width):
        parts = [first.werte[column], second.werte[column]]
        found.append(
            Rechnung(
                f"Saldo „{_label(total)}“ der beiden Summenzeilen darüber (Spalte {column + 1})",
                "saldo",
                [first.reihe.fund(parts[0]), second.reihe.fund(parts[1])],
                total.reihe.fund(total.werte[column]),
                _shown(parts, signs),
                betrag=False,
                vorzeichen=signs,
                typ="schema_saldo",
            )
        )


def _shown(parts: list[Zahl], signs: list[int]) -> str:
    text = parts[0].zeige() if signs[0] > 0 else "− " + parts[0].betrag()
    for sign, zahl in zip(signs[1:], parts[1:]):
        if sign < 0:
            text += f" − {zahl.betrag()}"
        else:
            text += f" + {zahl.zeige()}" if zahl.wert >= 0 else f" + ({zahl.zeige()})"
    return text


def _label(total: _Zeile) -> str:
    text = total.reihe.zeile.text
    number = _NUMBER_OP.match(text)
    start = number.end() if number else 0
    return text[start : max(start, total.werte[0].start)].split("\t")[0].strip()[:60]
