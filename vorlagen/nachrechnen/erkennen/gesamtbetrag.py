"""„Gesamtbetrag der Einzahlungen“ and „… der Auszahlungen“ of a Haushaltssatzung's Finanzhaushalt (§ 1): the sum of
the rows above that name the same flow – „ordentlichen Einzahlungen“, „außerordentlichen Einzahlungen“,
„Einzahlungen aus Investitionstätigkeit“, „… aus Finanzierungstätigkeit“ –, not of the Auszahlungen and Salden
between them, which a sum of the whole list would take in. Likewise Erträge/Aufwendungen, Einnahmen/Ausgaben. A
Nachtragssatzung may give the totals first, „die Einzahlungen | bisher | erhöht | vermindert | nunmehr“, then „davon
bei den:“ and the rows: the same sum, column by column.

Read only where the label is that total and nothing else („Gesamtbetrag der Einzahlungen aus laufender
Verwaltungstätigkeit“ is a row of its own), and every row from the heading above (or down to the next heading) is
readable: as many figures as the total, naming the flow, its counterpart, a Saldo or a total. Then a mismatch is a
slip."""

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
_FLOW = r"(?P<flow>Einzahlungen|Auszahlungen|Erträge|Aufwendungen|Einnahmen|Ausgaben)"
_TOTAL = re.compile(rf"^\W*(?:de[rm]\s+)?Gesamtbetrag\s+der\s+{_FLOW}(?:\s+auf)?\W*$", re.IGNORECASE)
_BARE = re.compile(rf"^\W*(?:die|den)\s+{_FLOW}\W*$", re.IGNORECASE)  # „die Einzahlungen“ over „davon bei den:“
# „Nachrichtlich: Gesamtbetrag“ / „- der Einzahlungen des Finanzhaushaltes 33.237.827 €“ under the Satzung's rows
_OF_BUDGET = re.compile(rf"^[\W]*der\s+{_FLOW}\s+des\s+(?:Finanz|Ergebnis)haushalte?s\W*$", re.IGNORECASE)
# Brandenburg: „mit dem Gesamtbetrag der“ / „Einzahlungen auf 57.458.300 EUR“ / „Auszahlungen auf …“ / „festgesetzt.“ /
# „Die Ein- und Auszahlungen des Finanzhaushaltes teilen sich so auf:“ and the rows of each flow
_ALONE = re.compile(rf"^\W*{_FLOW}(?:\s+auf)?(?:\s+f)?\W*$", re.IGNORECASE)
_SPLIT = re.compile(
    r"\b(?:teilen|teilt|verteilen|verteilt|gliedern|gliedert)\s+sich\b|\bentfallen\s+auf\W*$", re.IGNORECASE
)  # „… teilen sich so auf:“, „Von den Einzahlungen und Auszahlungen des Finanzhaushaltes entfallen auf:“
_SIBLING_SALDO = re.compile(r"^\W*Finanzierungssaldo\W*$", re.IGNORECASE)
_NAMES_TOTAL = re.compile(r"\bGesamtbetrag\W*$", re.IGNORECASE)
_CLOSES = re.compile(r"^\W*festgesetzt\W*$", re.IGNORECASE)  # „festgesetzt.“ closing the rows above
_DAVON = re.compile(r"^\W*davon\b", re.IGNORECASE)
_AUF = re.compile(r"\s+auf\W*$")
_SALDO = re.compile(r"\bSaldo\b|Jahresüberschuss|Jahresfehlbetrag|Jahresergebnis|\bEin-\s+und\b", re.IGNORECASE)
_MAX_ROWS = 24  # rows with words or figures looked at for the parts of a total
_MAX_LINES = 4 * _MAX_ROWS  # lines looked at, rows of empty cells („|“) among them


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for index, reihe in enumerate(reihen):
        if not reihe.werte or any(z.einheit not in ("€", "") for z in reihe.werte):
            continue
        total, bare = _TOTAL.match(reihe.label), _BARE.match(reihe.label)
        of_budget = _OF_BUDGET.match(reihe.label)
        start = _under_gesamtbetrag(reihen, index) if of_budget is not None else None
        if of_budget is not None and start is not None:
            rows = _rows(reihen[max(0, start - _MAX_LINES) : start][::-1], of_budget["flow"].lower(), len(reihe.werte))
            rows, total = None if rows is None else rows[::-1], of_budget
        elif total is not None:
            rows = _rows(reihen[max(0, index - _MAX_LINES) : index][::-1], total["flow"].lower(), len(reihe.werte))
            rows = None if rows is None else rows[::-1]
        elif (alone := _ALONE.match(reihe.label)) and (split := _split_below(reihen, index)) is not None:
            rows = _rows(
                reihen[split + 1 : split + 1 + _MAX_LINES], alone["flow"].lower(), len(reihe.werte), davon=True
            )
            total = alone
        elif bare is not None and _davon_below(reihen, index):
            flow = bare["flow"]
            rows = _rows(reihen[index + 1 : index + 1 + _MAX_LINES], flow.lower(), len(reihe.werte), davon=True)
            total = bare
        else:
            continue
        if rows is None or len(rows) < 2:
            continue
        for column, result in enumerate(reihe.werte):
            parts = [r.werte[column] for r in rows]
            if any(z.einheit != result.einheit for z in parts):
                continue  # „… des Finanzhaushaltes 34“ where a page cut the amount off: no total in euros
            signs = [1] * len(parts)
            where = f" (Spalte {column + 1})" if len(reihe.werte) > 1 else ""
            found.append(
                Rechnung(
                    f"„{_AUF.sub('', reihe.label.strip())}“: Summe der Zeilen, die {total['flow']} nennen{where}",
                    "summe",
                    [r.fund(z) for r, z in zip(rows, parts, strict=True)],
                    reihe.fund(result),
                    written_sum(parts, signs),
                    vorzeichen=signs,
                    sicher=True,
                    rang=5,
                    typ="listensumme",
                )
            )
    return found


