"""Calculations written in sentences: percentages, shares of a total, stated differences, yearly sums (teilbetraege)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.erkennen import (
    abzug,
    planabweichung,
    prozentsaetze,
    teilbetraege,
    umrateauf,
    verteilung,
    vonumauf,
)
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, words_before
from vorlagen.nachrechnen.woerter import CHANGE_IN_PROSE, SENTENCE_END

_PER_HEAD = re.compile(r"Pro-Kopf|\b(?:je|pro)\s+Einwohner|\bEinwohnern\b", re.IGNORECASE)
_DIFF = re.compile(
    r"Differenz|Unterschied|Abweichung|Mehrkosten|Minderkosten|Mehrbedarf|Minderbedarf|Mehraufwand|"
    r"Minderaufwand|Einsparung|mehr als|weniger als"
)
# words that name what is left of two amounts: a difference only confirmed, as the roles of the figures are a guess
# „ein Aufkommen von A gegenüber B im Jahr 2024, also eine Veränderung um C“: the two compared, then their change
# „… von 221.035 €, bisher waren es 781.948 €; das ist eine Verbesserung um 560.913 €“: the earlier amount named so
_AGAINST = re.compile(
    r"^\s*(?:gegenüber|im\s+Vergleich\s+zu|verglichen\s+mit)\s+$"
    r"|^[^\d.;€]{0,12}[,;]\s*(?:bisher|zuvor|vorher|im\s+Vorjahr)\s+(?:waren\s+es|war\s+es|betrug\s+\w+)\s+$"
)
_CHANGE_BY = re.compile(
    r"^[^.;€]{0,40}?[,;]\s*(?:also|somit|mithin|d\.\s?h\.|(?:das|dies)\s+(?:ist|sind|bedeutet)(?:\s+(?:ebenfalls|also))?)"
    r"\s+(?:eine[rn]?\s+)?(?:Veränderung|Differenz|Unterschied|Steigerung|Zunahme|Anstieg|Rückgang|Abnahme|Minderung|"
    r"Verbesserung|Verschlechterung|Mehr\w*|Minder\w*)\s+(?:um|von)\s+$"
)
_BETTER = re.compile(r"Verbesserung|Verschlechterung")  # a change of a result: a difference, but only a guess
_NAMED_BEFORE = 20  # characters before an amount that name it
_REMAINDER = re.compile(
    r"\b(?:Eigenanteil|Restbetrag|Rest|verbleib\w*|übrig|fehlen|Fehlbetrag|Ergebnis|"
    r"Jahresergebnis|Jahresgewinn|Jahresfehlbetrag|Überschuss|Zuschussbedarf|Fehlbedarf|\w*[Dd]efizit|Nettoaufwand|"
    r"Unterdeckung|Überdeckung)\b"
)
_FROM = re.compile(r"\bvon\s*$")
_UM = re.compile(r"\bum\s*$")
_UM_FROM = re.compile(r"^\s*(?:[A-Za-zÄÖÜäöüß.]+\s+){0,2}von\s*$")
_TO = re.compile(r"^\s*(?:[\wÄÖÜäöüß.]+\s+){0,2}auf\s*$")
_BY = re.compile(
    r"^\s*(?:[A-Za-zÄÖÜäöüß.]+)?\s*[,;]?\s*(?:(?:also|d\.\s?h\.|das heißt|mithin|somit|und damit|damit|"
    r"insgesamt|ein Plus|"
    r"ein Minus|eine Steigerung|ein Anstieg|ein Rückgang|eine Minderung)\s+){0,2}um\s*$"
)
# the rate of a change right after its new amount: „auf 4.800.000 € (+6,4 %)“, „…, das sind 6,4 %“, „…, ein Minus
# von 12,0 %“ – signed where a sign is typed
_BY_RATE = re.compile(
    r"^\s*(?:\(\s*|[,;]\s*(?:das sind|dies sind|das entspricht|dies entspricht|ein Plus von|ein Minus von|"
    r"eine Steigerung von|ein Anstieg von|ein Zuwachs von|ein Rückgang von|eine Minderung von)\s+)(?P<sign>[+\-−]?)\s*$"
)
_PER_PERIOD = re.compile(
    r"^\s*(?:(?:im|pro|je)\s+(?:Monat|Jahr|Quartal|Woche|Tag|Kopf|Einwohner\w*|Person|Kind|Haushalt)\b|"
    r"(?:monatlich|jährlich|wöchentlich|täglich)\b)"
)


def checks(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """Every calculation the text states in words (the first one found for a result counts)."""
    return (
        vonumauf.checks(text, figs, at)
        + umrateauf.checks(text, figs, at)
        + _from_to_by(text, figs, at)
        + _rates_after_change(text, figs, at)
        + _change_and_rate_after_new(text, figs, at)
        + _change_and_rate_after_old(text, figs, at)
        + planabweichung.checks(text, figs, at)
        + abzug.checks(text, figs, at)
        + verteilung.in_sentence(text, figs, at)
        + prozentsaetze.percentages(text, figs, at)
        + _shares(text, figs, at)
        + _differences(text, figs, at)
        + teilbetraege.checks(text, figs, at)
    )


def _from_to_by(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """`steigt von 412,5 auf 420,0, also um 7,5` (any unit) and `… also um 1,82 %`: the change stated beside the
    two figures it lies between."""
    found = []
    for c, a, b in zip(figs, figs[1:], figs[2:]):  # "um 24.300 Euro von 252.900 Euro auf 277.200 Euro"
        if (
            c.einheit == a.einheit == b.einheit != "%"
            and _UM.search(words_before(text, c))
            and _UM_FROM.match(between(text, c, a))
            and _TO.match(between(text, a, b))
        ):
            found.append(
                Rechnung(
                    "Veränderung „um … von … auf …“",
                    "differenz",
                    [at(b), at(a)],
                    at(c),
                    f"{b.betrag()} − {a.betrag()}",
                    typ="von_auf_um",
                )
            )
    for a, c, b in zip(figs, figs[1:], figs[2:]):  # "von 66,0 um 20,0 auf 86,0"
        # with its verb, vonumauf.py checks the new amount
        if _from_by_to(text, a, c, b) and not vonumauf.verb_named(text, a, b):
            found.append(
                Rechnung(
                    "Veränderung „von … um … auf …“",
                    "differenz",
                    [at(b), at(a)],
                    at(c),
                    f"{b.betrag()} − {a.betrag()}",
                    typ="von_auf_um",
                )
            )
    for a, b, c in zip(figs, figs[1:], figs[2:]):
        if not (
            a.einheit == b.einheit != "%" and _FROM.search(words_before(text, a)) and _TO.match(between(text, a, b))
        ):
            continue
        rate = _rate_after(text, a, b, c, at)
        if rate is not None:
            found.append(rate)
            continue
        if not _BY.match(between(text, b, c)):
            continue
        if c.einheit == a.einheit:
            found.append(
                Rechnung(
                    "Veränderung „von … auf …, also um …“",
                    "differenz",
                    [at(b), at(a)],
                    at(c),
                    f"{b.betrag()} − {a.betrag()}",
                    typ="von_auf_um",
                )
            )
        elif c.einheit == "%" and not prozentsaetze.of_something_else(text, c):
            found.append(
                Rechnung(
                    "Veränderung in Prozent („von … auf …, also um … %“)",
                    "steigerung",
                    [at(a), at(b)],
                    at(c),
                    f"({b.betrag()} − {a.betrag()}) / {a.betrag()} x 100",
                    typ="veraenderung_prozent",
                )
            )
    return found


def _rate_after(text: str, old: Zahl, new: Zahl, rate: Zahl, at: At) -> Rechnung | None:
    """The rate of a change right after its new amount („auf 4.800.000 € (+6,4 %)“, „…, das sind 6,4 %“), signed
    where a sign is typed; None where none stands there."""
    words = _BY_RATE.match(between(text, new, rate)) if rate.einheit == "%" else None
    if words is None or prozentsaetze.of_something_else(text, rate):  # „das sind 10 % der Einzahlungen“
        return None
    return Rechnung(
        "Veränderung in Prozent („von … auf … (… %)“)",
        "steigerung",
        [at(old), at(new)],
        at(rate),
        f"({new.betrag()} − {old.betrag()}) / {old.betrag()} x 100",
        betrag=not (words["sign"] or rate.wert < 0),
        typ="veraenderung_prozent",
    )


def _rates_after_change(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„von 4.512.300 € um 287.700 € auf 4.800.000 €, das sind 6,4 %“: the rate after the new amount of a change
    written with all three figures."""
    found = []
    for a, c, b, d in zip(figs, figs[1:], figs[2:], figs[3:]):
        if _from_by_to(text, a, c, b) and (rate := _rate_after(text, a, b, d, at)) is not None:
            found.append(rate)
    return found


