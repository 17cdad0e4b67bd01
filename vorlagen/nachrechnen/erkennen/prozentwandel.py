"""A change in percent stated in the sentence after the change in euros: „Im Vorjahr hatte die Stadt 2.987.115,00 €
Kreisumlage zu zahlen. Die Belastung steigt damit um 173.347,20 €. Das entspricht einer Steigerung von 5,8 %.“ with
the new 3.160.462,20 € a sentence before – the change in percent of the amount it starts from.

Read only where it is one: the percentage is the one figure of its sentence and the sentence names a change
(„Steigerung“, „weniger“, „Rückgang“), not a share of something („6,0 % der Gesamtkosten“), no percentage point;
the nearest amount before it, in its own sentence or the one before, is named a change („um 173.347,20 €“,
„Mehraufwand von“); two amounts above it, in the lines before (a table's total row among them), differ by exactly
that change, and the words give its direction (a rise starts from the smaller, a fall from the larger), so that
one amount alone is where the change starts. Sure where the percentage's sentence points back („Das entspricht“,
„Die Steigerung beträgt“, „Das sind … weniger“): a rate on the new amount instead of the old one is a slip. Every
look is bounded: the lines above, the figures in them."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.satzfolge import Satz, sentences
from vorlagen.nachrechnen.erkennen import umgebung_betraege as betraege
from vorlagen.nachrechnen.lesen.zahlenlesen import look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import CHANGE_BY_ANY_CASE

_REACH = 15  # lines above the change searched for the two amounts it is the difference of
_YEAR = re.compile(r"(?:19|20)\d\d")
_UP = re.compile(
    r"\b(?:steig\w*|stieg\w*|gestiegen|erhöh\w*|Erhöhung|Anstieg\w*|Steigerung|Zuwachs\w*|Zunahme|zugenommen|"
    r"wächst|gewachsen|Mehr\w*|mehr|höher\w*|über)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:sink\w*|sank|gesunken|Rückgang|zurückgegangen|Minder\w*|weniger|niedriger\w*|verringer\w*|"
    r"vermindert|Verminderung|gesenkt|Senkung|Abnahme|abgenommen|Einsparung\w*|unter)\b",
    re.IGNORECASE,
)
# the change the amount is named: „um 173.347,20 €“, „einen Mehraufwand von 110.462,20 €“
_CHANGE_NOUN = re.compile(
    r"\b(?:Mehr\w+|Minder\w+|Steigerung|Anstieg|Zuwachs|Erhöhung|Rückgang|Einsparung|Differenz|Unterschied)"
    r"\s+(?:von|um|in\s+Höhe\s+von)\s+(?:rund\s+|ca\.\s+|etwa\s+)?$",
    re.IGNORECASE,
)
# the percentage's sentence points back to the change before it
_POINTS_BACK = re.compile(
    r"^\W*(?:Das|Dies|Dieses|Diese|Damit|Die\s+(?:Steigerung|Erhöhung|Veränderung|Abweichung|Zunahme|Abnahme|"
    r"Minderung|Senkung|Differenz|Einsparung)|Der\s+(?:Anstieg|Zuwachs|Rückgang|Unterschied))\b"
)
_OF_SOMETHING = re.compile(r"^\s*(?:der|des|vom|von\s+(?:den|der|dem))\b")  # „6,0 % der Gesamtkosten“: a share
_POINTS = re.compile(r"Prozentpunkt|%-Punkt|v\.\s?H\.-Punkt", re.IGNORECASE)
_LOOK = 40  # characters before an amount looked at for the words that name it a change


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    saetze, where = sentences(zeilen)
    found: list[Rechnung] = []
    for index in range(len(saetze)):
        rechnung = _reading(saetze, index, zeilen, where)
        if rechnung is not None and rechnung.ergebnis.key not in taken:
            found.append(rechnung)
    return found


def _reading(sentences: list[Satz], index: int, zeilen: list[Zeile], where: dict[int, int]) -> Rechnung | None:
    satz = sentences[index]
    figures = [(at, f) for at, f in satz.figures if not _YEAR.fullmatch(f.zahl.text)]
    rates = [(at, f) for at, f in figures if f.zahl.einheit == "%"]
    if len(rates) != 1 or _POINTS.search(satz.text):
        return None
    at, rate = rates[0]
    if _OF_SOMETHING.match(satz.after(at, rate)):
        return None
    before = [(a, f) for a, f in figures if a < at and f.zahl.einheit != "%"]
    after = [(a, f) for a, f in figures if a > at]
    if after:
        return None
    if before:
        change_satz, (change_at, change) = satz, before[-1]
    elif index > 0 and sentences[index].follows and sentences[index - 1].figures:
        change_satz = sentences[index - 1]
        money = [(a, f) for a, f in change_satz.figures if f.zahl.einheit != "%" and betraege.amount(f.zahl)]
        if not money or money[-1] != change_satz.figures[-1]:
            return None
        change_at, change = money[-1]
    else:
        return None
    if not betraege.amount(change.zahl) or change.zahl.einheit == "%":
        return None
    if not _named_change(change_satz.text, change_at):
        return None
    text = satz.text if change_satz is satz else f"{change_satz.text} {satz.text}"
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if up == down:
        return None
    base = _base(zeilen, where, change, up)
    if base is None:
        return None
    sure = change_satz is satz or bool(_POINTS_BACK.match(satz.text))
    return Rechnung(
        "Veränderung in Prozent des Betrags, von dem sie ausgeht, im Satz nach der Veränderung genannt",
        "quote",
        [change, base],
        rate,
        f"{change.zahl.betrag()} / {base.zahl.betrag()} × 100",
        sicher=sure,
        rang=2,
        typ="prozentwandel",
    )


def _named_change(text: str, at: int) -> bool:
    """The words right before a figure name it a change: „um 173.347,20 €“, „einen Mehraufwand von“."""
    words = look_back(text, at, _LOOK)
    return bool(CHANGE_BY_ANY_CASE.search(words) or _CHANGE_NOUN.search(words))


def _base(zeilen: list[Zeile], where: dict[int, int], change: Fund, up: bool) -> Fund | None:
    """The amount the change starts from: of the amounts in the lines above it (and before it in its line), the
    pair that differs by the change – the smaller of a rise, the larger of a fall; none where the pairs disagree."""
    line = where[id(change.zeile)]
    pool = [
        Fund(zeile, z)
        for zeile in zeilen[max(0, line - _REACH) : line + 1]
        for z in zeile.zahlen
        if betraege.amount(z)
        and z.einheit != "%"
        and z.skala == change.zahl.skala
        and (zeile is not change.zeile or z.start < change.zahl.start)
        and not _named_change(zeile.text, z.start)  # a change is no amount it starts from: „um 1.459.814 €“
    ]
    amount = abs(change.zahl.wert)
    bases: dict = {}
    for i, first in enumerate(pool):
        for second in pool[i + 1 :]:
            a, b = abs(first.zahl.wert), abs(second.zahl.wert)
            if a != b and abs(a - b) == amount:
                small, large = (first, second) if a < b else (second, first)
                chosen = small if up else large
                bases[abs(chosen.zahl.wert)] = chosen
    return next(iter(bases.values())) if len(bases) == 1 else None