def _under_gesamtbetrag(reihen: list[Reihe], index: int) -> int | None:
    """Where the rows of a total „- der Einzahlungen des Finanzhaushaltes“ end: above the line „Nachrichtlich:
    Gesamtbetrag“ over it (its sibling totals, blank lines and „festgesetzt.“ passed over); None without that line."""
    line = index - 1
    while line >= 0 and index - line <= 8 and (_blank(reihen[line]) or _OF_BUDGET.match(reihen[line].label)):
        line -= 1
    if line < 0 or reihen[line].werte or not _NAMES_TOTAL.search(reihen[line].zeile.text):
        return None
    line -= 1
    while line >= 0 and (_blank(reihen[line]) or _CLOSES.match(reihen[line].zeile.text)):
        line -= 1
    return line + 1


def _split_below(reihen: list[Reihe], index: int) -> int | None:
    """The line „… teilen sich so auf:“ under a total „Einzahlungen auf“ (its sibling total, the Saldo of the two –
    „Finanzierungssaldo: -6.715.800 EUR“ –, blank lines and „festgesetzt.“ passed over, at most 8 lines), or None."""
    for line in range(index + 1, min(len(reihen), index + 9)):
        reihe = reihen[line]
        if _blank(reihe) or _CLOSES.match(reihe.zeile.text):
            continue
        if reihe.werte and (_ALONE.match(reihe.label) or _SIBLING_SALDO.match(reihe.label)):
            continue
        return line if not reihe.werte and _SPLIT.search(reihe.zeile.text) else None
    return None


def _davon_below(reihen: list[Reihe], index: int) -> bool:
    """The next line with words below the total is „davon bei den:“ (lines of empty cells and the other totals of
    the pair – „die Einzahlungen“ over „die Auszahlungen“ – passed over)."""
    for reihe in reihen[index + 1 : index + 1 + _MAX_LINES]:
        if _blank(reihe) or reihe.werte and _BARE.match(reihe.label):
            continue
        return bool(_DAVON.match(reihe.label)) and not reihe.werte
    return False


def _rows(seen: list[Reihe], flow: str, width: int, davon: bool = False) -> list[Reihe] | None:
    """The rows naming `flow`, in the order looked at, up to the heading that ends them; None where a row on the way
    is not one of a Finanzhaushalt's rows (other figures, or a label naming no flow)."""
    rows: list[Reihe] = []
    other = _FLOWS[flow]
    for reihe in [r for r in seen if not _blank(r)][:_MAX_ROWS]:
        label = reihe.label.lower()
        if not reihe.werte:
            if davon and _DAVON.match(reihe.label) and not rows:
                continue  # „davon bei den:“ under the total
            return rows if reihe.label.strip() else None  # a heading: the rows end here
        if len(reihe.werte) != width or any(z.einheit not in ("€", "") for z in reihe.werte):
            return rows if davon and rows else None
        if _SALDO.search(label) or _TOTAL.match(reihe.label) or other in label and flow not in label:
            continue
        if flow not in label:
            return rows if davon and rows else None
        rows.append(reihe)
    return rows if davon else None


def _blank(reihe: Reihe) -> bool:
    """No words and no figures: an empty line, or a row of empty cells („|“)."""
    return not reihe.werte and not reihe.zeile.text.strip(" |\t")