# „steigen damit auf 1.519.900 €, das sind 235.900 € oder 18,4 % mehr als 2023“: the change and its rate right after
# the new amount; the old one is the new less the change (a rise) or with it (a fall)
_AFTER_NEW = re.compile(r"^\s*[,;]\s*(?:das sind|dies sind|also|d\.\s?h\.|somit)\s+(?:rund\s+|ca\.\s+)?$")
_OR_RATE = re.compile(r"^\s*(?:oder|bzw\.|beziehungsweise)\s+(?:rund\s+|ca\.\s+)?$")
_DIRECTION = re.compile(r"^\s*(?:(?P<up>mehr|höher)|(?P<down>weniger|niedriger))\b")


def _change_and_rate_after_new(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„auf 1.519.900 €, das sind 235.900 € oder 18,4 % mehr“: the rate is the change in percent of the old amount,
    the new one less the change („weniger“: with it) – sure, the sentence names all three and the direction."""
    found = []
    for new, change, rate in zip(figs, figs[1:], figs[2:]):
        direction = _DIRECTION.match(text[rate.ende :]) if rate.einheit == "%" else None
        if (
            direction is None
            or not (new.einheit == change.einheit != "%")
            or new.wert <= 0
            or change.wert <= 0
            or not re.search(r"\bauf\s*$", words_before(text, new))
            or not _AFTER_NEW.match(between(text, new, change))
            or not _OR_RATE.match(between(text, change, rate))
        ):
            continue
        rise = bool(direction["up"])
        found.append(
            Rechnung(
                "Veränderung in Prozent nach dem neuen Betrag („auf …, das sind … oder … % mehr“)",
                "quote",
                [at(change), at(new), at(change)],
                at(rate),
                f"{change.betrag()} / ({new.betrag()} {'−' if rise else '+'} {change.betrag()}) × 100",
                vorzeichen=[1, 1, -1 if rise else 1],
                typ="veraenderung_prozent",
            )
        )
    return found


# „(bisher 2,41 €/m³) um 0,13 €/m³ bzw. 5,4 %“: the old amount, then the change as an amount and as a rate
_OLD_NAMED = re.compile(r"\b(?:bisher|bislang|zuvor|von)\s*:?\s*$")
_AMOUNT_THEN_RATE = re.compile(r"^\s*(?:/\s*[\wÄÖÜäöüß³²]+\s*)?(?:bzw\.|beziehungsweise|oder)\s+(?:um\s+)?$")
_BY_AFTER_OLD = re.compile(r"^\s*(?:/\s*[\wÄÖÜäöüß³²]+)?\s*\)?\s*(?:[,;]\s*)?(?:also\s+|somit\s+|damit\s+)?um\s+$")


def _change_and_rate_after_old(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„(bisher 2,41 €/m³) um 0,13 €/m³ bzw. 5,4 %“: the rate is the change in percent of the old amount named right
    before it – sure, the sentence names the old amount, the change and the rate in one breath."""
    found = []
    for old, change, rate in zip(figs, figs[1:], figs[2:]):
        if (
            rate.einheit != "%"
            or not (old.einheit == change.einheit != "%")
            or old.wert <= 0
            or not _OLD_NAMED.search(words_before(text, old))
            or not _BY_AFTER_OLD.match(between(text, old, change))
            or not _AMOUNT_THEN_RATE.match(between(text, change, rate))
        ):
            continue
        found.append(
            Rechnung(
                "Veränderung in Prozent des bisherigen Betrags („bisher …, um … bzw. … %“)",
                "quote",
                [at(change), at(old)],
                at(rate),
                f"{change.betrag()} / {old.betrag()} × 100",
                typ="veraenderung_prozent",
            )
        )
    return found


def _from_by_to(text: str, old: Zahl, by: Zahl, new: Zahl) -> bool:
    """„von 66,0 um 20,0 auf 86,0“: three figures of one unit, no percentage, in this order and with these words."""
    return (
        by.einheit == old.einheit == new.einheit != "%"
        and _FROM.search(words_before(text, old)) is not None
        and re.fullmatch(r"\s*um\s*", between(text, old, by)) is not None
        and re.fullmatch(r"\s*auf\s*", between(text, by, new)) is not None
    )


def _shares(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """`Gesamtkosten 500.000 €: Land 80 % (400.000 €), Kreis 20 % (100.000 €)` – shares adding up to 100 %."""
    pairs, paired = [], set()
    for a, b in zip(figs, figs[1:]):
        if (
            {a.einheit, b.einheit} == {"%", "€"}
            and re.fullmatch(r"\s*\(\s*", between(text, a, b))
            and a.start not in paired
        ):
            percent, amount = (a, b) if a.einheit == "%" else (b, a)
            pairs.append((percent, amount))
            paired |= {a.start, b.start}
    totals = [z for z in figs if z.einheit == "€" and z.tiefe == 0 and z.start not in paired]
    if len(pairs) < 2 or len(totals) != 1 or sum(abs(p.wert) for p, _ in pairs) != 100:
        return []
    total = totals[0]
    return [
        Rechnung(
            "Anteil an einer genannten Gesamtsumme (Anteile zusammen 100 %)",
            "anteil",
            [at(p), at(total)],
            at(x),
            f"{p.betrag()} von {total.betrag()}",
            typ="anteile_gesamtsumme",
        )
        for p, x in pairs
    ]


def _differences(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """`Die Differenz zwischen A und B beträgt C`, `Steigerung von A auf B, also um C`."""
    remainder = not _DIFF.search(text) and not CHANGE_IN_PROSE.search(text) and not _BETTER.search(text)
    if remainder and not _REMAINDER.search(text):
        return []
    money = [z for z in figs if z.einheit == "€" and z.tiefe == 0]
    if remainder and len(money) == 2:  # „Aufwendungen von 539.800 Euro (Zuschussbedarf 480.300 Euro)“
        money = [z for z in figs if z.einheit == "€" and z.tiefe <= 1]
    if len(money) != 3:
        return []
    a, b, c = money
    if _PER_PERIOD.match(text[c.ende : c.ende + 40]):
        return []  # „…, das sind 34,40 € im Monat“: a share per month or per head, no difference
    if _PER_HEAD.search(text, b.ende, c.ende + 40):
        return []  # „… von A auf B. Bei 7.215 Einwohnern entspricht dies einer Pro-Kopf-Verschuldung von C“
    rates_between = [z for z in figs if b.ende <= z.start < c.start and z.einheit == "%"]
    if rates_between and SENTENCE_END.search(text, b.ende, c.start):
        return []  # „… von A auf B. Die Mindestrücklage von 2 % … beträgt C“: C is worked out of a rate
    if all(_DIFF.search(text[max(0, z.start - _NAMED_BEFORE) : z.start]) for z in money):
        return []  # „– Minderaufwand: 5.000,00 €“ on three lines of a Deckung: a list of items named alike
    explicit = bool(
        re.search(r"\bzwischen\s*$", words_before(text, a))
        and re.match(r"^\s*und\s*$", between(text, a, b))
        or re.search(r"\bvon\s*$", words_before(text, a))
        and re.match(r"^\s*auf\s*$", between(text, a, b))
        or _AGAINST.match(between(text, a, b))
        and _CHANGE_BY.match(between(text, b, c))
    )
    big, small = (a, b) if abs(a.wert) >= abs(b.wert) else (b, a)
    rechnung = Rechnung(
        "genannte Differenz zweier genannter Beträge",
        "differenz",
        [at(a), at(b)],
        at(c),
        f"{big.betrag()} − {small.betrag()}",
        sicher=explicit and not remainder,
        grund="welche zwei Beträge verglichen werden, sagt der Satz nicht ausdrücklich" if _DIFF.search(text) else "",
        typ="differenz",
    )
    return [rechnung]


def sentence_spans(text: str, ends: re.Pattern[str] = SENTENCE_END) -> list[tuple[int, int]]:
    """Where each sentence of a line begins and ends (the last runs to the line's end)."""
    spans, start = [], 0
    for match in ends.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    return [*spans, (start, len(text))]
