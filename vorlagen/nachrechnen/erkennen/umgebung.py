"""A figure that its neighbours give, where no form was recognised: the amounts a few lines around it are searched
for a run of them that adds up to it („10.000 € eingeplant … 5.000 € … insgesamt 15.500 € … 500 €“), for two or
three apart that add up to a figure of five significant digits or more, or for two of them whose difference it is
(„Mittel von 985.497 € … um 652.497 € erhöht … die übrigen 333.000 €“) – a sum whose total stands before its parts,
a rest three sentences on, a difference the text never writes as one.

A search finds what holds; it cannot know what the author meant. So it runs last, never reads a figure another
recogniser read as a result (a reading that holds would hide that one's slip), and confirms only what holds exactly –
with the figure specific enough that chance is unlikely: five significant digits or more, or three or more where
the words before it name a total, a rest or a difference – or, of three or four without such words, as the total of
the whole list right above it, one amount on each line, three at least (umgebung_betraege.list_total). A round
figure of two („zusammen 160.000 €“) is a total only of the amounts right before it, all of them up to it, within a
few lines: „84.000 € … 76.000 € … von zusammen 160.000 €“; one of two the words call what follows („ist damit“, „also noch“) is the difference of the two amounts
right before it, the earlier less the nearer: „65.000,00 € … Bei einem Haushaltsansatz von 50.000 € ist damit eine
überplanmäßige Leistung von 15.000 € nötig“; and one of two or one without such words is worked out from a rate that
stands right before it in running text: „260.000,00 €; bei einer Förderhöhe von 25 % ergibt das … 65.000 €“. Where nothing holds but exactly
one of the searched calculations misses the typed figure by one digit or two digits swapped, that one is shown as
„nicht eindeutig“ – a doubt pointing at the figure, never a slip. Every look is bounded: a number of figures and of
lines either side, runs of at most a few parts."""

from __future__ import annotations

import re
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import umgebung_betraege as betraege
from vorlagen.nachrechnen.erkennen.umgebung_betraege import Betrag
from vorlagen.nachrechnen.erkennen.umgebung_gelesen import Gelesen, figures
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile, line_above
from vorlagen.nachrechnen.woerter import OUT_OF_PLAN, RESULT_WORD, TOTAL_IN_PROSE, TOTAL_WORD

