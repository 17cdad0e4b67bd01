"""A figure that its neighbours give, where no form was recognised: the amounts a few lines around it are searched
for a run of them that adds up to it („10.000 € eingeplant … 5.000 € … insgesamt 15.500 € … 500 €“) or for two of
them whose difference it is („Mittel von 985.497 € … um 652.497 € erhöht … die übrigen 333.000 €“) – a sum whose
total stands before its parts, a rest three sentences on, a difference the text never writes as one.

A search finds what holds; it cannot know what the author meant. So it runs last, never reads a figure another
recogniser read as a result (a reading that holds would hide that one's slip), and confirms only what holds exactly –
with the figure specific enough that chance is unlikely: five significant digits or more, or three or more where
the words before it name a total, a rest or a difference. Where nothing holds but exactly one of the searched
calculations misses the typed figure by one digit or two digits swapped, that one is shown as „nicht eindeutig“ –
a doubt pointing at the figure, never a slip. Every look is bounded: a number of figures and of lines either side,
runs of at most a few parts."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import OUT_OF_PLAN, RESULT_WORD, TOTAL_IN_PROSE, TOTAL_WORD

_AROUND = 12  # amounts either side that are searched
_AROUND_SHARE = 4  # … for the two amounts a percentage is the share of (a pair matches a rounded share by chance)
_LINES = 30  # lines either side
_MAX_PARTS = 8
_SURE_DIGITS = 5  # significant digits from which a figure that holds is no chance
_CUED_DIGITS = 3  # … and from which it is none where the words name a total, a rest or a difference
_LOOK_BACK = 80
_SENTENCE_END = re.compile(r"[.;:!?]\s+(?=[A-ZÄÖÜ])")  # „rd. 15.500 €“ ends no sentence
_CUE = re.compile(
    r"\b(?:Mehr\w*|Minder\w*|Eigenanteil\w*|Eigenmittel\w*|Einsparung\w*|Ermächtigung\w*|Unterschied\w*|"
    r"Differenz\w*|davon|abzüglich|abzgl\.|verbleib\w*|übrig\w*|ergibt|ergeben|errechne\w*)\b|=",
    re.IGNORECASE,
)


# the values of each calculation read, under each of its values
_Gelesen = dict[tuple[str, Decimal], list[frozenset[tuple[str, Decimal]]]]


# the words that make an amount a decrease or an increase, right before it („vermindert um“) or after it („um … gekürzt“)
_NEAR = 30
_DECREASE = r"(?:vermindert|verringert|reduziert|gesenkt|gekürzt|abzüglich|abzgl\.|weniger|minus|\./\.)"
_INCREASE = r"(?:erhöht|zuzüglich|zzgl\.|plus|aufgestockt)"
_DECREASE_BEFORE = re.compile(_DECREASE + r"\s+(?:um\s+)?(?:rund\s+|ca\.\s+)?$", re.IGNORECASE)
_DECREASE_AFTER = re.compile(r"\s*(?:€|EURO?|Euro)?\s*" + _DECREASE + r"\b", re.IGNORECASE)
_INCREASE_BEFORE = re.compile(_INCREASE + r"\s+(?:um\s+)?(?:rund\s+|ca\.\s+)?$", re.IGNORECASE)
_INCREASE_AFTER = re.compile(r"\s*(?:€|EURO?|Euro)?\s*" + _INCREASE + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Betrag:
    """An amount in reading order: where it stands, its value without sign, and whether the words name it a decrease
    („vermindert um 25.000 €“, „um 25.000 € gekürzt“: −1) or an increase („erhöht um“: +1)."""

    fund: Fund
    wert: Decimal
    richtung: int = 0


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    # the readings that stand: those that claim something when they fail (a slip or a doubt) and the guesses that
    # hold; a guess that fails claims nothing, and the search may read its figures
    standing = [r for r in prior if r.sicher or r.grund or _holds(r)]
    taken = {r.ergebnis.key for r in standing}
    # a value such a reading has as its result, where else it stands, is that reading's figure written again: a
    # search that confirms it there would say „stimmt“ to a slip
    results = {(r.ergebnis.zahl.einheit, abs(r.ergebnis.zahl.wert)) for r in standing}
    # the figures some reading already ties to others: a near miss over one of them is that reading's business
    checked = taken | {t.key for r in standing for t in r.teile}
    amounts = [
        _Betrag(Fund(zeile, zahl), abs(zahl.wert), _direction(zeile.text, zahl))
        for zeile in zeilen
        for zahl in zeile.zahlen
        if _amount(zahl)
    ]
    found: list[Rechnung] = []
    # the values of each calculation read: another over the same values restates it
    stated: _Gelesen = {}
    for reading in standing:
        _state(stated, reading)
    # a figure of fewer than three significant digits is never a result (10.000 € is 5.000 € + 5.000 € by chance)
    specific = {i: d for i, a in enumerate(amounts) if (d := _significant(a.wert)) >= _CUED_DIGITS}
    cues = {i: _cued(amounts[i].fund) for i in specific}
    # the figures the words call a total, a rest or a difference first: of „a = b + c“ found from either end, the
    # one so named is the result; then the percentages (a rate is a share of two amounts more often than an amount
    # is a rate of another)
    order = sorted(specific, key=lambda i: (not cues[i], amounts[i].fund.zahl.einheit != "%", i))
    for index in order:
        result, cued, digits = amounts[index], cues[index], specific[index]
        if result.fund.key in taken or (result.fund.zahl.einheit, result.wert) in results or result.richtung:
            continue  # a change („um … vermindert“) is no result the search can sign
        if digits < _SURE_DIGITS and not cued and result.fund.zahl.einheit != "%":
            continue
        if result.fund.zahl.einheit == "%":
            rechnung = _share_of(_around(amounts, index, _AROUND_SHARE), result, stated)
        else:
            around = _around(amounts, index)
            rechnung = _holding(around, result, stated) or _percent_of(amounts, index, around, stated)
            if rechnung is None and cued and digits >= _SURE_DIGITS:
                rechnung = _one_digit_off(around, result, checked)
        if rechnung is not None:
            found.append(rechnung)
            taken.add(result.fund.key)
            checked |= _figures(rechnung)
            _state(stated, rechnung)
    return found


def _amount(zahl: Zahl) -> bool:
    """A figure that may take part: not zero (a sum with 0 € restates its other part), in euros or per cent, or a
    plain figure typed with a group or decimal mark (no year, no count, no line number)."""
    if not zahl.wert:
        return False
    if zahl.einheit in ("€", "%"):
        return True
    return zahl.einheit == "" and ("." in zahl.text or "," in zahl.text)


def _direction(text: str, zahl: Zahl) -> int:
    """−1 for an amount named a decrease right before or after it, +1 for one named an increase."""
    if _DECREASE_BEFORE.search(text[max(0, zahl.start - _NEAR) : zahl.start]):
        return -1
    if _DECREASE_AFTER.match(text[zahl.ende : zahl.ende + _NEAR]):
        return -1
    if _INCREASE_BEFORE.search(text[max(0, zahl.start - _NEAR) : zahl.start]):
        return 1
    return 1 if _INCREASE_AFTER.match(text[zahl.ende : zahl.ende + _NEAR]) else 0


def _significant(value: Decimal) -> int:
    """The digits of a value without its trailing zeros: 15.500 → 3, 79.541,91 → 7."""
    return len(value.normalize().as_tuple().digits)


def _cued(fund: Fund) -> bool:
    """The words before the figure, back to the start of its sentence, name a total, a rest or a difference."""
    text = fund.zeile.text[max(0, fund.zahl.start - _LOOK_BACK) : fund.zahl.start]
    ends = list(_SENTENCE_END.finditer(text))
    sentence = text[ends[-1].end() :] if ends else text
    return any(p.search(sentence) for p in (TOTAL_WORD, TOTAL_IN_PROSE, RESULT_WORD, OUT_OF_PLAN, _CUE))


def _around(
    amounts: list[_Betrag], index: int, reach: int = _AROUND, einheit: str | None = None
) -> tuple[list[_Betrag], list[_Betrag]]:
    """The amounts before and after one (nearest first), within the lines either side, of its unit and scale – or
    of the unit named (the amounts a percentage is a share of, the percentages near an amount)."""
    own = amounts[index].fund
    unit = own.zahl.einheit if einheit is None else einheit
    if einheit is None and unit == "%":
        unit = "€"

    def near(other: _Betrag) -> bool:
        return (
            other.fund.zahl.einheit == unit
            and (einheit == "%" or other.fund.zahl.skala == own.zahl.skala)
            and (other.fund.zeile.seite or 0) == (own.zeile.seite or 0)
            and abs(other.fund.zeile.nr - own.zeile.nr) <= _LINES
        )

    looked = reach * 4  # figures of other units between are passed over, but not without end
    before = [a for a in reversed(amounts[max(0, index - looked) : index]) if near(a)][:reach]
    after = [a for a in amounts[index + 1 : index + 1 + looked] if near(a)][:reach]
    return before, after


def _candidates(around: tuple[list[_Betrag], list[_Betrag]]) -> Iterator[tuple[str, list[_Betrag], Decimal]]:
    """The calculations searched and their values, nearest first: runs of amounts next to each other (before the
    figure, after it, or on both sides of it) and pairs of amounts (their difference)."""
    before, after = around
    line = [*reversed(before), *after]  # in reading order, the figure itself left out
    runs, pairs = _plan(len(line), len(before))
    running = [Decimal(0)]
    for amount in line:
        running.append(running[-1] + amount.wert)
    # an amount the words call a decrease or an increase is a change of another: which sign it takes depends on which
    # figure is the result, and a search that guessed it could confirm a sign typed the wrong way round – so it is
    # never searched (the change forms read it); nor in a sum an amount typed with a minus
    for start, end in runs:
        if all(not a.richtung and a.fund.zahl.wert > 0 for a in line[start:end]):
            yield "summe", line[start:end], running[end] - running[start]
    for i, j in pairs:
        big, small = (line[i], line[j]) if line[i].wert > line[j].wert else (line[j], line[i])
        if big.wert != small.wert and not big.richtung and not small.richtung:
            yield "differenz", [big, small], big.wert - small.wert


@functools.cache
def _plan(count: int, split: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Which runs and pairs of `count` amounts, the figure between the first `split` and the rest, are searched in
    which order: the nearest first (how far a run or pair reaches from the figure), the shorter run first."""
    runs = sorted(
        (max(split - start, end - split), end - start, start, end)
        for start in range(count)
        for end in range(start + 2, min(count, start + _MAX_PARTS) + 1)
    )
    pairs = sorted((max(abs(i - split), abs(j - split)), i, j) for i in range(count) for j in range(i + 1, count))
    return tuple((start, end) for *_, start, end in runs), tuple((i, j) for _, i, j in pairs)


