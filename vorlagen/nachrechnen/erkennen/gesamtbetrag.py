"""„Gesamtbetrag der Einzahlungen“ and „… der Auszahlungen“ of a Haushaltssatzung's Finanzhaushalt (§ 1): the sum of
the rows above that name the same flow – „ordentlichen Einzahlungen“, „außerordentlichen Einzahlungen“,
„Einzahlungen aus Investitionstätigkeit“, „… aus Finanzierungstätigkeit“ –, not of the Auszahlungen and Salden
between them, which a sum of the whole list would take in. Likewise Erträge/Aufwendungen, Einnahmen/Ausgaben.

Read only where the label is that total and nothing else („Gesamtbetrag der Einzahlungen aus laufender
Verwaltungstätigkeit“ is a row of its own), and the rows from the heading above („1. im Finanzhaushalt“) down to
it are all readable: one figure each, naming the flow, its counterpart, a Saldo or a Gesamtbetrag. Then a mismatch
is a slip."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import written_sum

_FLOWS = {
    "einzahlungen": "auszahlungen",
    "auszahlungen": "einzahlungen",
    "erträge": "aufwendungen",
    "aufwendungen": "erträge",
    "einnahmen": "ausgaben",
    "ausgaben": "einnahmen",
}
_TOTAL = re.compile(
    r"^\W*(?:der\s+)?Gesamtbetrag\s+der\s+(?P<flow>Einzahlungen|Auszahlungen|Erträge|Aufwendungen|Einnahmen|Ausgaben)"
    r"(?:\s+auf)?\W*$",
    re.IGNORECASE,
)
_SALDO = re.compile(r"\bSaldo\b|Jahresüberschuss|Jahresfehlbetrag|Jahresergebnis|\bEin-\s+und\b", re.IGNORECASE)
_MAX_ROWS = 24  # rows above a total looked at


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for index, reihe in enumerate(reihen):
        total = _TOTAL.match(reihe.label)
        if total is None or len(reihe.werte) != 1 or reihe.werte[0].einheit != "€":
            continue
        flow = total["flow"].lower()
        rows = _rows_above(reihen, index, flow)
        if rows is None or len(rows) < 2:
            continue
        parts = [r.werte[0] for r in rows]
        signs = [1] * len(parts)
        found.append(
            Rechnung(
                f"„Gesamtbetrag der {total['flow']}“: Summe der Zeilen darüber, die {total['flow']} nennen",
                "summe",
                [r.fund(z) for r, z in zip(rows, parts, strict=True)],
                reihe.fund(reihe.werte[0]),
                written_sum(parts, signs),
                vorzeichen=signs,
                sicher=True,
                rang=5,
                typ="listensumme",
            )
        )
    return found


def _rows_above(reihen: list[Reihe], index: int, flow: str) -> list[Reihe] | None:
    """The rows naming `flow` between the heading above and the total, top down; None where a row between is not
    one of a Finanzhaushalt's rows (no figure, more than one, or a label naming no flow)."""
    rows: list[Reihe] = []
    other = _FLOWS[flow]
    for reihe in reversed(reihen[max(0, index - _MAX_ROWS) : index]):
        if not reihe.zeile.text.strip():
            continue
        label = reihe.label.lower()
        if not reihe.werte:
            return rows[::-1] if reihe.label.strip() else None  # the heading: the rows end here
        if len(reihe.werte) != 1 or reihe.werte[0].einheit != "€":
            return None
        if _SALDO.search(label) or _TOTAL.match(reihe.label) or other in label and flow not in label:
            continue
        if flow not in label:
            return None
        rows.append(reihe)
    return None
