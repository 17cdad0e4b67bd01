"""A change stated with its rate in parentheses and the new level: „Die Erlöse erhöhten sich gegenüber dem Vorjahr
um 211.072,87 € (3,32 %) auf 6.557.303,21 €“, also „um 3,32 % (211.072,87 €) auf …“. The earlier level is the new
one less the change (a rise) or plus it (a fall), as the verb of the sentence says; the rate is the change in percent
of that earlier level.

Where the rate holds as the change's share of the new level instead, the text meant that base: read so, as a reading
that is not sure (it holds, so no slip is claimed). Without a verb that names one direction nothing is read.

The rate may follow „bzw.“ or „oder“ instead of a bracket: „… um 38.232 € bzw. 5,5 % auf 733.344 € gestiegen“. And a
rate with both levels, „Die Kosten erhöhen sich um 5,5 % von 695.112 € auf 733.344 €“: the rate is the change of the
levels in percent of the earlier one – read where the verb's direction is the levels' own (a rise to a lower level
says something else)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import At, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.woerter import SENTENCE_END

_BY = re.compile(r"\bum\s*$")
_OPEN = re.compile(r"\s*\(\s*(?:rund\s+|ca\.\s*|etwa\s+|\+\s*|[-−–]\s*)?")
_CLOSE_TO = re.compile(r"\s*\)\s*auf\s*")
_OR = re.compile(r"\s*(?:bzw\.|beziehungsweise|oder)\s+(?:rund\s+|ca\.\s*|etwa\s+|\+\s*|[-−–]\s*)?")
_TO = re.compile(r"\s+auf\s+")
_JOINS = ((_OPEN, _CLOSE_TO), (_OR, _TO))
_FROM = re.compile(r"\s+von\s+")
_OLD_BEFORE = re.compile(r"\s+um\s+")
_UP = re.compile(
    r"\b(?:erhöh\w*|steig\w*|stieg\w*|gestiegen|angestiegen|zugenommen|nahmen?\s+\w+\s+zu|gewachsen|angewachsen|"
    r"wuchs\w*)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:verringer\w*|verminder\w*|sank\w*|sink\w*|gesunken|abgenommen|zurückgegangen|reduzier\w*|gefallen|"
    r"fiel\w*|gesenkt|senkt\w*)\b",
    re.IGNORECASE,
)
_REACH = 160  # characters of the sentence before the change in which its verb stands
_AFTER = 40  # characters after the new level, up to its clause's end („… auf 6.557.303,21 € gestiegen.“)


def checks(text: str, figs: list[Zahl], at: At) -> list[Rechnung]:
    found = []
    for i, (first, second, new) in enumerate(zip(figs, figs[1:], figs[2:])):
        if first.einheit == "%" and second.einheit != "%":
            change, rate = second, first
        elif second.einheit == "%" and first.einheit != "%":
            change, rate = first, second
        else:
            continue
        if change.einheit != new.einheit or change.wert <= 0 or new.wert <= 0 or rate.wert == 0:
            continue
        if not _BY.search(look_back(text, first.start, 8)) or not any(
            opening.fullmatch(text[first.ende : second.start]) and closing.fullmatch(text[second.ende : new.start])
            for opening, closing in _JOINS
        ):
            if rate is first and _FROM.fullmatch(text[first.ende : second.start]):
                found += _rate_from_to(text, rate, second, new, at)
            continue
        if i and _OLD_BEFORE.fullmatch(text[figs[i - 1].ende : first.start]):
            continue  # „von 695.112 € um 38.232 € bzw. 5,5 % auf …“: the earlier level is named (fliesstext.py)
        sign = _direction(text, first, new)
        if sign and (sign < 0 or change.wert < new.wert):  # a rise to a level below the change: no earlier level
            found.append(_reading(change, rate, new, sign, at))
    return found


def _rate_from_to(text: str, rate: Zahl, old: Zahl, new: Zahl, at: At) -> list[Rechnung]:
    """„um 5,5 % von 695.112 € auf 733.344 €“: the rate of the change from the old level to the new one, where the
    verb says the direction the levels take."""
    if not _TO.fullmatch(text[old.ende : new.start]) or old.einheit != new.einheit or old.wert <= 0 or new.wert <= 0:
        return []
    sign = _direction(text, rate, new)
    if not sign or (new.wert - old.wert) * sign <= 0:
        return []
    return [
        Rechnung(
            "Veränderung „um … % von … auf …“ in Prozent des früheren Stands",
            "steigerung",
            [at(old), at(new)],
            at(rate),
            f"({new.betrag()} − {old.betrag()}) / {old.betrag()} x 100",
            typ="veraenderung_rate",
        )
    ]


def _direction(text: str, first: Zahl, new: Zahl) -> int:
    """+1 where the sentence says the level rose, −1 where it fell, 0 where it says neither or both."""
    before = look_back(text, first.start, _REACH)
    ends = list(SENTENCE_END.finditer(before))
    before = before[ends[-1].end() :] if ends else before
    after = re.split(r"[,;:.!?(]", text[new.ende : new.ende + _AFTER], maxsplit=1)[0]  # up to the clause's end
    words = before + " " + after
    up, down = bool(_UP.search(words)), bool(_DOWN.search(words))
    return 0 if up == down else (1 if up else -1)


def _reading(change: Zahl, rate: Zahl, new: Zahl, sign: int, at: At) -> Rechnung:
    share_of_new = Rechnung(
        "Veränderung „um … (… %) auf …“: die Rate in Prozent des neuen Stands",
        "quote",
        [at(change), at(new)],
        at(rate),
        f"{change.betrag()} / {new.betrag()} x 100",
        sicher=False,
        grund="üblich ist die Rate in Prozent des früheren Stands",
        typ="veraenderung_rate",
    )
    if share_of_new.haelt():  # the text's base is the new level: it holds so, and no slip is claimed
        return share_of_new
    return Rechnung(
        "Veränderung „um … (… %) auf …“: die Rate in Prozent des früheren Stands",
        "quote",
        [at(change), at(new), at(change)],
        at(rate),
        f"{change.betrag()} / ({new.betrag()} {'−' if sign > 0 else '+'} {change.betrag()}) x 100",
        vorzeichen=[1, 1, -sign],
        typ="veraenderung_rate",
    )