def _holding(around: tuple[list[_Betrag], list[_Betrag]], result: _Betrag, stated: _Gelesen) -> Rechnung | None:
    """The nearest searched calculation that gives the figure exactly, does not restate one found before („a = b +
    c“ found, „b = a − c“ is the same) and does not explain the figure through itself."""
    for formel, parts, value in _candidates(around):
        if value == result.wert:
            rechnung = _rechnung(formel, parts, result)
            if not _restates(rechnung, stated) and not _circular(parts, result, stated):
                return rechnung
    return None


def _circular(parts: list[_Betrag], result: _Betrag, stated: _Gelesen) -> bool:
    """A part and the figure stand in one calculation read before, so the figure would explain itself: „0,5 x
    79.928 € = 39.964 €“ read, 79.928 € as 39.964 € + 29.629 € + 10.335 € counts 39.964 € twice („39.964 € −
    29.629 € = 10.335 €“); „3 x 68.136 € = 204.408 €“ read, 68.136 € as 272.544 € − 204.408 € is 4 x − 3 x."""
    own = (result.fund.zahl.einheit, result.wert)
    values = {(p.fund.zahl.einheit, p.wert) for p in parts}
    return any(values & before for before in stated.get(own, ()))


def _figures(rechnung: Rechnung) -> frozenset[tuple[int, int, int]]:
    """The figures a calculation ties together, wherever they stand – not a 0 among them („erhöht um 0“)."""
    return frozenset(f.key for f in (rechnung.ergebnis, *rechnung.teile) if f.zahl.wert)