_AROUND_SHARE = 4  # … for the two amounts a percentage is the share of (a pair matches a rounded share by chance)
_LINES_GROSS = 2  # … for an amount with a percentage added, taken off or out (netto and brutto stand together)
_AROUND_RATE = 24  # figures before an amount looked through for the rate it may be worked out from
_SURE_DIGITS = 5  # significant digits from which a figure that holds is no chance
_CUED_DIGITS = 3  # … and from which it is none where the words name a total, a rest or a difference
_ROUND_DIGITS = 2  # … and a round one named a total: only as the amounts right before it
_LINES_ROUND = 3  # lines back over which those amounts stand
_TEXT_LINES_ROUND = 2  # lines with text back over which stand the two amounts a round consequence is the difference of
_LOOK_BACK, _LOOK_AFTER = 80, 30
_LINES_ABOVE = 2  # lines back to the words that name a figure standing alone on its line
# the figure is called what is left or available right after it: „766,54 € verfügbar“, „3.500 € übrig“
_RESULT_AFTER = re.compile(r"\s*(?:€|EUR|Euro)?\s*(?:verfügbar|übrig|frei)\b", re.IGNORECASE)
# words that name a result besides RESULT_WORD: „Defizit / Anteil der Kommunen“, „Der Unterschied beträgt“
_NAMES_RESULT = re.compile(r"\b(?:Defizit\w*|Fehlbedarf\w*|Nachzahlung\w*|Unterschied\w*|fehlen|fehlt)\b", re.I)
# the words call a round figure what follows from the two amounts right before it: „Bei einem Haushaltsansatz von
# 50.000 € ist damit eine überplanmäßige Leistung von 15.000 € nötig“, „es werden also noch 3.500,00 € benötigt“
_CONSEQUENCE = re.compile(r"\b(?:damit|somit|also)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?]\s+(?=[A-ZÄÖÜ])")  # „rd. 15.500 €“ ends no sentence
_CUE = re.compile(
    r"\b(?:Mehr\w*|Minder\w*|Eigenanteil\w*|Eigenmittel\w*|Einsparung\w*|Ermächtigung\w*|Unterschied\w*|"
    r"Differenz\w*|davon|abzüglich|abzgl\.|verbleib\w*|übrig\w*|ergibt|ergeben|errechne\w*)\b|=",
    re.IGNORECASE,
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    # the readings that stand: those that claim something when they fail (a slip or a doubt) and the guesses that
    # hold; a guess that fails claims nothing, and the search may read its figures
    standing = [r for r in prior if r.steht()]
    taken = {r.ergebnis.key for r in standing}
    # a value such a reading has as its result, where else it stands, is that reading's figure written again: a
    # search that confirms it there would say „stimmt“ to a slip
    results = {(r.ergebnis.zahl.einheit, abs(r.ergebnis.zahl.wert)) for r in standing}
    # the figures some reading already ties to others: a near miss over one of them is that reading's business
    checked = taken | {t.key for r in standing for t in r.teile}
    amounts = [
        Betrag(Fund(zeile, zahl), abs(zahl.wert), betraege.direction(zeile.text, zahl))
        for zeile in zeilen
        for zahl in zeile.zahlen
        if betraege.amount(zahl)
    ]
    found: list[Rechnung] = []
    # the values of each calculation read: another over the same values restates it
    stated = Gelesen()
    for reading in standing:
        stated.add(reading)
    # a figure of fewer than three significant digits is never a result (10.000 € is 5.000 € + 5.000 € by chance)
    # … nor one of two, unless the words call it a total or a rate stands right before it („bei einer Förderhöhe von
    # 25 % ergibt das 65.000 €“)
    rated = {i: _rate_before(amounts, i) for i, a in enumerate(amounts) if a.fund.zahl.einheit == "€"}
    # the round figures the words call what follows („ist damit“, „also noch“)
    consequent = {i for i, a in enumerate(amounts) if _significant(a.wert) == _ROUND_DIGITS and _consequence(a.fund)}
    specific = {
        i: d
        for i, a in enumerate(amounts)
        if (d := _significant(a.wert)) >= _CUED_DIGITS
        or (d == _ROUND_DIGITS and (_totalled(a.fund) or i in consequent or rated.get(i, ([], []))[0]))
    }
    # for each line, the words of the line above: they name a figure set alone on its line
    above = {
        (zeile.seite or 0, zeile.nr): text.text
        for index, zeile in enumerate(zeilen)
        if (text := line_above(zeilen, index, _LINES_ABOVE)) is not None
    }
    cues = {i: _cued(amounts[i].fund, above) for i in specific}
    # each line's place among the lines with text: a page's blank lines between paragraphs put no distance
    with_text = {(zeile.seite or 0, zeile.nr): count for count, zeile in enumerate(z for z in zeilen if z.text.strip())}
    # the figures the words call a result first (a rest, a Saldo, a difference; a round one called what follows: „es
    # werden also noch 3.500,00 €“; of two so named the cue decides: „Es fehlen also 11.750,00 €“ after „… 60.850,00 €
    # verfügbar“), then those they call a total – of „a = b + c“ found from either end, the one so named is the
    # result; then the percentages (a rate is a share of two amounts more often than an amount a rate of another);
    # then as a reader meets them: the later the result of those before it, one in brackets after those outside
    # („73.477 Euro (vorher 61.231 Euro)“: a remark on the figure, no result of it)
    named = {
        i: _named_result(amounts[i].fund) or i in consequent or cues[i] == 2 and _consequence(amounts[i].fund)
        for i in specific
    }
    for index in sorted(specific, key=lambda i: (not named[i], -cues[i], *_as_met(amounts[i].fund.zahl), -i)):
        result, cued, digits = amounts[index], cues[index], specific[index]
        if result.fund.key in taken or (result.fund.zahl.einheit, result.wert) in results or result.richtung:
            continue  # a change („um … vermindert“) is no result the search can sign
        rate = rated.get(index, ([], []))
        if digits < _CUED_DIGITS or (digits < _SURE_DIGITS and not cued and rate[0]):
            rechnung = (
                _run_right_before(amounts, index, stated)
                or _applied(result, *rate, stated, together=True)
                or (_difference_right_before(amounts, index, stated, with_text) if index in consequent else None)
            )
        elif digits < _SURE_DIGITS and not cued and result.fund.zahl.einheit != "%":
            # … unless it is the total of the whole list right above it
            if (rechnung := stated.new(betraege.list_total(amounts, index, with_text))) is None:
                continue
        else:
            rechnung = _search(amounts, index, stated, cued)
        if rechnung is None and cued and digits >= _SURE_DIGITS and result.fund.zahl.einheit != "%":
            rechnung = _one_digit_off(betraege.around(amounts, index), result, checked)
        if rechnung is not None:
            found.append(rechnung)
            taken.add(result.fund.key)
            checked |= figures(rechnung)
            stated.add(rechnung)
    return found


def _as_met(zahl: Zahl) -> tuple[bool, bool]:
    """Of figures alike named: the percentages first, then those outside brackets."""
    return zahl.einheit != "%", zahl.tiefe > 0


def _search(amounts: list[Betrag], index: int, stated: Gelesen, cued: int = 0) -> Rechnung | None:
    """The calculation that gives the figure from the amounts around it."""
    result = amounts[index]
    if result.fund.zahl.einheit == "%":
        return _share_of(betraege.around(amounts, index, _AROUND_SHARE), result, stated)
    around = betraege.around(amounts, index)
    # two amounts apart from each other that add up to it: only for a figure too specific to be met by chance, or
    # one digit less where the words call it a total („Gesamtbetrag der Einzahlungen 536.800 €“)
    apart = _significant(result.wert) >= _SURE_DIGITS - (1 if cued else 0)
    return _holding(around, result, stated, apart) or _percent_of(amounts, index, around, stated)


def _significant(value: Decimal) -> int:
    """The digits of a value without its trailing zeros: 15.500 → 3, 79.541,91 → 7."""
    return len(value.normalize().as_tuple().digits)


def _cued(fund: Fund, above: dict[tuple[int, int], str]) -> int:
    """How the words before the figure, back to the start of its sentence, name it: 2 a result („Saldo“,
    „Differenz“, „Fehlbetrag“, „Defizit“, „verbleibend“), 1 a total or a change („insgesamt“, „Gesamtbetrag der
    Erträge“, „Mehrkosten“), 0 neither. Where nothing but a sign stands before it in its line, the words are those
    of the line above with text, which name the cell one per line („Ordentliches Ergebnis (Saldo aus 1.1 und 1.2)
    von“ over „-   1.438.010  €“)."""
    sentence = _sentence_before(fund)
    if not sentence.strip(" -−+\t"):
        sentence = above.get((fund.zeile.seite or 0, fund.zeile.nr), "")[-_LOOK_BACK:]
    if RESULT_WORD.search(sentence) or _NAMES_RESULT.search(sentence):
        return 2
    return int(any(p.search(sentence) for p in (TOTAL_WORD, TOTAL_IN_PROSE, OUT_OF_PLAN, _CUE)))


def _sentence_before(fund: Fund) -> str:
    """The words before the figure, back to the start of its sentence (at most `_LOOK_BACK` characters)."""
    text = look_back(fund.zeile.text, fund.zahl.start, _LOOK_BACK)
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end() :] if ends else text


