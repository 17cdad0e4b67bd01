"""The figures no calculation uses: a repeat of a calculated figure is a mention of it, any other amount, percentage
or figure of a total line is listed as „nicht geprüft“."""

from __future__ import annotations

import re
from collections import defaultdict

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, year_heads
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import Urteil
from vorlagen.nachrechnen.woerter import RESULT_WORD, TOTAL_LINE

# A figure without a unit typed as an amount – thousands grouped or with decimals („255.087.500“, „1.120,0“) – that no
# calculation uses is listed (a Haushaltssatzung names its unit once, a Stellenplan none).
# Listed where the context names the unit: the line names one, or the document is a Haushaltssatzung.
_AMOUNT_LIKE = re.compile(r"\d\.\d{3}|,\d+$")
_UNIT_NAMED = re.compile(r"€|\b(?:EUR|Euro|EURO|TEUR|Planstellen|Stellen|VZÄ)\b")
# A figure typed with thousands grouped and two decimals („9.604.752,51“) is an amount wherever it stands (a count of
# people or of addresses has no cents): listed even where no line names its unit („— EUR“ once above a table).
_CENTS = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d\d$|^\d{1,3},\d\d$")  # „3.192,80“, „113,10“ (a Gebühr, a price)
# A figure of percentage points („+0,7 Prozentpunkte“): a change of a rate, listed wherever it stands, as a percentage
_POINTS = re.compile(r"[ \u00a0]?(?:Prozentpunkt|Basispunkt)", re.IGNORECASE)
_SATZUNG = re.compile(r"Haushaltssatzung|Nachtragshaushalt|festgesetzt auf")
_ROW_NUMBER = re.compile(r"^\s*\d{1,3}\s*[=+\-−]")
# A line that announces how an amount is split or used: "Der Jahresgewinn von 606.529,83 € wird so verwendet:".
_ANNOUNCES = re.compile(r"\b(?:verwendet|verteilt|aufgeteilt|wie folgt|so verwendet)\b[^.]{0,20}:\s*$")
# A table header that gives the unit of its cells: "in 1.000 €", "in T€", "in EUR"; its rows carry money.
_MONEY_HEAD = re.compile(r"\bin\s+(?:1\.000\s?€|Tsd\.\s?€|T€|TEUR|€|EUR|Euro)(?=\s|$)")


def _result_like(zeile: Zeile, zahl: Zahl) -> bool:
    """A figure without a unit in a total line that is no year and not the row's own number („10 = …“)."""
    if re.fullmatch(r"(?:19|20)\d\d", zahl.text) or zahl.start == 0 and _ROW_NUMBER.match(zeile.text):
        return False
    return zahl.tiefe == 0 and not zeile.text[: zahl.start].rstrip().endswith(("Nr.", "§", "Tel."))


def _cell_figures(zeile: Zeile) -> list[Zahl]:
    """The figures of a table row typed in cells that stand alone in a cell after its first (the label's): „Grundsteuer
    B | 412.300 | 495 | 1.892.457“ – each is a figure of the table, listed where no calculation uses it."""
    if not zeile.zellen:
        return []
    cells = zeile.zahlen_je_zelle
    text_cells = zeile.text.split("\t")
    return [
        cell[0]
        for k, cell in enumerate(cells[1:], 1)
        if len(cell) == 1 and k < len(text_cells) and text_cells[k].strip() == cell[0].text.strip()
    ]


def mentions(
    pruefung: Pruefung,
    zeilen: list[Zeile],
    unsure: frozenset[tuple] | set[tuple] = frozenset(),
    cells: frozenset[tuple] | set[tuple] = frozenset(),
) -> None:
    """Figures no calculation uses: repeats of a calculated figure, or else "nicht geprüft" (money, percentages,
    figures of a total line, the cells of a table a page stored one cell per line, and the result of every
    calculation that could not be confirmed)."""
    tied = {t.key for r in pruefung.rechnungen for t in r.teile} | {r.ergebnis.key for r in pruefung.rechnungen}
    results: dict[tuple, list[Urteil]] = defaultdict(list)
    for rechnung in pruefung.rechnungen:
        results[(rechnung.ergebnis.zahl.einheit, abs(rechnung.ergebnis.zahl.wert))].append(rechnung)
    money_table = False
    satzung = any(_SATZUNG.search(zeile.text) for zeile in zeilen)
    for zeile in zeilen:
        total_line = bool(TOTAL_LINE.search(zeile.text))
        announces = bool(_ANNOUNCES.search(zeile.text))
        named = RESULT_WORD.search(zeile.text)
        after = named.end() if named else len(zeile.text) + 1  # figures after a result word
        money_table = "\t" in zeile.text and (money_table or bool(_MONEY_HEAD.search(zeile.text)))
        heads = year_heads(zeile.zahlen)  # „2016 EUR | 2017 EUR“ head columns, they are no amounts
        unit_named = satzung or bool(_UNIT_NAMED.search(zeile.text))
        own_cells = _cell_figures(zeile)
        for zahl in zeile.zahlen:
            fund = Fund(zeile, zahl)
            if (
                zahl in heads
                or zahl.fremd  # named with its reading under „nicht in deutscher Schreibweise“ (lesen/unlesbar)
                or fund.key in tied
                or zahl.einheit not in ("€", "%")
                and not _POINTS.match(zeile.text, zahl.ende)
                and fund.key not in unsure
                and not (
                    (
                        total_line
                        or money_table
                        or zahl.start >= after
                        or unit_named
                        and _AMOUNT_LIKE.search(zahl.text)
                        or _CENTS.search(zahl.text)
                        or fund.key in cells
                        or zahl in own_cells
                    )
                    and _result_like(zeile, zahl)
                )
            ):
                continue
            same = results.get((zahl.einheit, abs(zahl.wert)))
            if same and not (total_line or announces):  # a total or a split stated again is a claim of its own
                pruefung.erwaehnt += 1
                for rechnung in same:
                    pruefung.nennungen.setdefault(id(rechnung), []).append(fund)
            else:
                pruefung.offen.append(fund)
