"""The Deckung of an über- or außerplanmäßige Ausgabe in a paragraph of its own: „Der Stadtrat stellt den Betrag von
629.149,86 Euro überplanmäßig zur Verfügung.“ – next paragraph – „Die Deckung erfolgt in Höhe von 428.483,58 Euro
aus Mehreinnahmen … und in Höhe von 200.666,28 Euro aus allgemeinen Haushaltsmitteln.“ The parts of the Deckung add
up to the Ausgabe of the paragraph before; „… mit dem Rest (1.460.900 €) aus dem Gesamthaushalt“ is the Ausgabe less
the other parts. (Where the Ausgabe and its Deckung share one paragraph, deckung.py reads them.)

One reading only where the paragraphs leave one: the Deckung opens its paragraph, every amount in it is a part
(„in Höhe von“, „mit“, „zu“), it follows the paragraph of the Ausgabe with nothing but blank lines between, and that
paragraph names one amount and calls it über- or außerplanmäßig (or names several, and the words right before one of
them call that one so: „Mit der überplanmäßigen Aufwendung von 62.400 € erhöht sich der Ansatz auf 247.400 €“) –
then a mismatch is a slip. A heading between
(„Deckungsvorschlag:“), the Ausgabe on a line of its own under the sentence that calls it über- or außerplanmäßig,
a rest, or a Deckung said to be partial make the reading „nicht eindeutig“. Every look is bounded."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import DECKUNG_OPENS, OUT_OF_PLAN

_PART = re.compile(
    r"(?:\bin\s+Höhe\s+von|\bi\.\s?H\.\s?v\.|\bmit|\bzu|\bvon|\bRest\s*\(|\bRest(?:betrag)?\s+von|"
    r"\brestliche\w*\s+Betrag(?:es)?\s+von)\s*$"
)
_REST = re.compile(r"(?:\bRest\s*\(|\bRest(?:betrag)?\s+von|\brestliche\w*\s+Betrag(?:es)?\s+von)\s*$")
_PARTIAL = re.compile(
    r"\b(?:teilweise|zum\s+Teil|unter\s+anderem|u\.\s?a\.|insbesondere|beispielsweise|zuerst|zunächst|vorerst|"
    r"ein\s+Teil|übrige\w*|weitere\w*|verbleibende\w*)\b",
    re.IGNORECASE,
)
_NAMED_AUSGABE = re.compile(
    r"(?:über|außer)planmäßige\w*\s+(?:Ausgabe|Aufwendung|Auszahlung|Bereitstellung)\w*\s+"
    r"(?:von|in\s+Höhe\s+von|i\.\s?H\.\s?v\.)\s*$",
    re.IGNORECASE,
)
_LOOK_BACK = 40  # characters before an amount that say it is a part
_MAX_HEADINGS = 2  # lines without figures between the Ausgabe and its Deckung („Deckungsvorschlag:“)
_HEADING_LEN = 40
_MAX_ABOVE = 2  # lines above a lone amount that may call it über- or außerplanmäßig
_MAX_PARTS = 6


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    read = {r.ergebnis.zeile.nr for r in prior if r.typ in ("deckung", "restbetrag")}
    read |= {t.zeile.nr for r in prior if r.typ == "deckung" for t in r.teile}
    found: list[Rechnung] = []
    for at, zeile in enumerate(zeilen):
        if zeile.nr in read or not DECKUNG_OPENS.search(zeile.text):
            continue
        rechnung = _deckung(zeilen, at)
        if rechnung is not None:
            found.append(rechnung)
    return found


def _deckung(zeilen: list[Zeile], at: int) -> Rechnung | None:
    zeile = zeilen[at]
    text = zeile.text
    money = [z for z in zeile.zahlen if z.geld]
    parts = [z for z in money if _PART.search(_before(text, z))]
    rests = [z for z in parts if _REST.search(_before(text, z))]
    if not 2 <= len(parts) <= _MAX_PARTS or len(parts) != len(money) or len(rests) > 1:
        return None
    if any(z.tiefe > 0 and z not in rests for z in parts):
        return None
    if any(OUT_OF_PLAN.search(_before(text, z)) for z in parts):  # the Ausgabe itself: deckung.py's shape
        return None
    ausgabe = _ausgabe(zeilen, at)
    if ausgabe is None:
        return None
    oben, betrag, direkt = ausgabe
    partial = bool(_PARTIAL.search(text))
    if rests:
        others = [z for z in parts if z is not rests[0]]
        teile = [Fund(oben, betrag), *(Fund(zeile, z) for z in others)]
        signs = [1] + [-1] * len(others)
        ergebnis, zeichen = Fund(zeile, rests[0]), written_sum([betrag, *others], signs)
    else:
        teile, signs = [Fund(zeile, z) for z in parts], [1] * len(parts)
        ergebnis, zeichen = Fund(oben, betrag), written_sum(parts, signs)
    sicher = direkt and not rests and not partial
    return Rechnung(
        "Deckung einer über- oder außerplanmäßigen Ausgabe im Absatz danach",
        "summe",
        teile,
        ergebnis,
        zeichen,
        vorzeichen=signs,
        sicher=sicher,
        grund=""
        if sicher
        else "ob die Deckung die ganze Ausgabe des Absatzes davor meint, sagt der Text nicht ausdrücklich",
        rang=2,
        typ="deckungsabsatz",
    )


def _ausgabe(zeilen: list[Zeile], at: int) -> tuple[Zeile, Zahl, bool] | None:
    """The paragraph before the Deckung, its one amount, and whether it calls that amount über- or außerplanmäßig
    with nothing but blank lines between it and the Deckung."""
    headings = 0
    for back in range(at - 1, -1, -1):
        oben = zeilen[back]
        stripped = oben.text.strip()
        if not stripped:
            continue
        if not oben.zahlen:
            headings += 1
            if headings > _MAX_HEADINGS or len(stripped) > _HEADING_LEN or not stripped.endswith(":"):
                return None
            continue
        money = [z for z in oben.zahlen if z.geld]
        if len(money) > 1:  # „Mit der überplanmäßigen Aufwendung von 62.400 € erhöht sich der Ansatz auf 247.400 €“
            named = [z for z in money if z.tiefe == 0 and _named_out_of_plan(oben, z)]
            return (oben, named[0], headings == 0) if len(named) == 1 else None
        if len(money) != 1 or money[0].tiefe > 0:
            return None
        if OUT_OF_PLAN.search(oben.text):
            return oben, money[0], headings == 0
        return (oben, money[0], False) if _called_out_of_plan(zeilen, back) else None
    return None


def _named_out_of_plan(zeile: Zeile, zahl: Zahl) -> bool:
    """The words right before an amount name it the über- or außerplanmäßige Ausgabe: „der überplanmäßigen
    Aufwendung von 62.400 €“ („überplanmäßig 50.000 € für die Schule und 20.000 € für die Kita“ names two)."""
    return _NAMED_AUSGABE.search(look_back(zeile.text, zahl.start, _LOOK_BACK * 2)) is not None


def _called_out_of_plan(zeilen: list[Zeile], at: int) -> bool:
    """A lone amount under the sentence that calls it über- or außerplanmäßig, with no other figure between."""
    seen = 0
    for back in range(at - 1, -1, -1):
        oben = zeilen[back]
        if not oben.text.strip():
            continue
        if any(z.geld for z in oben.zahlen):
            return False
        if OUT_OF_PLAN.search(oben.text):
            return True
        seen += 1
        if seen >= _MAX_ABOVE:
            return False
    return False


def _before(text: str, zahl: Zahl) -> str:
    return look_back(text, zahl.start, _LOOK_BACK)