def _totalled(fund: Fund) -> bool:
    """The words before a € figure, in its sentence, call it a total („von zusammen“, „insgesamt“,
    „Gesamtaufwendungen in Höhe von“)."""
    sentence = _sentence_before(fund)
    return fund.zahl.einheit == "€" and any(p.search(sentence) for p in (TOTAL_IN_PROSE, TOTAL_WORD))


def _run_right_before(amounts: list[Betrag], index: int, stated: Gelesen) -> Rechnung | None:
    """A round total as the sum of the amounts right before it: the nearest two, three … up to it, within
    `_LINES_ROUND` lines, none a change or typed negative – the first run that reaches it, or none."""
    result = amounts[index]
    before, _ = betraege.around(amounts, index)
    run: list[Betrag] = []
    total = Decimal(0)
    for part in before:
        if result.fund.zeile.nr - part.fund.zeile.nr > _LINES_ROUND or part.richtung or part.fund.zahl.wert < 0:
            return None
        run.insert(0, part)
        total += part.wert
        if total > result.wert:
            return None
        if len(run) >= 2 and total == result.wert:
            return stated.new(betraege.rechnung("summe", run, result))
    return None


def _consequence(fund: Fund) -> bool:
    """The words before a € figure, in its sentence, call it what follows („ist damit“, „also noch“)."""
    return fund.zahl.einheit == "€" and _CONSEQUENCE.search(_sentence_before(fund)) is not None


