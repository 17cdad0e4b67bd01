"""An amount per unit a paragraph gives after the amount and the count it divides: „Die 200.000 Euro werden auf 800
Krippenplätze in den Kitas aufgeteilt, ca. 250 Euro/Kind“, „… 1,2 Mio. € für 4.800 Einwohner, also 250 € je
Einwohner“, „… mit 10.745 Einwohnern. Je Einwohner beträgt die Umlage damit 23,27 Euro“ – the amount per unit is an amount before it divided by a count before it.

A guess that only confirms: the words do not say which amount and which count they divide, so a pair that gives the
amount per unit, rounded as it is typed, is read (and so „stimmt“); no pair gives it, nothing is read and its figures
stay „nicht geprüft“ – a slip here is never raised. One paragraph is a line (as a council information system stores
it); each amount per unit looks at a bounded number of amounts and counts before it."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile, line_above

_PER_UNIT = re.compile(r"\s*(?:/\s*|(?:je|pro)\s+)[A-ZÄÖÜ][\wÄÖÜäöüß-]*")  # „/Kind“, „je Einwohner“, „pro Platz“
# … or its sentence opens with it, no figure between: „Je Einwohner beträgt die Verwaltungsumlage damit 95,97 Euro“
_PER_UNIT_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+)(?:Je|Pro|Auf\s+jede[nrs]?)\s+[A-ZÄÖÜ][\wÄÖÜäöüß-]*[^\d.;:!?]{0,60}$"
)  # … „Auf jeden Einwohner entfallen danach im Kernhaushalt 842,89 €“
# … or names it within its sentence, also in a unit of measure: „Im Schnitt ergab sich pro m³ Abwasser eine
# Kostenunterdeckung von 0,23 €“
_PER_UNIT_WITHIN = re.compile(
    r"(?:^|[.;:!?]\s+)[^\d.;:!?]{0,40}\b(?:je|pro)\s+(?:[A-ZÄÖÜ][\wÄÖÜäöüß-]*|m[²³]|kWh|qm|cbm)(?=[\s,])"
    r"[^\d.;:!?]{0,60}$"
)
_UNIT_NOUN = re.compile(r"(?:(?<![\wÄÖÜäöüß])(?:[Jj]e|[Pp]ro)\s+|/\s*)([A-ZÄÖÜ][\wÄÖÜäöüß-]*)")  # the unit named
_LOOK_BACK = 8  # amounts and counts before the amount per unit that are tried, each
_YEAR = range(1900, 2101)
_LINES_ABOVE = 2  # lines back to the paragraph before, whose amounts may be divided
_ABOVE = 6  # lines with text above looked at for the amount and the count
_LINES_AFTER = 3  # lines after an amount per unit that may name shares of it
_MAX_SHARES = 40


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        lower = zeile.text.lower()
        if "je " not in lower and "pro " not in lower and "/" not in lower and "jede" not in lower:
            continue
        # the last amounts and counts before the figure at hand – each figure is looked at a bounded number of times;
        # the amounts of the paragraph before count too („Was … nicht gedeckt ist (561.600 Euro), wird … verteilt.“
        # over „Mit 117 Schülern ergibt das eine Umlage von 4800 Euro pro Schüler.“)
        amounts: deque[tuple[Zeile, Zahl]] = deque(maxlen=_LOOK_BACK)
        counts: deque[Zahl] = deque(maxlen=_LOOK_BACK)
        # … and those of the few lines above, the nearest last: the count may stand in the sentence before („Die
        # Einwohnerzahl … beträgt 21.837.“), the amount a paragraph before that
        for above in reversed(_lines_above(zeilen, index)):
            amounts.extend((above, z) for z in above.zahlen if z.geld and z.tiefe <= 1)  # „(561.600 Euro)“
            counts.extend(z for z in above.zahlen if _count(z) and not z.tiefe)
        for zahl in zeile.zahlen:
            per_unit = zahl.geld and not zahl.tiefe and _per_unit(zeile.text, zahl)
            if per_unit and Fund(zeile, zahl).key not in taken:
                rechnung = _division(zeile, amounts, counts, zahl)
                if rechnung is not None:
                    found.append(rechnung)
                    found += _shares(zeilen, index, zahl, rechnung, taken)
            if zahl.geld and zahl.tiefe == 0:
                amounts.append((zeile, zahl))
            elif _count(zahl):
                counts.append(zahl)
    return found


def _lines_above(zeilen: list[Zeile], index: int) -> list[Zeile]:
    """The nearest lines with text above line `index` on its page, nearest first: `_ABOVE` at most."""
    lines: list[Zeile] = []
    at = index
    while len(lines) < _ABOVE and (above := line_above(zeilen, at, _LINES_ABOVE)) is not None:
        lines.append(above)
        at = zeilen.index(above, max(0, at - _LINES_ABOVE - 1), at)
    return lines


def _shares(zeilen: list[Zeile], index: int, per_unit: Zahl, division: Rechnung, taken: set) -> list[Rechnung]:
    """After „4800 Euro pro Schüler“ that an amount and a count give exactly, each amount the lines then name for a
    count of that unit („393.600 Euro für 82 Schüler“, „86.400 Euro (18 Schüler)“) is the count times the amount per
    unit (a rounded amount per unit would leave each share open). A doubt where it misses: the amount may belong to
    another whole („2009 waren es 515.000 Euro für 104 Schüler“) – read only where each share has fewer units and
    less money than the whole and all of them together no more units."""
    unit = _unit(zeilen[index].text, per_unit)
    noun = _UNIT_NOUN.search(unit.group()) if unit else None  # „Kind“, „Einwohner“; none for „pro m³ Abwasser“
    amount, count = (t.zahl for t in division.teile)
    if noun is None or abs(amount.wert) / count.wert != abs(per_unit.wert):
        return []
    for_count = re.compile(rf"\s*(?:\(\s*|für\s+)(\d{{1,6}})\s+{re.escape(noun.group(1)[:5])}")
    shares = []
    for zeile, zahl, figure in _named_counts(zeilen, index, per_unit, for_count):
        if Fund(zeile, zahl).key in taken or figure.wert >= count.wert or abs(zahl.wert) >= abs(amount.wert):
            continue  # a part of the whole has fewer units and less money than the whole
        shares.append(
            Rechnung(
                f"Anzahl mal Betrag je Einheit ({zeilen[index].ort})",
                "produkt",
                [Fund(zeile, figure), Fund(zeilen[index], per_unit)],
                Fund(zeile, zahl),
                f"{figure.betrag()} x {per_unit.betrag()}",
                sicher=False,
                grund="ob der Betrag ein Anteil an diesem Ganzen ist, sagt der Text nicht",
                rang=1,
                typ="je_einheit",
            )
        )
    # the parts of the whole: their units together are no more than the whole's („206 Schüler“ of another year are not)
    return shares if sum(r.teile[0].zahl.wert for r in shares) <= count.wert else []


def _named_counts(
    zeilen: list[Zeile], index: int, per_unit: Zahl, for_count: re.Pattern[str]
) -> Iterator[tuple[Zeile, Zahl, Zahl]]:
    """The amounts after the amount per unit that the words name for a count („… Euro für 82 Schüler“): each with
    its count – up to another amount per unit (the amounts after it are its own), `_LINES_AFTER` lines and
    `_MAX_SHARES` amounts."""
    named = 0
    for zeile in zeilen[index : index + 1 + _LINES_AFTER]:
        for zahl in zeile.zahlen:
            if zeile is zeilen[index] and zahl.start <= per_unit.ende or not zahl.geld or zahl.tiefe:
                continue
            if _per_unit(zeile.text, zahl) or named >= _MAX_SHARES:
                return
            match = for_count.match(zeile.text, zahl.ende)
            figure = next((z for z in zeile.zahlen if match and z.start == match.start(1)), None)
            if figure is not None:
                named += 1
                yield zeile, zahl, figure


def _per_unit(text: str, zahl: Zahl) -> bool:
    return _unit(text, zahl) is not None


def _unit(text: str, zahl: Zahl) -> re.Match[str] | None:
    """The words that call the amount one per unit, after it („250 Euro/Kind“), at the start of its sentence („Je
    Einwohner beträgt … 95,97 Euro“) or within it („… ergab sich pro m³ Abwasser eine Kostenunterdeckung von 0,23 €“)."""
    start = max(0, zahl.start - 90)
    return (
        _PER_UNIT.match(text, zahl.ende)
        or _PER_UNIT_BEFORE.search(text, start, zahl.start)
        or _PER_UNIT_WITHIN.search(text, start, zahl.start)
    )


def _division(zeile: Zeile, amounts: deque[tuple[Zeile, Zahl]], counts: deque[Zahl], per_unit: Zahl) -> Rechnung | None:
    """The nearest amount and count before the amount per unit that give it."""
    for amount_zeile, amount in reversed(amounts):
        if abs(amount.wert) <= abs(per_unit.wert):
            continue
        for count in reversed(counts):
            if abs(abs(amount.wert) / count.wert - abs(per_unit.wert)) > per_unit.schritt:
                continue  # far off: no rounding gives it (the reading's own arithmetic decides the rest)
            rechnung = Rechnung(
                "Betrag je Einheit („250 Euro/Kind“, „je Einwohner“)",
                "division",
                [Fund(amount_zeile, amount), Fund(zeile, count)],
                Fund(zeile, per_unit),
                f"{amount.betrag()} / {count.betrag()}",
                sicher=False,
                rang=1,
                typ="je_einheit",
            )
            if rechnung.haelt():
                return rechnung
    return None


def _count(zahl: Zahl) -> bool:
    """A count: a whole number of two or more without a unit, not a year („2024“; „2.024“ is a count)."""
    year = zahl.text.isdigit() and int(zahl.text) in _YEAR
    return not zahl.einheit and zahl.stellen == 0 and zahl.wert >= 2 and not year
