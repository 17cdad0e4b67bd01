"""A rate of change a sentence states for a row of the table above it, by the row's name: „Die Bilanzsumme ist
gegenüber dem Vorjahr um 1,87 % gewachsen. Der Rückgang des Umlaufvermögens um 16,7 % …“ under „Bilanzposten |
31.12.2023 | 31.12.2022 | Veränderung“ – the rate is the change from the earlier year's amount to the later one's, in
percent of the earlier.

Read only where it is one: the table's head names two years (in dates or alone) over its first two columns of
figures; exactly one row of the table has a label whose word the sentence names („Umlaufvermögens“ for
„Umlaufvermögen“); the sentence names a rate „um … %“ with a word for its direction („gewachsen“, „gestiegen“,
„Rückgang“, „gesunken“), no other amount, no plan („Wirtschaftsplan“, „Ansatz“) and no other year than the table's
earlier one, and the direction agrees with the two amounts. Sure where the sentence says against what
(„gegenüber dem Vorjahr“, „im Vergleich zu 2022“), else a guess that only confirms. Every look is bounded: the lines
after a table, the rows of a table."""

from __future__ import annotations

import re
from itertools import takewhile

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import Run, runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import CHANGE_BY

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_UP = re.compile(r"gewachsen|gestiegen|steigt|stieg|erhöht|zugenommen|Anstieg|Zunahme|Zuwachs|Steigerung|Plus", re.I)
_DOWN = re.compile(r"gesunken|sinkt|sank|vermindert|verringert|abgenommen|zurückgegangen|Rückgang|Abnahme|Minus", re.I)
_OTHER_BASE = re.compile(r"Plan|Ansatz|Soll\b|Entwurf|Prognose|Landesdurchschnitt|Durchschnitt", re.IGNORECASE)
_AGAINST = re.compile(r"Vorjahr|im\s+Vergleich\s+zu|gegenüber", re.IGNORECASE)
_LINES_AFTER = 6  # lines with text after a table looked at for such sentences
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    where = {id(reihe): index for index, reihe in enumerate(reihen)}
    for first, whole in runs_at(reihen, any_units=True, min_width=2, min_rows=2):
        order = _years(reihen, first)
        # the rows of amounts: a sentence with two rates under them is none („… um 1,87 % … um 16,7 %“)
        run = list(takewhile(lambda row: not any(z.einheit == "%" for z in row[1]), whole))
        if order is None or len(run) < 2:
            continue
        last = where[id(run[-1][0])]
        for zeile in _lines_after(reihen, last):
            found += [r for r in _sentences(zeile, run, order) if r.ergebnis.key not in taken]
    return found


def _years(reihen: list[Reihe], first: int) -> tuple[int, int, int] | None:
    """The columns of the later and the earlier year and the earlier year: (1, 0, 2022) where the head reads „2022 |
    2023“, (0, 1, 2022) for „31.12.2023 | 31.12.2022“ – from the nearest line with text above the table."""
    head = next((r.zeile.text for r in reversed(reihen[max(0, first - 3) : first]) if r.zeile.text.strip()), "")
    years = [int(y) for y in _YEAR.findall(head)]
    if len(years) < 2 or years[0] == years[1]:
        return None
    return (0, 1, years[1]) if years[0] > years[1] else (1, 0, years[0])


def _lines_after(reihen: list[Reihe], last: int) -> list[Zeile]:
    lines: list[Zeile] = []
    for reihe in reihen[last + 1 :]:
        if reihe.zeile.text.strip():
            lines.append(reihe.zeile)
        if len(lines) >= _LINES_AFTER:
            break
    return lines


def _sentences(zeile: Zeile, run: Run, order: tuple[int, int, int]) -> list[Rechnung]:
    found = []
    for start, end in sentence_spans(zeile.text):
        sentence = zeile.text[start:end]
        figures = [z for z in zeile.zahlen if start <= z.start < end and not _YEAR.fullmatch(z.text)]
        rates = [z for z in figures if z.einheit == "%"]
        if (
            len(figures) != 1
            or len(rates) != 1
            or not CHANGE_BY.search(zeile.text[max(start, rates[0].start - 20) : rates[0].start])
        ):
            continue  # another amount in the sentence („gegenüber … 2021 (22.950.000,00 €)“): compared with that
        if _OTHER_BASE.search(sentence) or any(int(y) != order[2] for y in _YEAR.findall(sentence)):
            continue  # against a plan, or against another year than the table's earlier one
        row = _named_row(sentence, run)
        up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
        if row is None or up == down:
            continue
        reihe, values = row
        new, old = values[order[0]], values[order[1]]
        if old.wert == 0 or (new.wert > old.wert) != up or new.wert == old.wert:
            continue  # the words say the other direction: another comparison
        found.append(
            Rechnung(
                "Veränderung einer Zeile der Tabelle darüber in Prozent, im Satz nach ihrem Namen genannt",
                "steigerung",
                [reihe.fund(old), reihe.fund(new)],
                Fund(zeile, rates[0]),
                f"({new.betrag()} − {old.betrag()}) / {old.betrag()} × 100",
                sicher=bool(_AGAINST.search(sentence)),
                rang=1,
                typ="zeilenrate",
            )
        )
    return found


def _named_row(sentence: str, run: Run) -> tuple[Reihe, list[Zahl]] | None:
    """The one row whose label's main word the sentence names (its first word of five letters or more)."""
    lower = sentence.lower()
    named = []
    for reihe, values in run:
        words = _WORD.findall(reihe.label)
        if words and len(values) >= 2 and re.search(rf"\b{re.escape(words[0].lower())}", lower):
            named.append((reihe, values))
    return named[0] if len(named) == 1 else None
