"""Calculations whose figures stand in the sentences before: „Zusammen weist Anlage 5 … 3.717.039,51 € aus“ under
two sentences of one amount each, „Für den Landkreis bleiben lediglich 54.249 € übrig“ under the two amounts it is
the difference of, „Die Gesamtkosten stiegen somit auf …“ under a cost and its „Kostenerhöhung“, „mit je
700.200,00 €/p.a.“ for the years of the amount applied for in the sentence above, „Rückgang um 0,1 Mio. € auf
4 Mio. €“ from the figure the sentence before ended with, „Davon entfallen auf … A €, auf … B €“ splitting it.

Where the sentence says what it refers to (a „Kostenerhöhung“ right above „somit auf“, the same years above „je
… p.a.“), a mismatch is a slip. Where only the figures say which amounts are meant, only what holds is confirmed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import OPENS_TOTAL, TOTAL_BEFORE

_SENTENCE = re.compile(r"(?<!\bMio)(?<!\bMrd)(?<!\bTsd)(?<!\bca)(?<!\bNr)(?<!\bbzw)(?<!\brd)[.!?](?=\s+[A-ZÄÖÜ„])")
_LEFT = re.compile(r"\b(?:übrig|verbleib\w*|bleibt|bleiben|fehlen|fehlt|Restbetrag|Rest|restliche[nr]?)\b")
_THEREFORE = re.compile(r"^\s*(?:Damit|Somit|Insgesamt|Dadurch)\b")
_THEREFORE_TO = re.compile(r"\b(?:somit|damit|also)\b[^.]{0,60}\bauf\s*$")
_INCREASE = re.compile(r"\b(?:\w*[Ee]rhöhung|\w*[Ss]teigerung|Mehrkosten|Nachtrag|Mehrbedarf)\b")
_EACH_YEAR = re.compile(r"\bje\s*$")
_PER_YEAR_AFTER = re.compile(r"^\s*(?:/\s*)?(?:p\.\s?a\.|pro Jahr|jährlich)")
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:bis|–|-|—)\s*((?:19|20)\d\d)\b")
_BY_TO = re.compile(r"\bum\s*$")
_TO = re.compile(r"^\s*auf\s*$")
_FROM_BEFORE = re.compile(r"\bvon\s*$")
_SO_THAT = re.compile(r"\bso\s?dass\b")
_NAMED_INCREASE = re.compile(r"\b(?:Steigerung|Erhöhung|Anstieg|Zuwachs)\s+(?:von|um)\s*$")
_DAVON_OPENS = re.compile(r"^\s*(?:Davon|Hiervon)\b")
_REST_NAMED = re.compile(r"\b(?:[Rr]estliche[nr]?|[Üü]brige[nr]?|[Vv]erbleibende[nr]?)\s+(?:\w+\s+)?$")
# „Davon entfallen auf …“, „Davon kommen … aus …“, „Davon sind … für …“: the sentence splits the amount above
_SPLIT_OPENS = re.compile(
    r"^\s*(?:Davon|Hiervon)\s+(?:(?:entfallen|entfällt|entfielen|entfiel)\b(?:[^.]|(?<=\d)\.(?=\d))*?\bauf|(?:kommen|stammen|fließen|sind|werden)\b"
    r"(?:[^.]|(?<=\d)\.(?=\d))*?\b(?:aus|für|auf))\b"  # a dot within the sentence: only a figure's
)
_SOME_PARTS = re.compile(r"\b(?:unter anderem|u\.\s?a\.|insbesondere|beispielsweise|z\.\s?B\.|darunter)")
_WINDOW = 8  # sentences above that may hold the figures
_MAX_FIGURES = 12  # amounts above tried as the parts of a difference


@dataclass(frozen=True)
class _Satz:
    """A sentence: its line, where it starts in the line, its text, and its figures (placed in the line)."""

    zeile: Zeile
    start: int
    text: str
    zahlen: tuple[Zahl, ...]

    def money(self) -> list[Zahl]:
        return [z for z in self.zahlen if z.einheit == "€"]


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    taken = {r.ergebnis.key for r in prior}
    window: list[_Satz] = []
    for zeile in zeilen:
        if not zeile.text.strip():
            window = []
            continue
        if zeile.text.count("\t") >= 2:  # a table row: the table forms read it
            window = []
            continue
        for satz in _sentences(zeile):
            for rechnung in _readings(satz, window[-_WINDOW:]):
                if rechnung.ergebnis.key not in taken or rechnung.sicher:
                    found.append(rechnung)
            window.append(satz)
    return found


def _sentences(zeile: Zeile) -> list[_Satz]:
    text, result, start = zeile.text, [], 0
    for end in [m.end() for m in _SENTENCE.finditer(text)] + [len(text)]:
        figures = tuple(z for z in zeile.zahlen if start <= z.start < end)
        result.append(_Satz(zeile, start, text[start:end], figures))
        start = end
    return result


def _readings(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    rest = _rest_after_davon(satz, above)  # says what the search of _left would only guess
    return (
        _together(satz, above)
        + (rest or _left(satz, above))
        + _therefore(satz, above)
        + _per_year(satz, above)
        + _by_to(satz, above)
        + _steps(satz, above)
        + _so_that(satz, above)
        + _split(satz, above)
    )


def _rest_after_davon(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„… mit einem Überschuss von 361.400 Euro. Davon sind 230.600 Euro für die Tilgung vorgesehen. Die restlichen
    130.800 Euro fließen in Investitionen.“: the rest is the amount the „davon“ points back to – the last of the
    sentence before it – less the share named; the three sentences say each role, so a mismatch is a slip."""
    money = satz.money()
    if len(money) != 1 or len(above) < 2 or not _REST_NAMED.search(_before(satz, money[0])):
        return []
    davon, before = above[-1], above[-2]
    if not _DAVON_OPENS.match(davon.text) or len(davon.money()) != 1 or not before.money():
        return []
    total, share = before.money()[-1], davon.money()[0]
    if share.wert >= total.wert:
        return []
    signs = [1, -1]
    return [
        Rechnung(
            "der Rest nach „Davon …“ des Betrags im Satz davor",
            "summe",
            [_fund(before, total), _fund(davon, share)],
            _fund(satz, money[0]),
            written_sum([total, share], signs),
            vorzeichen=signs,
            rang=3,
            typ="restbetrag",
        )
    ]


