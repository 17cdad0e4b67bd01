"""The Saldo rows of a Haushaltssatzung (§ 1, Ergebnis- and Finanzhaushalt): „der Jahresüberschuss“ under „der
Gesamtbetrag der Erträge“ and „der Gesamtbetrag der Aufwendungen“, „der Saldo der Ein- und Auszahlungen aus
Investitionstätigkeit“ (or „Zahlungsmittelüberschuss/-bedarf aus laufender Verwaltungstätigkeit“) under its
Einzahlungen and Auszahlungen – in each column the first row less the second, signed
as typed („-117.100,00 EUR“). A row of its own, a cell of a pipe table, or a label a page wrapped („Saldo der
ordentlichen Ein-“ / „und Auszahlungen -24.200,00 €“). In a column the head names a change („Veränderung“) the first
row's change less the second's, both signed as typed; a Saldo row of a text table that leaves a column empty is
placed by the right edges of its figures; rows in order whose first figures a reading in the line took pair from the
right, and rows of unlike counts otherwise are not read (vorlagen/nachrechnen/aufbau/plaetze.py).

A row „davon …“ or „darunter …“ between them is a part of the row above it and is passed over. Read only when the
three labels agree: the Saldo names Erträge/Aufwendungen or Ein-/Auszahlungen (or a
Jahresergebnis, which is Erträge less Aufwendungen), the two rows above are that pair in this order, and all three
name the same part of the budget (ordentlich, außerordentlich, Investitions-, Finanzierungstätigkeit)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import plaetze
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.aufbau.spaltenkopf import head_cell, heads_above
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import (
    BOTH_SIDES_NAMED,
    DEFICIT,
    DIFFERENCE_HEAD,
    OUTLINE,
    PART_ROW,
    SALDO_ROW,
    SALDO_WORD,
    SURPLUS,
    WITH_FINANZERGEBNIS,
    names_its_rows,
)

_ERGEBNIS = re.compile(
    r"Jahresüberschuss|Jahresfehlbetrag|Jahresergebnis|Jahresgewinn|Jahresverlust|Erträge|Aufwendungen", re.IGNORECASE
)
_ZAHLUNGEN = re.compile(r"Ein-|Einzahlungen|Auszahlungen", re.IGNORECASE)
_PAIRS = {
    "ergebnis": (re.compile(r"Erträge\b"), re.compile(r"Aufwendungen\b")),
    "zahlungen": (re.compile(r"Einzahlungen\b"), re.compile(r"Auszahlungen\b")),
}
_PART = re.compile(
    r"außerordentlich|(?<!außer)ordentlich|Investitionstätigkeit|Finanzierungstätigkeit|Verwaltungstätigkeit",
    re.IGNORECASE,
)
_BARE_SALDO = re.compile(r"\W*(?:mit\s+(?:einem|dem)\s+)?Saldo(?:\s+von)?\W*", re.IGNORECASE)  # „mit einem Saldo von“
# the side a Saldo names in brackets: „Saldo (Fehlbedarf)“, „Saldo (Zahlungsmittelbedarf)“, „(Zahlungsmittelüberschuss)“
_SIDE = re.compile(r"\((?:[^()]{0,20}(?P<minus>bedarf|fehlbetrag|defizit)|[^()]{0,20}(?P<plus>überschuss))\)", re.I)
_LOOK_UP = 6  # rows above a Saldo row looked at for its pair, empty „|“ rows passed over
_NAMED_RESULT = re.compile(r"^\W*(?:(?:außer)?ordentliches\s+Ergebnis|Finanzierungssaldo)\W*$", re.IGNORECASE)
# an Eigenbetrieb's Erfolgsplan: „Gewinn (+) / Verlust (-)“, „Jahresgewinn/-verlust“ under its Erträge and Aufwendungen
_GAIN_OR_LOSS = re.compile(r"^\W*(?:Jahres)?gewinn\s*(?:\(\+\))?\s*/\s*(?:Jahres)?-?verlust\s*(?:\(-\))?\W*$", re.I)
_ORDENTLICH_ALONE = re.compile(r"^\W*ordentliches\s+Ergebnis\W*$", re.IGNORECASE)
_AFTER_RESERVES = re.compile(r"\bnach\s+(?:Veränderung\s+der\s+)?Rücklage", re.IGNORECASE)
_YEAR = re.compile(r"Jahresüberschuss|Jahresfehlbetrag|Jahresergebnis|Jahresgewinn|Jahresverlust", re.IGNORECASE)
_PART_HEADING = re.compile(r"außerordentlich|Sonderergebnis", re.IGNORECASE)
# a part's result named in words, not as a Saldo: „einem Sonderergebnis von“, „dem außerordentlichen Ergebnis von“
_PART_RESULT = re.compile(r"\bSonderergebnis\b|\b(?:außer)?ordentliche[ns]?\s+Ergebnis(?:ses)?\b", re.IGNORECASE)
_SONDER = re.compile(r"\bSonderergebnis", re.IGNORECASE)
_CHANGE_HEAD = re.compile(r"(?<!\w)Änderung\b|^\s*[+±]\s*/?\s*[-−–]\s*$")  # besides DIFFERENCE_HEAD: „Änderung“, „+/-“
_TABLE_ROWS = 40  # rows of values above a Saldo row walked up to the head of its table
_LABEL_LINES = 2  # lines of a label a page wrapped above the row with the figures
# the Saldo of a part of the Finanzhaushalt by its own name: „Zahlungsmittelüberschuss/-bedarf aus laufender
# Verwaltungstätigkeit“ (Niedersachsen, Sachsen-Anhalt)
# (both sides named: „Zahlungsmittelbedarf: 1.114.500 €“ alone states a Bedarf as an amount)
_CASH_SALDO = re.compile(r"Zahlungsmittel(?:saldo|überschuss\s*/\s*-?\s*(?:fehl)?(?:bedarf|betrag))", re.IGNORECASE)


def recognise(
    reihen: list[Reihe], prior: tuple[Rechnung, ...], changes: set[tuple] | frozenset = frozenset()
) -> list[Rechnung]:
    """`changes`: figures of a Nachtrag's columns „erhöht um“/„vermindert um“ (nachtrag.change_keys), no Saldo."""
    found: list[Rechnung] = []
    for index, reihe in enumerate(reihen):
        cells = plaetze.columns(reihe)
        if not any(cells.values()):
            continue
        top, label = full_label(reihen, index)
        if names_its_rows(label):
            continue  # „Jahresüberschuss (Saldo aus 1.1 und 1.2)“: read by verweis.py
        kind = saldo_kind(label)
        if kind is None:
            continue
        children = _children_below(reihen, index)
        above = children or _filled_above(reihen, top)
        above = above[_other_side_empty(reihen, above, label) :]
        if len(above) < 2:
            continue
        second, first = reihen[above[0]], reihen[above[1]]
        a, b = plaetze.aligned(first, reihe), plaetze.aligned(second, reihe)
        if plaetze.short_of_aligned(reihe, first, second):  # „Ordentliches Ergebnis  -658.700  (empty)  -1.131.200“
            cells, a, b = plaetze.columns(reihe, True), plaetze.columns(first, True), plaetze.columns(second, True)
        elif plaetze.short_in_order(reihe, first, second):  # „von bisher … auf …“ under rows of the new amount only
            cells, a, b = (plaetze.from_the_right(r) for r in (reihe, first, second))
        elif plaetze.out_of_order(reihe, first, second):
            continue  # rows in order of unlike counts: which figure is whose, their order does not say
        if not saldo_pair(kind, label, first.label, second.label) or _year_over_parts(reihen, above[1], label):
            continue
        for place, result in cells.items():
            x, y = a.get(place), b.get(place)
            if result is None or reihe.fund(result).key in changes:
                continue  # „Jahresüberschuss“ of a year with a Fehlbetrag: the row below names it
            if x is None and y is not None and _empty(first, place, a):
                found.append(_one_row(second, reihe, y, result, -1))
            elif y is None and x is not None and _empty(second, place, b):
                found.append(_one_row(first, reihe, x, result, 1))
            elif x is not None and y is not None and _change_column(reihen, index, place):
                found.append(_change_reading(first, second, reihe, (x, y, result)))
            elif x is not None and y is not None and _one_side_holds(label, x.wert - y.wert):
                reading = saldo_reading(first, second, reihe, (x, y, result), deficit_only(label))
                if _AFTER_RESERVES.search(label):  # M-V: Erträge less Aufwendungen, then the reserves taken or added
                    reading = replace(reading, sicher=False, grund="")  # only confirmed: the reserves are not shown
                elif _ORDENTLICH_ALONE.match(label):  # NKF (NRW) counts the Finanzergebnis into it
                    reading = replace(reading, sicher=False, grund=WITH_FINANZERGEBNIS)
                found.append(replace(reading, art=reading.art.replace("darüber", "darunter")) if children else reading)
    return found


