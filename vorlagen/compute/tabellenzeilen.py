"""The rows of a table's positions: count × rate over the period, a fixed amount, or a computed formula – each
rounded and split over the years, the way every kind with cost rows computes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from vorlagen.compute.periode import Periode, zeile
from vorlagen.compute.tabelle import Auswerten, Zeile, cents_lost, stellen_je_einheit
from vorlagen.core.fmt import Zahlformat, zahl
from vorlagen.core.money import Rundung, below, split_largest_remainder
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung, Kostenposition
from vorlagen.load.saetze import Satz


def zeilen(
    berechnung: Berechnung,
    positionen: Sequence[Kostenposition],
    als: Callable[[Kostenposition], str | None],
    abzug: bool,
    saetze: dict[str, Satz],
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[list[Zeile], list[Problem]]:
    """The rows of positions; rates of different units in one row are a problem. A row with a `formel` (an
    Aufstellung's) is a computed figure, read by `auswerten`."""
    rows, problems = [], []
    owner = f"Berechnung „{berechnung.id}“"
    for p in positionen:
        label = als(p)
        lost = _verlorene_cent(p, saetze, rundung.quantum, zahlformat, owner)
        if lost:
            problems += lost
            continue
        if p.formel is not None:
            row, found = _formelzeile(p, label, abzug, periode_, rundung, zahlformat, owner, auswerten)
        elif p.betrag is not None:
            row, found = _betragszeile(p, label, abzug, periode_, rundung, zahlformat), []
        else:
            row, found = _satzzeile(
                p, label, abzug, [saetze[s] for s in p.saetze], periode_, rundung, zahlformat, berechnung.id
            )
        problems += found
        if row is not None:
            rows.append(row)
    return rows, problems


def _verlorene_cent(
    p: Kostenposition, saetze: dict[str, Satz], quantum: Decimal, zahlformat: Zahlformat, owner: str
) -> list[Problem]:
    """An amount or a rate of the position with cents where the computation rounds to whole euros."""
    lost: list[tuple[str, Decimal]] = [
        (key, value)
        for key, value in (("betrag", p.betrag), ("erwartet", p.erwartet))
        if value is not None and below(value, quantum)
    ]
    lost += [("saetze", saetze[s].betrag) for s in p.saetze if below(saetze[s].betrag, quantum)]
    return [
        cents_lost(p.where(key), f"„{key}“" if key != "saetze" else "ein Satz", value, zahlformat, owner)
        for key, value in lost
    ]


def _formelzeile(
    p: Kostenposition,
    label: str | None,
    abzug: bool,
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    owner: str,
    auswerten: Auswerten | None,
) -> tuple[Zeile | None, list[Problem]]:
    """The row of a position with a `formel`: its computed figure, rounded."""
    assert auswerten is not None and p.formel is not None  # a table that reads figures is computed after them
    try:
        value = auswerten(p.formel, "€")
    except ValueError as error:
        return None, [Problem(p.where("formel"), f"{owner}, Zeile „{label}“: {error}")]
    if below(value, rundung.quantum):
        return None, [cents_lost(p.where("formel"), f"die Zeile „{label}“", value, zahlformat, owner)]
    betrag = rundung.runde(value)
    return Zeile(
        p.id,
        label,
        p.hinweis or "",
        betrag,
        abzug,
        betrag,
        p.anzahl,
        _split(betrag, periode_.gewichte, rundung),
        p,
        [],
    ), []


def _betragszeile(
    p: Kostenposition, label: str | None, abzug: bool, periode_: Periode, rundung: Rundung, zahlformat: Zahlformat
) -> Zeile:
    """The row of a position with a `betrag`: count × amount."""
    assert p.betrag is not None
    betrag = rundung.runde(p.anzahl * p.betrag)
    money = zahlformat.euro_or_cent(p.betrag, rundung.quantum)
    text = f"{zahl(p.anzahl)} x {money}" if p.anzahl != 1 else money
    text += f" – {p.hinweis}" if p.hinweis else ""
    return Zeile(
        p.id,
        label,
        text,
        betrag,
        abzug,
        p.betrag,
        p.anzahl,
        _split(betrag, periode_.gewichte, rundung),
        p,
        [],
    )


def _satzzeile(
    p: Kostenposition,
    label: str | None,
    abzug: bool,
    used: list[Satz],
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    berechnung_id: str,
) -> tuple[Zeile | None, list[Problem]]:
    """The row of a position with `saetze`: count × share × the rates of one unit over the period."""
    if len({s.einheit for s in used}) > 1:
        return None, [
            Problem(
                p.where("saetze"),
                "Die Sätze einer Zeile brauchen dieselbe Einheit, hier: "
                + ", ".join(f"{s.id} je {s.einheit}" for s in used)
                + " – verteilen Sie sie auf mehrere Zeilen.",
            )
        ]
    if used[0].einheit == "Monat" and not periode_.text:
        return None, [
            Problem(
                p.where("saetze"),
                f"Der Satz „{used[0].id}“ gilt je Monat; die Berechnung "
                f"„{berechnung_id}“ braucht dafür einen „zeitraum“.",
            )
        ]
    try:
        je_einheit = stellen_je_einheit(used)
    except ValueError as error:
        return None, [
            Problem(
                p.where("saetze"),
                f"Die Sätze einer Zeile nennen verschiedene Stellenanteile "
                f"({error}) – verteilen Sie sie auf mehrere Zeilen.",
            )
        ]
    text, einheit, betrag = zeile(p.anzahl, p.anteil, used, periode_, rundung, zahlformat, p.hinweis)
    return Zeile(
        p.id,
        label,
        text,
        betrag,
        abzug,
        einheit,
        p.anzahl,
        _split(betrag, periode_.gewichte_fuer(used[0].einheit), rundung),
        p,
        used,
        None if je_einheit is None else p.anzahl * p.anteil * je_einheit,
    ), []


def _split(betrag: Decimal, gewichte: dict, rundung: Rundung) -> dict[int, Decimal]:
    return split_largest_remainder(betrag, gewichte, rundung.quantum) if gewichte else {}