def _values(rechnung: Rechnung) -> frozenset[tuple[str, Decimal]]:
    """The values a calculation ties together, with their unit – not a 0 among them („erhöht um 0“)."""
    return frozenset((f.zahl.einheit, abs(f.zahl.wert)) for f in (rechnung.ergebnis, *rechnung.teile) if f.zahl.wert)


def _holds(rechnung: Rechnung) -> bool:
    """A guess that holds with the figures as typed (one that does not states nothing)."""
    return rechnung.gerundet(rechnung.rechne([t.zahl.wert for t in rechnung.teile])) == rechnung.getippt()


def _state(stated: _Gelesen, rechnung: Rechnung) -> None:
    values = _values(rechnung)
    for value in values:
        stated.setdefault(value, []).append(values)


def _restates(rechnung: Rechnung, stated: _Gelesen) -> bool:
    """All its values are those of one calculation read before: „b = a − c“ of „a = b + c“ says nothing new, nor
    does the same calculation where its figures stand again (a table and its summary, a figure in two columns)."""
    values = _values(rechnung)
    result = (rechnung.ergebnis.zahl.einheit, abs(rechnung.ergebnis.zahl.wert))
    return any(values <= before for before in stated.get(result, ()))


def _percent_of(
    amounts: list[_Betrag],
    index: int,
    around: tuple[list[_Betrag], list[_Betrag]],
    stated: _Gelesen,
) -> Rechnung | None:
    """An amount that is a percentage of another near it, rounded as typed: „Betrag x 20 % = Ergebnis“, „120.000 €
    (20 %)“ with the base a sentence before – the nearest pair that gives it."""
    result = amounts[index]
    if result.fund.zahl.einheit != "€":
        return None
    before, after = _around(amounts, index, einheit="%")
    percents = sorted([*enumerate(before), *enumerate(after)], key=lambda p: p[0])
    bases = sorted([*enumerate(around[0]), *enumerate(around[1])], key=lambda p: p[0])
    for _, base in bases:
        for _, percent in percents:
            if percent.wert in (0, 100):  # „× 100 %“ restates the amount
                continue
            if round_half_up(base.wert * percent.wert / 100, result.fund.zahl.schritt) == result.wert:
                rechnung = _rechnung("anteil", [base, percent], result)
                if not _restates(rechnung, stated):
                    return rechnung
    return None