def _year_over_parts(reihen: list[Reihe], first: int, label: str) -> bool:
    """„im außerordentlichen Ergebnis“ over the pair, then „mit einem Jahresüberschuss von“: the year's result is
    both parts together, not the Saldo of the pair of the second part (headings and empty rows up to _LOOK_UP looked
    at above the pair)."""
    if not _YEAR.search(label) or _PART_HEADING.search(label):
        return False
    above = [r for r in reihen[max(0, first - _LOOK_UP) : first] if r.zeile.text.strip("| \t")][-2:]
    return any(_PART_HEADING.search(r.zeile.text) for r in above)


def _empty(reihe: Reihe, place: object, places: dict) -> bool:
    """The row was typed in cells and leaves this one empty („| Einzahlungen | 42.971,00 | |“; a reader may drop the
    empty cells at the end of a row)."""
    if place in places or not (isinstance(place, tuple) and place[0] == "zelle") or not reihe.zeile.zellen:
        return False
    cells = reihe.zeile.text.split("\t")
    return len(cells) >= 2 and (place[1] >= len(cells) or not cells[place[1]].strip())


def _one_row(row: Reihe, reihe: Reihe, figure: Zahl, result: Zahl, sign: int) -> Rechnung:
    """The Saldo where one row of the pair leaves the column empty: read as 0 – a guess, as an empty cell may also
    mean „not known“, so a mismatch is „nicht eindeutig“."""
    shown = figure.zeige() if sign > 0 else f"0 − {figure.betrag()}"
    return Rechnung(
        f"Saldo der zwei Zeilen darüber, eine Zelle leer ({row.zeile.ort})",
        "saldo",
        [row.fund(figure)],
        reihe.fund(result),
        shown,
        betrag=False,
        vorzeichen=[sign],
        sicher=False,
        grund="eine leere Zelle der Zeilen darüber ist als 0 gelesen",
        rang=3,
        typ="saldo",
    )


