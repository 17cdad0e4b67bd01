"""Percentages a sentence states: of three figures in a row („x von y = z %“, „z % von y € = x €“, „a € (b €) = z %
gegenüber …“), a share of counts named later („In 29 der 39 Förderfälle … in 75 % der Förderfälle“) and a change
„von … auf …“ in percent. Called from fliesstext.py in its order."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, between, words_before
from vorlagen.nachrechnen.woerter import BOUND, CHANGE_IN_PROSE, SENTENCE_END, WORD

_VON = re.compile(rf"^\s*(?:{WORD}\s+){{0,2}}von\s+(?:insgesamt\s+|den\s+|der\s+|allen\s+)?$")
# „5,8 Mio. € und Nachzahlungen von 1,15 Mio. €“: two parts joined, neither of the other
_JOINED = re.compile(r"\b(?:und|sowie|oder|bzw)\b")
# „von 744.000 € entstehen Mehrkosten von 52.080 €, also 7,0 Prozent“: the second is a change of the first, not its whole
_CHANGE_OF = re.compile(r"\b(?:Mehr|Minder|Steigerung|Erhöhung|Kürzung|Einsparung)\w*", re.IGNORECASE)
_GIVES = re.compile(r"=|\(|\b(?:entspricht|entsprechen|sind|also|ergibt|ergeben|beträgt|betragen|macht)\b")
_AGAINST = re.compile(r"\s*(?:mehr\s+|weniger\s+|Steigerung\s+|Zuwachs\s+|Rückgang\s+)?(?:gegenüber|im Vergleich zu)\b")
_SHARE_OF = re.compile(r"^\s*(?:der|des|von|aus|vom)\b[^\d]{0,60}$")
# „29 der 39 geprüften Förderfälle“ … „75 % der Förderfälle“: a count of a count, and a percentage of the same noun
_COUNT_OF = re.compile(r"\s*(?:der|von)\s+")
_NOUN = r"(?:[a-zäöüß][\wäöüß]*\s+){0,2}([A-ZÄÖÜ][\wäöüß]{3,})"
_COUNTED = re.compile(rf"\s*{_NOUN}")
_PERCENT_OF = re.compile(rf"\s*(?:der|aller)\s+{_NOUN}")
_NOUN_ENDING = 2  # „Förderfälle“, „Förderfällen“: the same noun, inflected
_REACH = 600  # characters after the counts in which their percentage is looked for (the work stays linear)
_SAME_COUNT = "dass der Prozentsatz den Anteil dieser Zahlen meint, sagt der Text nur durch das gleiche Wort"


def percentages(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """Percentages a sentence states: of three figures in a row, then a change „von … auf …“ in percent."""
    return _percentages_of_three(text, figs, at) + _share_of_counts(text, figs, at) + _change_in_percent(text, figs, at)


def _percentages_of_three(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„x von y = z %“, „z % von y € = x €“ and „a € (b €) = z % gegenüber …“."""
    found = []
    for a, b, c in zip(figs, figs[1:], figs[2:]):
        gap = between(text, b, c)
        if (
            a.einheit != "%"
            and b.einheit == a.einheit
            and c.einheit == "%"
            and _VON.match(between(text, a, b))
            and not SENTENCE_END.search(between(text, a, b))  # „… 8.400.000 € veranschlagt. Erträge von …“
            and not _JOINED.search(between(text, a, b))  # „5,8 Mio. € und Nachzahlungen von 1,15 Mio. €“: two parts
            and not _CHANGE_OF.search(between(text, a, b))
            and len(gap.split()) <= 4
            and _GIVES.search(gap)
        ):
            found.append(
                Rechnung(
                    "Anteil in Prozent („x von y = z %“)",
                    "quote",
                    [at(a), at(b)],
                    at(c),
                    f"{a.betrag()} / {b.betrag()} x 100",
                    typ="anteil_prozent",
                )
            )
        elif (
            a.einheit == "%"
            and b.einheit == "€"
            and c.einheit == "€"
            and _SHARE_OF.match(between(text, a, b))
            and not BOUND.search(between(text, a, b))  # „20 % des Eigenanteils, höchstens aber 30.000 €“: a cap
            and not SENTENCE_END.search(gap)  # „… von 17.500.000 €. Gegenüber dem Vorjahreszeitraum (8.736.100 €)“
            and len(gap.split()) <= 5
            and _GIVES.search(gap)
        ):
            found.append(
                Rechnung(
                    "Prozentanteil eines genannten Betrags",
                    "anteil",
                    [at(a), at(b)],
                    at(c),
                    f"{a.betrag()} von {b.betrag()}",
                    typ="prozentanteil",
                )
            )
        elif (
            a.einheit == b.einheit != "%"
            and c.einheit == "%"
            and re.fullmatch(r"\s*\(\s*", between(text, a, b))
            and re.fullmatch(r"\s*\)\s*(?:=|,|\bentspricht|\bd\.\s?h\.)\s*(?:\b(?:eine[rm]?|ein)\s+)?", gap)
            and _AGAINST.match(text, c.ende)
        ):
            found.append(  # „58.549.143 € (52.040.143 €) = 12,5 % gegenüber 2010“: the figure of the year before
                Rechnung(
                    "Veränderung in Prozent gegenüber dem Betrag in Klammern",
                    "steigerung",
                    [at(b), at(a)],
                    at(c),
                    f"({a.betrag()} − {b.betrag()}) / {b.betrag()} x 100",
                    sicher=False,
                    grund="dass der Betrag in Klammern der Vorjahreswert ist, sagt der Satz nicht ausdrücklich",
                    typ="veraenderung_prozent",
                )
            )
    return found


