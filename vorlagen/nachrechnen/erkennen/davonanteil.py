"""A rate „davon“ of the amount the sentence before ends with, and the amount the sentence after gives for it: „Der
Mehrertrag beträgt …, das sind 1.296.000 €. Über die Umlagen fließen davon 28 % wieder ab. Der abfließende Betrag wird
auf 362.880 € geschätzt.“ – the amount is that rate of the amount before.

Read only where it is one: the rate's sentence holds one figure, the rate, and „davon“ (or „hiervon“) before it; the
sentence before follows on it and ends with an amount; the sentence after follows on the rate's, holds one amount and
points back („Der abfließende Betrag …“, „Das sind …“) and names no other time („des Vorjahres“, „jährlich“, a year –
nor does the rate's sentence). A slip – the search among amounts confirmed a rate of another
amount above before; „nicht eindeutig“ where the rate or the amount is marked as rounded („davon rund 28 %“). Every
look is bounded: three sentences."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.gerundet import marked_approximate
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.satzfolge import Satz, sentences
from vorlagen.nachrechnen.lesen.zeile import Zeile

_OF_THAT = re.compile(r"\b(?:davon|hiervon)\b[^\d]{0,40}$", re.IGNORECASE)
_ENDS = re.compile(r"\s*[.!?]?\s*$")  # the amount ends its sentence
# the sentence after names the amount the rate gives: „Der abfließende Betrag …“, „Das sind …“
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:Das|Dies)\s+(?:sind|wären|ergibt|ergäbe|macht|entspricht)\b|"
    r"(?:Der|Die|Dieser|Diese)\s+(?:\w+\s+){0,2}(?:Betrag|Anteil|Summe|Teil|Rest)\b)"
)
# the amount after is of another time than the one before: „Der Betrag des Vorjahres …“, „Der jährliche Betrag …“
_OTHER_TIME = re.compile(
    r"Vorjahr\w*|vorige[nms]?\s+Jahr\w*|monatlich\w*|jährlich\w*|(?:im|pro|je)\s+(?:Monat|Jahr)\b|\b(?:19|20)\d\d\b"
)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    saetze, _ = sentences(zeilen)
    found: list[Rechnung] = []
    for index in range(1, len(saetze) - 1):
        reading = _reading(saetze[index - 1], saetze[index], saetze[index + 1])
        if reading is not None and reading.ergebnis.key not in taken:
            found.append(reading)
    return found


def _reading(before: Satz, satz: Satz, after: Satz) -> Rechnung | None:
    if not (satz.follows and after.follows) or len(satz.figures) != 1 or not before.figures:
        return None
    at, rate = satz.figures[0]
    if rate.zahl.einheit != "%" or not _OF_THAT.search(satz.text[:at]):
        return None
    base_at, base = before.figures[-1]
    if not base.zahl.geld or not _ENDS.fullmatch(before.after(base_at, base)):
        return None
    money = [(a, f) for a, f in after.figures if f.zahl.einheit != "%"]
    if len(money) != 1 or len(after.figures) != 1 or not money[0][1].zahl.geld:
        return None
    if not _POINTS_BACK.match(after.text) or _OTHER_TIME.search(f"{satz.text} {after.text}"):
        return None
    result_at, result = money[0]
    rounded = marked_approximate(satz.text, at) or marked_approximate(after.text, result_at)
    return Rechnung(
        "Prozentsatz „davon“ des Betrags, mit dem der Satz davor endet, im Satz danach genannt",
        "anteil",
        [base, rate],
        result,
        f"{base.zahl.betrag()} × {rate.zahl.text}",
        sicher=not rounded,
        grund="der Prozentsatz oder der Betrag ist als gerundet bezeichnet" if rounded else "",
        rang=2,
        typ="davonanteil",
    )