def _change_column(reihen: list[Reihe], index: int, place: object) -> bool:
    """The place stands in a column the head above the table names a change („Veränderung“, „+/-“): there a minus
    says the row fell, and the Saldo's change is the first row's change less the second's, signs as typed."""
    reihe = reihen[index]
    entry = next((e for e in reihe.eintraege if e.spalte == place), None)
    if entry is None and isinstance(place, int) and place < len(reihe.eintraege):
        entry = reihe.eintraege[place]
    top = index
    while (
        top > 0
        and index - top < _TABLE_ROWS
        and (any(e.art == WERT for e in reihen[top - 1].eintraege) or _section_row(reihen[top - 1]))
    ):
        top -= 1
    head = head_cell(heads_above(reihen, top), entry) if entry is not None else ""
    return bool(DIFFERENCE_HEAD.search(head) or _CHANGE_HEAD.search(head))


def _section_row(reihe: Reihe) -> bool:
    """A row of typed cells that names a part of the table and leaves the others empty („| im Finanzhaushalt | | |“):
    the table goes on under it."""
    cells = reihe.zeile.text.split("\t")  # a reader may drop the empty cells at the end of a row
    return reihe.zeile.zellen and cells[0].strip() != "" and not any(c.strip() for c in cells[1:])


def _change_reading(first: Reihe, second: Reihe, reihe: Reihe, figures: tuple[Zahl, Zahl, Zahl]) -> Rechnung:
    x, y, result = figures
    shown = y.zeige() if y.wert >= 0 else f"({y.zeige()})"
    return Rechnung(
        f"Saldo der zwei Zeilen darüber in der Spalte der Veränderung ({first.zeile.ort} weniger {second.zeile.ort})",
        "unterschied",
        [first.fund(x), second.fund(y)],
        reihe.fund(result),
        f"{x.zeige()} − {shown}",
        betrag=False,
        rang=4,
        typ="saldo",
    )