def _share_of_counts(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„In 29 der 39 geprüften Förderfälle … Mit dem Höchstfördersatz in 75 % der Förderfälle …“: two whole counts
    joined by „der“/„von“ before a noun, and a percentage later in the text „der“ the same noun – the first count
    in percent of the second. Unsure: a percentage that does not hold is „nicht eindeutig“ (the same word is all
    that ties them)."""
    found = []
    for index, (a, b) in enumerate(zip(figs, figs[1:])):
        if a.einheit or b.einheit or a.schritt != 1 or b.schritt != 1 or not 0 < a.wert < b.wert:
            continue
        counted = _COUNTED.match(text, b.ende)
        if not _COUNT_OF.fullmatch(between(text, a, b)) or not counted:
            continue
        for after in range(index + 2, len(figs)):  # the figures after the counts, `_REACH` characters on at most
            c = figs[after]
            if c.start > b.ende + _REACH:
                break
            named = _PERCENT_OF.match(text, c.ende) if c.einheit == "%" else None
            if named and _same_noun(named[1], counted[1]):
                found.append(
                    Rechnung(
                        f"Anteil in Prozent („{a.betrag()} der {b.betrag()} {counted[1]}“, „… % der {named[1]}“)",
                        "quote",
                        [at(a), at(b)],
                        at(c),
                        f"{a.betrag()} / {b.betrag()} x 100",
                        sicher=False,
                        grund=_SAME_COUNT,
                        typ="anteil_prozent",
                    )
                )
                break
    return found


# the words right before a percentage that call it the rate of the change named before it: „Das ist eine Steigerung
# von 3.320.282 € oder 5,48 %“, „…, also 6,4 %“, „(+6,4 %)“ – a percentage after other words („der Umlagesatz
# bleibt bei 33,5 %“, „davon trägt das Land 80 %“, „die Preise stiegen um 45 %“) is another rate
_RATE_OF_CHANGE = re.compile(
    r"(?:\b(?:oder|also|somit|mithin|d\.\s?h\.|das sind|dies sind|das ist|dies ist|entspricht|entsprechend|"
    r"ein Plus von|ein Minus von|(?:eine[rnm]?\s+)?(?:Steigerung|Erhöhung|Anstieg|Zunahme|Zuwachs|Rückgang|Senkung|"
    r"Minderung|Abnahme|Reduzierung)\s+(?:von|um))|\()\s*[+\-−]?\s*(?:rund|ca\.|etwa)?\s*$"
)
# a percentage above or below another figure („liegt 12 % unter dem Landesschnitt“) is no rate of the change
_COMPARED = re.compile(r"\s*(?:unter|über|oberhalb|unterhalb|mehr als|weniger als)\b")
# … and no word between the change and the percentage names another rate („der Hebesatz liegt weiterhin bei …“)
_OTHER_RATE = re.compile(r"[a-zäöüß](?:satz|sätze|quote|rate)\b|\b(?:Prozentsatz|Anteil|Förder\w*|Quote|Rate)\b")


def of_something_else(text: str, percent: Zahl) -> bool:
    """The words after a percentage name what it is a share of („8 % der Gebühren“) or compared with („12 % unter
    dem Landesschnitt“): it is no rate of a change named before it."""
    return bool(_PERCENT_OF.match(text, percent.ende) or _COMPARED.match(text, percent.ende))


def _rate_of(text: str, new: Zahl, percent: Zahl) -> bool:
    """The percentage stands after the new amount, the words right before it call it the change's rate, none between
    names another rate, and none after it names what else it is a rate of (`of_something_else`)."""
    if percent.start < new.ende or of_something_else(text, percent):
        return False
    gap = text[new.ende : percent.start]
    return bool(_RATE_OF_CHANGE.search(gap)) and not _OTHER_RATE.search(gap)


def _same_noun(one: str, other: str) -> bool:
    shorter, longer = sorted((one.lower(), other.lower()), key=len)
    return len(longer) - len(shorter) <= _NOUN_ENDING and longer.startswith(shorter[: len(longer) - _NOUN_ENDING])


def _change_in_percent(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    """„Steigerung von a € auf b €, also z %“: the one percentage of a sentence that names a change from … to …."""
    found = []
    change = CHANGE_IN_PROSE.search(text)
    if change:
        for a, b in zip(figs, figs[1:]):
            if (
                a.einheit == b.einheit != "%"
                and re.search(r"\bvon(?:\s+bisher)?\s*$", words_before(text, a))
                and re.match(r"^\s*(?:[\wÄÖÜäöüß.]+\s+){0,2}auf\s*$", between(text, a, b))
            ):
                percents = [z for z in figs if z.einheit == "%"]
                if len(percents) == 1 and _rate_of(text, b, percents[0]):
                    found.append(
                        Rechnung(
                            f"Veränderung in Prozent („{change[0]} von … auf …“)",
                            "steigerung",
                            [at(a), at(b)],
                            at(percents[0]),
                            f"({b.betrag()} − {a.betrag()}) / {a.betrag()} x 100",
                            typ="veraenderung_prozent",
                        )
                    )
                break
    return found