def _difference_right_before(
    amounts: list[Betrag], index: int, stated: Gelesen, with_text: dict[tuple[int, int], int]
) -> Rechnung | None:
    """A round figure the words call a consequence as the earlier of the two amounts right before it less the
    nearer, both within `_TEXT_LINES_ROUND` lines with text, neither a change or typed negative: „Erstattungszinsen
    von 65.000,00 € … Bei einem Haushaltsansatz von 50.000 € ist damit … 15.000 €“ – or none. Amounts in brackets
    deeper than the figure are passed over."""
    result = amounts[index]
    before, _ = betraege.around(amounts, index)
    if len(before) < 2:
        return None
    # amounts in brackets between them are parts of one of them: „Aufwendungen von 398,3 Mio € (darunter … 273,0
    # Mio € und … 59,4 Mio €) stehen Erträgen von 393,9 Mio € gegenüber. … also einen Fehlbedarf von 4,4 Mio €“
    before = [part for part in before if part.fund.zahl.tiefe <= result.fund.zahl.tiefe]
    if len(before) < 2:
        return None
    nearer, earlier = before[0], before[1]
    if any(part.richtung or part.fund.zahl.wert < 0 for part in (nearer, earlier)):
        return None
    place = with_text.get((result.fund.zeile.seite or 0, result.fund.zeile.nr), 0)
    if place - with_text.get((earlier.fund.zeile.seite or 0, earlier.fund.zeile.nr), 0) > _TEXT_LINES_ROUND:
        return None
    if earlier.wert - nearer.wert != result.wert:
        return None
    return stated.new(betraege.rechnung("differenz", [earlier, nearer], result))


def _named_result(fund: Fund) -> bool:
    """The word right after the figure (its unit between at most) calls it what is left or available („noch 766,54 €
    verfügbar“): of two figures of one sentence that give each other, this one is the result – before one cued only
    by a „davon“ before it, which names a part („davon bereits 233,46 €“)."""
    return bool(_RESULT_AFTER.match(fund.zeile.text, fund.zahl.ende, fund.zahl.ende + _LOOK_AFTER))


def _holding(
    around: tuple[list[Betrag], list[Betrag]], result: Betrag, stated: Gelesen, apart: bool = False
) -> Rechnung | None:
    """The nearest searched calculation that gives the figure exactly, does not restate one found before („a = b +
    c“ found, „b = a − c“ is the same) and does not explain the figure through itself."""
    for formel, parts, value in betraege.candidates(around, apart):
        if value == result.wert and (rechnung := stated.new(betraege.rechnung(formel, parts, result))):
            return rechnung
    return None


def _percent_of(
    amounts: list[Betrag],
    index: int,
    around: tuple[list[Betrag], list[Betrag]],
    stated: Gelesen,
) -> Rechnung | None:
    """An amount that is a percentage of another near it, rounded as typed: „Betrag x 20 % = Ergebnis“, „120.000 €
    (20 %)“ with the base a sentence before – or that amount with the percentage added or taken off, or taken out:
    „brutto 29.238 € (netto 24.570 €, Mehrwertsteuer 19 %)“ – the nearest pair that gives it."""
    result = amounts[index]
    if result.fund.zahl.einheit != "€":
        return None
    before, after = betraege.around(amounts, index, einheit="%")
    percents = [p for _, p in sorted([*enumerate(before), *enumerate(after)], key=lambda p: p[0])]
    bases = [b for _, b in sorted([*enumerate(around[0]), *enumerate(around[1])], key=lambda p: p[0])]
    return _applied(result, percents, bases, stated)