def _split(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„Davon entfallen auf die Wasserversorgung 178.000 €, auf die Entwässerung 279.000 € und auf die Straße
    176.000 €.“ under a sentence ending in „… eine Gesamtsumme von 633.000 €“: the amounts split the last amount of
    the sentence above – a slip when that amount is its only one or follows a word for a total, unless the parts
    fall short of it by more than the largest of them: then the „davon“ names only some shares („Davon entfallen
    auf den Beirat Burglesum 73.478 €, auf …“, three of 22) – so too where it says so („unter anderem“) or its
    sentence goes on in the next line. An amount in brackets beside a part („73.478 € (vorher
    61.231 €)“) is no part."""
    parts = [z for z in satz.money() if not _in_brackets(satz, z)]
    if len(parts) < 2 or not above or not _SPLIT_OPENS.match(satz.text) or not above[-1].money():
        return []
    total = above[-1].money()[-1]
    named = len(above[-1].money()) == 1 or TOTAL_BEFORE.search(_before(above[-1], total)) is not None
    named = named and total.wert - sum(z.wert for z in parts) <= max(z.wert for z in parts)
    # „Davon entfielen unter anderem …“ names some parts; a sentence that goes on in the next line („…;“ / „die
    # verbleibenden …“) may name more
    named = named and not _SOME_PARTS.search(satz.text) and satz.text.rstrip().endswith((".", "!", "?"))
    signs = [1] * len(parts)
    return [
        Rechnung(
            "Aufteilung „Davon …“ des Betrags im Satz davor",
            "summe",
            [_fund(satz, z) for z in parts],
            _fund(above[-1], total),
            written_sum(parts, signs),
            vorzeichen=signs,
            sicher=named,
            rang=2,
            typ="verteilung",
        )
    ]


def _in_brackets(satz: _Satz, zahl: Zahl) -> bool:
    """The figure stands inside „( … )“ within its sentence."""
    before = satz.zeile.text[satz.start : zahl.start]
    return before.rfind("(") > before.rfind(")")


def _before(satz: _Satz, zahl: Zahl) -> str:
    return look_back(satz.zeile.text, zahl.start, 60, satz.start)


def _fund(satz: _Satz, zahl: Zahl) -> Fund:
    return Fund(satz.zeile, zahl)


def _together(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„Zusammen … 3.717.039,51 €“ opening a sentence: the single amounts of the sentences above (only confirmed)."""
    money = satz.money()
    if len(money) != 1 or not OPENS_TOTAL.match(satz.text):
        return []
    parts: list[tuple[_Satz, Zahl]] = []
    for other in reversed(above):
        if len(other.money()) != 1:
            break
        parts.insert(0, (other, other.money()[0]))
    readings = []
    for start in range(len(parts) - 1):
        chosen = parts[start:]
        signs = [1] * len(chosen)
        readings.append(
            Rechnung(
                "Summe der Beträge aus den Sätzen davor",
                "summe",
                [_fund(s, z) for s, z in chosen],
                _fund(satz, money[0]),
                written_sum([z for _, z in chosen], signs),
                vorzeichen=signs,
                sicher=False,
                rang=1,
                typ="teilbetraege_summe",
            )
        )
    return readings


def _left(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„… bleiben lediglich 54.249 € übrig“: the difference of two amounts above, or of one and two more (only
    confirmed: the sentence does not say which)."""
    figures = [z for z in satz.zahlen if z.einheit != "%" and not _year(z)]
    if len(figures) != 1 or not _LEFT.search(satz.text):
        return []
    result = figures[0]
    pool = [(s, z) for s in above for z in s.zahlen if z.einheit == result.einheit and not _year(z)][-_MAX_FIGURES:]
    target = abs(result.wert)
    for i, (sa, a) in enumerate(pool):
        rest = [(s, z) for j, (s, z) in enumerate(pool) if j != i and abs(z.wert) < abs(a.wert)]
        for k, (sb, b) in enumerate(rest):
            if abs(a.wert) - abs(b.wert) == target:
                return [_difference(satz, result, [(sa, a), (sb, b)])]
            for sc, c in rest[k + 1 :]:
                if abs(a.wert) - abs(b.wert) - abs(c.wert) == target:
                    return [_difference(satz, result, [(sa, a), (sb, b), (sc, c)])]
    return []


def _year(zahl: Zahl) -> bool:
    return not zahl.einheit and re.fullmatch(r"(?:19|20)\d\d", zahl.text) is not None


def _difference(satz: _Satz, result: Zahl, parts: list[tuple[_Satz, Zahl]]) -> Rechnung:
    signs = [1] + [-1] * (len(parts) - 1)
    return Rechnung(
        "was von einem Betrag darüber bleibt",
        "summe",
        [_fund(s, z) for s, z in parts],
        _fund(satz, result),
        written_sum([z for _, z in parts], signs),
        vorzeichen=signs,
        sicher=False,
        rang=1,
        typ="differenz",
    )


def _therefore(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„Die Gesamtkosten stiegen somit auf B“ under „… Kostenerhöhung in Höhe von C“ under a sentence naming the
    cost A: B = A + C, a slip when it does not hold."""
    money = satz.money()
    if len(money) < 1 or not _THEREFORE_TO.search(_before(satz, money[0])) or len(above) < 2:
        return []
    increase, base = above[-1], above[-2]
    if len(increase.money()) != 1 or not _INCREASE.search(increase.text) or len(base.money()) != 1:
        return []
    a, c = base.money()[0], increase.money()[0]
    return [
        Rechnung(
            "Betrag darüber und genannte Erhöhung („somit auf …“)",
            "summe",
            [_fund(base, a), _fund(increase, c)],
            _fund(satz, money[0]),
            written_sum([a, c], [1, 1]),
            vorzeichen=[1, 1],
            rang=3,
            typ="von_auf_um",
        )
    ]


def _per_year(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„in den Haushaltsjahren 2020-2024 mit je 700.200,00 €/p.a.“ under the amount applied for „2020 – 2024“:
    five years at 700.200,00 € give that amount – a slip when they do not."""
    money = satz.money()
    years = _YEARS.search(satz.text)
    if len(money) != 1 or not years or "insgesamt" in satz.text or not above:
        return []
    each = money[0]
    if not _EACH_YEAR.search(_before(satz, each)) or not _PER_YEAR_AFTER.match(satz.zeile.text[each.ende :]):
        return []
    first, last = int(years[1]), int(years[2])
    stated = above[-1]
    other = _YEARS.search(stated.text)
    if last <= first or len(stated.money()) != 1 or not other or (int(other[1]), int(other[2])) != (first, last):
        return []
    count = last - first + 1
    return [
        Rechnung(
            f"Betrag je Jahr mal {count} Jahre ({first} bis {last}) gegen den Betrag darüber",
            "vielfaches",
            [_fund(satz, each)],
            _fund(stated, stated.money()[0]),
            f"{count} x {each.betrag()}",
            faktor=Decimal(count),
            rang=3,
            typ="betrag_mal_anzahl",
        )
    ]


def _by_to(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„ein weiterer Rückgang um 0,1 Mio. € auf 4 Mio. €“: from the figure the sentence above ended with (only
    confirmed: the sentence does not name it)."""
    figures = satz.zahlen
    for c, b in zip(figures, figures[1:]):
        if (
            c.einheit == b.einheit != "%"
            and _BY_TO.search(_before(satz, c))
            and _TO.match(satz.zeile.text[c.ende : b.start])
            and not _FROM_BEFORE.search(satz.zeile.text[satz.start : c.start])
            and above
        ):
            earlier = [z for z in above[-1].zahlen if z.einheit == c.einheit]
            if earlier:
                a = earlier[-1]
                sign = 1 if abs(b.wert) >= abs(a.wert) else -1
                return [
                    Rechnung(
                        "Veränderung „um … auf …“ vom Betrag davor",
                        "summe",
                        [_fund(above[-1], a), _fund(satz, c)],
                        _fund(satz, b),
                        written_sum([a, c], [1, sign]),
                        vorzeichen=[1, sign],
                        sicher=False,
                        rang=1,
                        typ="von_auf_um",
                    )
                ]
    return []


def _steps(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„Damit steigen die Aufwendungen von 508.500 Euro auf 539.800 Euro“ under a list of „um 24.300 Euro von …
    auf …“: the start and every step above give the end (only confirmed)."""
    if not _THEREFORE.match(satz.text):
        return []
    steps = []
    for other in above:
        figures = other.zahlen
        steps += [
            (other, c)
            for c, a, b in zip(figures, figures[1:], figures[2:])
            if _BY_TO.search(_before(other, c)) and re.match(r"^\s*von\s*$", other.zeile.text[c.ende : a.start])
        ]
    readings = []
    figures = satz.zahlen
    for a, b in zip(figures, figures[1:]):
        if not steps or a.einheit != b.einheit or not _FROM_BEFORE.search(_before(satz, a)):
            continue
        if not _TO.match(satz.zeile.text[a.ende : b.start]):
            continue
        parts = [(satz, a)] + [(s, c) for s, c in steps if c.einheit == a.einheit]
        signs = [1] * len(parts)
        readings.append(
            Rechnung(
                "Veränderung „von … auf …“ um die Schritte darüber",
                "summe",
                [_fund(s, z) for s, z in parts],
                _fund(satz, b),
                written_sum([z for _, z in parts], signs),
                vorzeichen=signs,
                sicher=False,
                rang=1,
                typ="von_auf_um",
            )
        )
    return readings


def _so_that(satz: _Satz, above: list[_Satz]) -> list[Rechnung]:
    """„Zugleich steigen die Erstattungen um B, so dass die Nettoaufwendungen um C steigen“ under „… eine
    Steigerung von A“: C = A − B (only confirmed: that the two increases are of the same whole is a guess)."""
    money = satz.money()
    if len(money) != 2 or not above or not _SO_THAT.search(satz.zeile.text[money[0].ende : money[1].start]):
        return []
    b, c = money
    if not (_BY_TO.search(_before(satz, b)) and _BY_TO.search(_before(satz, c))):
        return []
    named = [z for z in above[-1].money() if _NAMED_INCREASE.search(_before(above[-1], z))]
    if len(named) != 1:
        return []
    a = named[0]
    return [
        Rechnung(
            "Steigerung darüber weniger der Steigerung, die sie mindert („so dass … um …“)",
            "summe",
            [_fund(above[-1], a), _fund(satz, b)],
            _fund(satz, c),
            written_sum([a, b], [1, -1]),
            vorzeichen=[1, -1],
            sicher=False,
            rang=1,
            typ="differenz",
        )
    ]