def saldo_reading(
    first: Reihe, second: Reihe, reihe: Reihe, figures: tuple[Zahl, Zahl, Zahl], deficit: bool
) -> Rechnung:
    """The first row less the second; a row that names the Fehlbetrag alone states it as an amount („der
    Jahresfehlbetrag 689.800 €“ under Erträge 5.272.600 € and Aufwendungen 5.962.400 €): the second less the first."""
    x, y, result = figures
    where = f"{first.zeile.ort} weniger {second.zeile.ort}"
    if deficit:
        return Rechnung(
            f"Fehlbetrag der zwei Zeilen darüber ({second.zeile.ort} weniger {first.zeile.ort})",
            "summe",
            [first.fund(x), second.fund(y)],
            reihe.fund(result),
            f"{y.betrag()} − {x.betrag()}",
            vorzeichen=[-1, 1],
            rang=4,
            typ="saldo",
        )
    return Rechnung(
        f"Saldo der zwei Zeilen darüber ({where})",
        "saldo",
        [first.fund(x), second.fund(y)],
        reihe.fund(result),
        f"{x.zeige()} − {y.betrag()}",  # the second counts with its amount, however it is typed
        betrag=False,
        vorzeichen=[1, -1],
        rang=4,
        typ="saldo",
    )


def both_sides(label: str) -> bool:
    """The row holds the Saldo whichever side it falls on: it says „Saldo“ or names both sides."""
    return bool(SALDO_WORD.search(label)) or bool(SURPLUS.search(label) and DEFICIT.search(label))


def deficit_only(label: str) -> bool:
    """The row states a Fehlbetrag as an amount: it names that side alone, or a Saldo and that side in brackets."""
    side = _side(label)
    if side is not None:
        return side == "minus"
    return bool(DEFICIT.search(label)) and not SURPLUS.search(label) and not SALDO_WORD.search(label)


def _side(label: str) -> str | None:
    side = _SIDE.search(label)
    return None if side is None else "minus" if side.group("minus") else "plus"


def _filled_above(reihen: list[Reihe], top: int) -> list[int]:
    """The rows above `top`, nearest first, without the empty rows a page stores as „|“ and the words of the sentence
    a Satzung's table runs through („| und | |“, „| festgesetzt | |“) – at most _LOOK_UP looked at."""
    rows = range(top - 1, max(-1, top - 1 - _LOOK_UP), -1)
    # … and without a row „davon …“: a part of the row above it, never one of the pair
    return [
        i
        for i in rows
        if reihen[i].zeile.text.strip("| \t") and not _connective(reihen[i]) and not PART_ROW.match(reihen[i].label)
    ][:3]


def _children_below(reihen: list[Reihe], index: int) -> list[int]:
    """„1.2 Jahresverlust 264.650,50 EUR“ over „1.2.1 Summe der Erträge …“ and „1.2.2 Summe der Aufwendungen …“: the
    pair numbered as the Saldo row's children, right below it – in the order `_filled_above` gives (nearest first)."""
    own = OUTLINE.match(reihen[index].zeile.text)
    below = [i for i in range(index + 1, min(len(reihen), index + 3)) if reihen[i].zeile.text.strip()]
    if own is None or len(below) != 2:
        return []
    numbers = [OUTLINE.match(reihen[i].zeile.text) for i in below]
    if [n[1] if n else None for n in numbers] != [f"{own[1]}.1", f"{own[1]}.2"]:
        return []
    return [below[1], below[0]]