def _rate_before(amounts: list[Betrag], index: int) -> tuple[list[Betrag], list[Betrag]]:
    """The percentages before an amount in its line and the `_LINES_GROSS` lines above it, and the amounts in euros
    there, nearest first – the rate and the base a figure of few digits may be worked out from: „Gesamtkosten von
    60 T€ und einem Fördersatz von 80 % … zusammen 12 T€ Eigenmittel“. Running text only, back to the first table
    row; no percentage, and neither list is read."""
    result = amounts[index]
    percents: list[Betrag] = []
    bases: list[Betrag] = []
    for other in reversed(amounts[max(0, index - _AROUND_RATE) : index]):
        far = result.fund.zeile.nr - other.fund.zeile.nr > _LINES_GROSS
        if far or other.fund.zeile.seite != result.fund.zeile.seite or not _prose(other.fund.zeile):
            break
        if other.fund.zahl.einheit == "%":
            percents.append(other)
        elif other.fund.zahl.einheit == "€" and other.fund.zahl.skala == result.fund.zahl.skala:
            bases.append(other)
    return (percents, bases) if percents and _prose(result.fund.zeile) else ([], [])


def _prose(zeile: Zeile) -> bool:
    """A line of running text, no table row: in a table's columns a rate and two amounts meet by their place."""
    return "\t" not in zeile.text and not zeile.lagen and zeile.text.count("|") < 2


def _applied(
    result: Betrag, percents: list[Betrag], bases: list[Betrag], stated: Gelesen, *, together: bool = False
) -> Rechnung | None:
    """The first base and percentage (nearest first) whose share, or the base with it added, taken off or taken out,
    gives the amount rounded as typed; the last three only where the three stand `_LINES_GROSS` lines apart at most
    (netto and brutto, Kosten and Eigenanteil stand together), or `together` says they do."""
    step = result.fund.zahl.schritt
    formeln = (
        ("anteil", lambda b, p: b * p / 100),
        ("aufschlag", lambda b, p: b * (100 + p) / 100),
        ("abzueglich", lambda b, p: b * (100 - p) / 100),
        ("herausgerechnet", lambda b, p: b * 100 / (100 + p)),
    )
    rates = {p.wert for p in percents}
    for formel, value_of in formeln:  # a share first, of whichever pair: the plainest reading
        for base in bases:
            for percent in percents:
                if percent.wert in (0, 100) or base.richtung or base.wert == result.wert:  # „× 100 %“ restates
                    continue
                if formel == "abzueglich" and 100 - percent.wert in rates:
                    continue  # „90 % … 10 %“: the share left is named itself, and read as a share
                near = together or all(
                    abs(b.fund.zeile.nr - result.fund.zeile.nr) <= _LINES_GROSS for b in (base, percent)
                )
                value = value_of(base.wert, percent.wert)
                if (formel == "anteil" or near) and value > 0 and round_half_up(value, step) == result.wert:
                    rechnung = betraege.rechnung(formel, [base, percent], result)
                    if not stated.restates(rechnung):
                        return rechnung
    return None


def _share_of(around: tuple[list[Betrag], list[Betrag]], result: Betrag, stated: Gelesen) -> Rechnung | None:
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
                rechnung = betraege.rechnung("quote", [part, whole], result)
                if not stated.restates(rechnung):
                    return rechnung
    return None


def _one_digit_off(
    around: tuple[list[Betrag], list[Betrag]], result: Betrag, checked: set[tuple[int, int, int]]
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
    for formel, parts, value in betraege.candidates(around):
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
    return betraege.rechnung(
        formel,
        parts,
        result,
        "gefunden bei der Suche unter den Beträgen ringsum; nur diese Rechnung liegt eine Ziffer neben der "
        "getippten Zahl, und ob sie gemeint ist, sagt der Text nicht",
    )


def _typo(value: Decimal, result: Betrag) -> bool:
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
