"""The result row of a short Ergebnis table, typed in cells or stored one cell per line (faltung.py joins it): „Erträge“,
„Aufwendungen“, then „Ergebnis“ (or „Saldo“, „Verwaltungsergebnis“) – in each column the first row less the second,
signed as typed; Aufwendungen typed negative („-5.980.400“) are added. haushaltssaldo.py reads the rows a
Haushaltssatzung names („Jahresüberschuss“, „Saldo der …“); this reads the plain names a table has.

Read only when the three rows stand together in this order and name the same part of the budget (ordentlich,
außerordentlich, or none). A result of the other sign with the same amount is the page's sign convention (a
Fehlbetrag typed without minus): no reading. An „ordentliches Ergebnis“ under the ordentliche Erträge and
Aufwendungen may hold the Finanzergebnis too (NKF NRW counts it apart): a mismatch there is „nicht eindeutig“. Where
the head above gives the amounts in thousands or millions, each row was rounded: the result may be off by half a unit
per row. Each row is looked at once: linear in the document's length.

Also a result row named by its direction under the two rows in either order – „Aufwendungen“, „Erträge“, then
„Defizit der Gemeinde“ (or „Fehlbetrag“, „Zuschussbedarf“; „Überschuss“ the other way), as a new user types a Kita's
Defizit: the Defizit is the Aufwendungen less the Erträge, typed without a sign."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.plaetze import columns
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import WITH_FINANZERGEBNIS

_PART = r"(?:(?P<teil>außerordentliche|ordentliche)[nrs]?\s+)?"
_ERTRAEGE = re.compile(rf"^(?:Summe\s+(?:der\s+)?)?{_PART}Erträge$", re.IGNORECASE)
_AUFWENDUNGEN = re.compile(rf"^(?:Summe\s+(?:der\s+)?)?{_PART}Aufwendungen$", re.IGNORECASE)
_ERGEBNIS = re.compile(rf"^{_PART}(?:Ergebnis|Saldo)$", re.IGNORECASE)
_VERWALTUNG = re.compile(r"^(?:Verwaltungsergebnis|Ergebnis der laufenden Verwaltungstätigkeit)$", re.IGNORECASE)
_HEAD_LINES = 8  # lines above the table's first row looked at for its unit
_COSTS = re.compile(r"^(?:Summe\s+(?:der\s+)?)?(?:Aufwendungen|Aufwand|Ausgaben|Kosten|Gesamtkosten)$", re.IGNORECASE)
_INCOME = re.compile(r"^(?:Summe\s+(?:der\s+)?)?(?:Erträge|Ertrag|Einnahmen|Erlöse)$", re.IGNORECASE)
_DEFICIT = re.compile(r"^(?:Defizit|Fehlbetrag|Zuschussbedarf)(?:\s+[\wäöüß()]+){0,3}$", re.IGNORECASE)
_SURPLUS = re.compile(r"^Überschuss(?:\s+[\wäöüß()]+){0,3}$", re.IGNORECASE)


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for index in range(2, len(reihen)):
        reihe, first, second = reihen[index], reihen[index - 2], reihen[index - 1]
        directed = _directed(first, second, reihe)
        if directed is not None and reihe.fund(directed.ergebnis.zahl).key not in taken:
            found.append(directed)
            continue
        part = _result_part(reihe.label.strip())
        if part is None:
            continue
        a, b = _label_part(_ERTRAEGE, first.label), _label_part(_AUFWENDUNGEN, second.label)
        if a is None or b is None or not (a == b == part or part == "verwaltung" and a == b == "ordentliche"):
            continue
        x_cells, y_cells, results = columns(first), columns(second), columns(reihe)
        if not results or set(x_cells) != set(results) or set(y_cells) != set(results):
            continue  # the three rows are no rows of one table
        tolerance = _tolerance(reihen, index - 2)
        for place, result in results.items():
            x, y = x_cells[place], y_cells[place]
            if x is None or y is None or result is None or x.wert < 0 or reihe.fund(result).key in taken:
                continue
            saldo = x.wert + y.wert if y.wert < 0 else x.wert - y.wert
            if saldo != 0 and result.wert == -saldo:
                continue  # the page's sign convention: a Fehlbetrag typed without its minus
            found.append(_reading(first, second, reihe, (x, y, result), part, tolerance))
    return found


def _directed(first: Reihe, second: Reihe, reihe: Reihe) -> Rechnung | None:
    """„Aufwendungen | 1.380.468 €“, „Erträge | 721.630 €“, „Defizit der Gemeinde | 658.838 €“ (either order of the
    two): the Defizit is the costs less the income, an Überschuss the income less the costs – one amount each, none
    negative."""
    labels = [r.label.strip(" *_:") for r in (first, second, reihe)]
    deficit, surplus = _DEFICIT.match(labels[2]), _SURPLUS.match(labels[2])
    rows = {
        ("k" if _COSTS.match(label) else "e" if _INCOME.match(label) else ""): r
        for label, r in zip(labels, (first, second))
    }
    if not (deficit or surplus) or set(rows) != {"k", "e"}:
        return None
    figures = [r.werte for r in (rows["k"], rows["e"], reihe)]
    if any(len(f) != 1 or f[0].wert < 0 or not f[0].geld for f in figures):
        return None
    (costs,), (income,), (result,) = figures
    big, small = (rows["k"], rows["e"]) if deficit else (rows["e"], rows["k"])
    x, y = (costs, income) if deficit else (income, costs)
    return Rechnung(
        f"{'Defizit' if deficit else 'Überschuss'} der zwei Zeilen darüber ({big.zeile.ort} weniger {small.zeile.ort})",
        "saldo",
        [big.fund(x), small.fund(y)],
        reihe.fund(result),
        f"{x.zeige()} − {y.zeige()}",
        betrag=False,
        vorzeichen=[1, -1],
        rang=3,
        typ="zellsaldo",
    )


def _result_part(label: str) -> str | None:
    """The part of the budget a result row names: "ordentliche", "außerordentliche", "" (none), "verwaltung"."""
    if _VERWALTUNG.match(label):
        return "verwaltung"
    return _label_part(_ERGEBNIS, label)


def _label_part(pattern: re.Pattern[str], label: str) -> str | None:
    match = pattern.match(label.strip())
    if match is None:
        return None
    return (match.group("teil") or "").lower()


def _tolerance(reihen: list[Reihe], top: int) -> bool:
    """Whether the lines above the table's first rows give its amounts in thousands or millions."""
    return gerundet.scaled(r.zeile.text for r in reihen[max(0, top - _HEAD_LINES) : top + 1])


def _reading(
    first: Reihe, second: Reihe, reihe: Reihe, figures: tuple[Zahl, Zahl, Zahl], part: str, rounded: bool
) -> Rechnung:
    x, y, result = figures
    signs = [1, 1] if y.wert < 0 else [1, -1]
    shown = f"{x.zeige()} − ({y.zeige()})" if y.wert < 0 else f"{x.zeige()} − {y.zeige()}"
    unsure = part == "ordentliche" and not _VERWALTUNG.match(reihe.label.strip())
    step = max(x.schritt, y.schritt, result.schritt)
    return Rechnung(
        f"Ergebnis der zwei Zeilen darüber ({first.zeile.ort} weniger {second.zeile.ort})",
        "saldo",
        [first.fund(x), second.fund(y)],
        reihe.fund(result),
        shown,
        betrag=False,
        vorzeichen=signs,
        sicher=not unsure,
        grund=WITH_FINANZERGEBNIS if unsure else "",
        rang=3,
        typ="zellsaldo",
        toleranz=step if rounded else Decimal(0),
        rundungsgrund=gerundet.GRUND_SCALED,
    )