def _share_of(around: tuple[list[_Betrag], list[_Betrag]], result: _Betrag, stated: _Gelesen) -> Rechnung | None:
    """A percentage that is the share of one amount near it in a larger one, rounded as typed: „realer Fördersatz
    von 62,9 %“ two sentences after the grant and the costs – only the few amounts nearest, as a pair matches a
    rounded share by chance far more often than a sum."""
    line = [*reversed(around[0]), *around[1]]
    for i, first in enumerate(line):
        for second in line[i + 1 :]:
            part, whole = sorted((first, second), key=lambda b: b.wert)
            if part.wert == whole.wert:
                continue
            if round_half_up(part.wert / whole.wert * 100, result.fund.zahl.schritt) == result.wert:
                rechnung = _rechnung("quote", [part, whole], result)
                if not _restates(rechnung, stated):
                    return rechnung
    return None


def _one_digit_off(
    around: tuple[list[_Betrag], list[_Betrag]], result: _Betrag, checked: set[tuple[int, int, int]]
) -> Rechnung | None:
    """The one searched calculation that misses the typed figure by one digit or two neighbouring digits swapped;
    none where two do, where any two amounts around add up to the figure (a sum of amounts apart from each other,
    which is not searched), where two parts are alike, or where the miss is a part or twice one (a part left out,
    or its sign the other way: „a − b“ of „a + b“). Never over a figure another reading ties to others already: a
    slip there stands as that reading's (a swapped digit in the result would point the doubt at a part)."""
    if result.fund.key in checked:
        return None
    before, after = around
    line = [*before, *after]
    if any(a.wert + b.wert == result.wert for i, a in enumerate(line) for b in line[i + 1 :]):
        return None
    near = []
    for formel, parts, value in _candidates(around):
        miss = abs(value - result.wert)
        if len({p.wert for p in parts}) < len(parts) or any(miss in (p.wert, 2 * p.wert) for p in parts):
            continue
        if any(p.fund.key in checked for p in parts):
            continue
        if _typo(value, result):
            near.append((formel, parts, value))
    if len({value for _, _, value in near}) != 1:
        return None
    formel, parts, _ = near[0]
    return _rechnung(
        formel,
        parts,
        result,
        "gefunden bei der Suche unter den Beträgen ringsum; nur diese Rechnung liegt eine Ziffer neben der "
        "getippten Zahl, und ob sie gemeint ist, sagt der Text nicht",
    )


def _typo(value: Decimal, result: _Betrag) -> bool:
    """Typed and computed differ in one digit or in two neighbouring digits swapped, at the precision typed."""
    step = result.fund.zahl.schritt
    if value <= 0 or value % step:
        return False
    typed, computed = str(int(result.wert / step)), str(int(value / step))
    if len(typed) != len(computed) or typed == computed:
        return False
    apart = [i for i, (a, b) in enumerate(zip(typed, computed)) if a != b]
    if len(apart) == 1:
        return True
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and typed[apart[0]] == computed[apart[1]]
        and (typed[apart[1]] == computed[apart[0]])
    )


_ARTEN = {
    "summe": "Summe benachbarter Beträge (gesucht)",
    "differenz": "Differenz zweier benachbarter Beträge (gesucht)",
    "anteil": "Prozentsatz eines benachbarten Betrags (gesucht)",
    "quote": "Anteil eines benachbarten Betrags an einem anderen (gesucht)",
}


def _rechnung(formel: str, parts: list[_Betrag], result: _Betrag, grund: str = "") -> Rechnung:
    """A searched calculation: never sure (a mismatch is at most „nicht eindeutig“, with a `grund`), the least likely
    of the readings of its figure."""
    zahlen = [p.fund.zahl for p in parts]
    zeichen = {
        "summe": lambda: written_sum(zahlen, [1] * len(zahlen)),
        "differenz": lambda: written_sum(zahlen, [1, -1]),
        "anteil": lambda: f"{zahlen[0].betrag()} × {zahlen[1].betrag()}",
        "quote": lambda: f"{zahlen[0].betrag()} / {zahlen[1].betrag()}",
    }[formel]()
    return Rechnung(
        _ARTEN[formel],
        formel,
        [p.fund for p in parts],
        result.fund,
        zeichen,
        sicher=False,
        grund=grund,
        rang=-1,
        typ="umgebung",
        vorzeichen=[1] * len(zahlen) if formel == "summe" else [],
    )
