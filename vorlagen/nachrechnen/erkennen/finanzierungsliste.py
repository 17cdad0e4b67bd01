"""A Finanzierung listed under the total it finances, without a total of its own – the form a Vorlage gives its
Betriebskosten or Baukosten: „Betriebskosten gesamt: 822.125 €“, then „Finanzierung der Betriebskosten:“ over „-
Landeszuschuss nach KiBiz (41 %): 337.071 €“, „- Elternbeiträge (geschätzt): 98.000 €“, „- Eigenanteil der Stadt:
387.054 €“. The list covers its total: the last item, an Eigenanteil or a rest, is the total less the others; an item
whose label names a rate alone in brackets („(41 %)“; not „(80 %, höchstens 250.000 €)“ or „(75 % der
zuwendungsfähigen Kosten)“: another base) is the total times that rate (or the rate is named the slip where the item does not round to it: satzlesart.py). Before, only the search confirmed such figures
where they held (and the total was taken by its own sum above, so not even that), and a slip was only „nicht
geprüft“.

The heading names the Finanzierung („Finanzierung …:“, „Die Finanzierung erfolgt …:“) and no figure; its list follows
(one blank line at most), each item a line with one amount in euros, two items at least, none a total; the total is
the nearest amount above the heading whose line names a total (at most _LOOK_BACK lines up). The readings are sure
where the heading names what its total's line names („Finanzierung der Betriebskosten“, „Betriebskosten gesamt“) or
the total stands right above the heading; else the rest is a doubt (which total the list covers, the text does not
say) and the rates are not read. Every line is looked at a bounded number of times."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import satzlesart
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile, line_above
from vorlagen.nachrechnen.woerter import TOTAL_WORD

_HEADING = re.compile(
    r"^\W*(?:Die\s+)?Finanzierung\b[^\d]{0,80}:\s*$|^\W*(?:finanziert|gedeckt)\s+w(?:ird|erden)\b[^\d]{0,60}:\s*$", re.I
)
_REST = re.compile(
    r"Eigenanteil|Eigenmittel|Eigenleistung|Restbetrag|\bRest\b|verbleib|Haushaltsmittel|Kreditaufnahme", re.I
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
_LOOK_BACK = 12
_MAX_ITEMS = 12
_GRUND = "welche Summe die Finanzierung deckt, sagt der Text nicht ausdrücklich"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        if zeile.zahlen or not _HEADING.match(zeile.text):
            continue
        items = _items(zeilen, index + 1)
        whole = _whole(zeilen, index)
        if len(items) < 2 or whole is None:
            continue
        total_line, total = whole
        sure = total_line is line_above(zeilen, index, 2) or _names_alike(zeile.text, total_line.text)
        found += _rest(items, Fund(total_line, total), sure, taken)
        if sure:
            found += _rates(items, Fund(total_line, total), taken)
    return found


def _items(zeilen: list[Zeile], start: int) -> list[tuple[Zeile, Zahl]]:
    """The lines of the list under the heading: each with one amount in euros and no total."""
    items: list[tuple[Zeile, Zahl]] = []
    at = start + 1 if start < len(zeilen) and not zeilen[start].text.strip() else start
    while at < len(zeilen) and len(items) < _MAX_ITEMS:
        zeile = zeilen[at]
        amounts = [z for z in zeile.zahlen if z.geld and z.tiefe == 0]
        if len(amounts) != 1 or amounts[0].wert <= 0 or _names_total(zeile.text):
            break
        items.append((zeile, amounts[0]))
        at += 1
    return items


def _whole(zeilen: list[Zeile], index: int) -> tuple[Zeile, Zahl] | None:
    """The nearest amount above the heading on a line that names a total."""
    for back in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        zeile = zeilen[back]
        amounts = [z for z in zeile.zahlen if z.geld and z.tiefe == 0]
        if amounts and _names_total(zeile.text):
            return (zeile, amounts[-1]) if len(amounts) == 1 and amounts[0].wert > 0 else None
    return None


def _names_total(text: str) -> bool:
    """A word of the line names a total („gesamt“, „Summe“, „Gesamtkosten“)."""
    return any(TOTAL_WORD.fullmatch(w) for w in _WORD.findall(text))


def _names_alike(heading: str, total: str) -> bool:
    """The heading names what the total's line names: a word of five letters or more in both („Betriebskosten“)."""
    ignore = {"Finanzierung", "erfolgt", "werden", "gedeckt", "finanziert", "insgesamt", "gesamt"}
    words = {w.lower() for w in _WORD.findall(heading) if w not in ignore}
    return bool(words & {w.lower() for w in _WORD.findall(total)})


def _rest(items: list[tuple[Zeile, Zahl]], total: Fund, sure: bool, taken: set) -> list[Rechnung]:
    """The last item, an Eigenanteil or a rest: the total less the other items."""
    last_line, last = items[-1]
    if not _REST.search(last_line.text) or Fund(last_line, last).key in taken:
        return []
    others = [Fund(z, a) for z, a in items[:-1]]
    signs = [1] + [-1] * len(others)
    return [
        Rechnung(
            "Eigenanteil als Rest der Finanzierung: die Summe weniger die übrigen Posten",
            "summe",
            [total, *others],
            Fund(last_line, last),
            written_sum([total.zahl, *(f.zahl for f in others)], signs),
            betrag=False,
            vorzeichen=signs,
            sicher=sure,
            grund="" if sure else _GRUND,
            rang=2,
            typ="finanzierungsliste",
        )
    ]


def _alone_in_brackets(text: str, rate: Zahl) -> bool:
    """The rate is all its brackets hold („(41 %)“): no cap, no base of its own."""
    opening, closing = text.rfind("(", 0, rate.start), text.find(")", rate.ende)
    if opening < 0 or closing < 0:
        return False
    inner = text[opening + 1 : rate.start] + text[rate.ende : closing]
    return not re.search(r"[\wÄÖÜäöüß]", inner.replace("%", ""))


def _rates(items: list[tuple[Zeile, Zahl]], total: Fund, taken: set) -> list[Rechnung]:
    """An item whose label names its rate in brackets („Landeszuschuss nach KiBiz (41 %): 337.071 €“): the total times
    the rate – or the rate, where the item does not round to it (satzlesart.py)."""
    found = []
    for zeile, amount in items:
        rates = [z for z in zeile.zahlen if z.einheit == "%" and z.start < amount.start]
        if len(rates) != 1 or rates[0].tiefe != 1 or not _alone_in_brackets(zeile.text, rates[0]):
            continue  # „(80 %, höchstens 250.000 €)“, „(75 % der zuwendungsfähigen Kosten)“: of another base
        rechnung = satzlesart.reading(
            total,
            Fund(zeile, rates[0]),
            Fund(zeile, amount),
            "Posten der Finanzierung nach seinem Satz",
            "finanzierungsliste",
            2,
        )
        if rechnung.ergebnis.key not in taken:
            found.append(rechnung)
    return found