def _connective(reihe: Reihe) -> bool:
    """A row of one or two words in lower case and no figure: „und“, „festgesetzt“, „sowie mit“."""
    words = reihe.zeile.text.strip("| \t").split()
    return not reihe.eintraege and len(words) <= 2 and all(w.isalpha() and w.islower() for w in words)


def _other_side_empty(reihen: list[Reihe], filled: list[int], label: str) -> int:
    """1 where the row above is the other side of a one-sided Saldo row and holds no amount – „der Jahresüberschuss
    € €“ (or 0 €) between the Aufwendungen and „der Jahresfehlbetrag“ –, else 0."""
    if not filled or not (DEFICIT.search(label) or SURPLUS.search(label)) or SALDO_WORD.search(label):
        return 0
    above = reihen[filled[0]]
    other = SURPLUS if DEFICIT.search(label) else DEFICIT
    if not other.search(above.label) or (SURPLUS.search(above.label) and DEFICIT.search(above.label)):
        return 0
    return 1 if all(z.wert == 0 for z in above.werte) else 0


def _one_side_holds(label: str, saldo: Decimal) -> bool:
    """A row that names one side only – „Jahresüberschuss“ over a row „Jahresfehlbetrag“ – holds the Saldo only when
    it falls on its side; a row for both („Jahresüberschuss / Jahresfehlbetrag“, „Saldo“) always does."""
    if both_sides(label) or BOTH_SIDES_NAMED.search(label):
        return True
    return saldo >= 0 if SURPLUS.search(label) else saldo <= 0 if DEFICIT.search(label) else True


def full_label(reihen: list[Reihe], index: int) -> tuple[int, str]:
    """Where the row's label begins and the label: a label that goes on in lower case („und Auszahlungen“, „aus
    Investitionstätigkeit“ under „der Saldo der Ein- und Auszahlungen“) begins on a line above without figures."""
    label, top = reihen[index].label, index
    while (
        top > 0
        and index - top < _LABEL_LINES
        and (not label or label.split()[0] in ("und", "aus"))
        and not reihen[top - 1].eintraege
        and reihen[top - 1].zeile.text.strip()
    ):
        top -= 1
        label = f"{reihen[top].zeile.text.strip()} {label}".strip()
    return top, label


def saldo_kind(label: str) -> str | None:
    """„ergebnis“, „zahlungen“, "" (a Saldo that names neither: „Saldo aus Investitionstätigkeit“) or None."""
    if _NAMED_RESULT.match(label):  # Brandenburg: „ordentliches Ergebnis:“, „Finanzierungssaldo:“ under their pair
        return "zahlungen" if "saldo" in label.lower() else "ergebnis"
    if _GAIN_OR_LOSS.match(label):
        return "ergebnis"
    if _PART_RESULT.search(label):  # Sachsen: „einem Sonderergebnis von“ under the außerordentliche pair
        return "ergebnis"
    if _CASH_SALDO.search(label):
        return "zahlungen"
    if not SALDO_ROW.search(label):
        return None
    if _ZAHLUNGEN.search(label):
        return "zahlungen"
    return "ergebnis" if _ERGEBNIS.search(label) else ""


def saldo_pair(kind: str, label: str, first: str, second: str) -> bool:
    """The rows above are the Saldo's pair, in order, of the same part of the budget."""
    kinds = [kind] if kind else list(_PAIRS)
    if not any(_PAIRS[k][0].search(first) and _PAIRS[k][1].search(second) for k in kinds):
        return False
    part = _parts(label)
    above = _parts(first)
    if _BARE_SALDO.fullmatch(label) or not part and _side(label):
        part = above  # a row „Saldo“ alone („mit einem Saldo (Fehlbedarf) von“) is the Saldo of the pair right above
    return part == above == _parts(second)


def _parts(label: str) -> set[str]:
    """The parts of the budget a label names; a Sonderergebnis is the außerordentliche one."""
    return {p.lower() for p in _PART.findall(label)} | ({"außerordentlich"} if _SONDER.search(label) else set())
