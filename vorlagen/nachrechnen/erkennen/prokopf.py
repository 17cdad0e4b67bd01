"""An amount per inhabitant a sentence states of an amount it points back to: „Der Schuldenstand beträgt zum 31.12.2025
voraussichtlich 7.408.000,00 €. Bei 8.214 Einwohnern entspricht dies einer Pro-Kopf-Verschuldung von 901,87 €.“ –
the amount divided by the inhabitants, rounded as the amount per head is typed.

Read only where the words say it: the sentence names the amount per head („Pro-Kopf-Verschuldung von“, „… € je
Einwohner“) and the inhabitants, once, as a count right before „Einwohner“; the amount divided is the one other
amount in euros of the sentence before it (under „Pro-Kopf-…“ only: „… € je Einwohner“ there is jeeinheit's), or – where the sentence points back („dies“, „das“) and names no other amount – the
last amount of the sentence right before it; no word of another base („einschließlich der Eigenbetriebe“,
„Landesdurchschnitt“). Then a mismatch is a slip – unless the amount is typed rounded („rund 79,7 Mio. €“):
then the reading only confirms. Every look is bounded: one sentence and the
one before it."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.satzfolge import Satz, sentences
from vorlagen.nachrechnen.lesen.zahlenlesen import look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import CHANGE_BY_ANY_CASE, ROUNDED

# the amount per head named right before it („Pro-Kopf-Verschuldung von“) or right after it („901,87 € je Einwohner“)
_PER_HEAD_BEFORE = re.compile(
    r"\bPro-Kopf-[A-Za-zÄÖÜäöüß]+\s+(?:von\s+|in\s+Höhe\s+von\s+)?(?:rund\s+|ca\.\s+)?$", re.IGNORECASE
)
_PER_HEAD_AFTER = re.compile(r"^\s*(?:€|EUR|Euro)?\s*(?:je|pro)\s+Einwohner(?:in|innen|n)?\b", re.IGNORECASE)
_INHABITANTS = re.compile(r"^\s*Einwohner", re.IGNORECASE)  # „8.214 Einwohnern“, „8.214 Einwohnerinnen und …“
_PER_HEAD_NOUN = re.compile(r"\bPro-Kopf-([A-Za-zÄÖÜäöüß]+)", re.IGNORECASE)  # „Verschuldung“
_NAMING = 80  # characters before an amount in which the words name it
_POINTS_BACK = re.compile(r"\b(?:dies|das|diese[rs]?)\b", re.IGNORECASE)
# a per-head figure of another amount than the one named: with the Eigenbetriebe, against an average
_OTHER_BASE = re.compile(
    r"einschl|inkl|zuzüglich|zzgl|abzüglich|abzgl|Eigenbetrieb|Durchschnitt|Vergleich|Vorjahr|Landes|Bundes",
    re.IGNORECASE,
)
_LOOK = 40  # characters around an amount looked at for the words that name it per head


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    saetze, _ = sentences(zeilen)
    found: list[Rechnung] = []
    for index, satz in enumerate(saetze):
        rechnung = _reading(satz, saetze[index - 1] if index and satz.follows else None)
        if rechnung is not None and rechnung.ergebnis.key not in taken:
            found.append(rechnung)
    return found


def _reading(satz: Satz, before: Satz | None) -> Rechnung | None:
    money = [(at, f) for at, f in satz.figures if f.zahl.einheit == "€"]
    per_head = [(at, f) for at, f in money if _named_per_head(satz, at, f)]
    heads = [f for at, f in satz.figures if f.zahl.einheit == "" and _INHABITANTS.match(satz.after(at, f))]
    if len(per_head) != 1 or len(heads) != 1 or heads[0].zahl.wert <= 0 or _OTHER_BASE.search(satz.text):
        return None
    at, result = per_head[0]
    others = [(a, f) for a, f in money if f is not result]
    if any(a > at or f.zahl.tiefe for a, f in others):
        return None  # „(Landkreis: 1.204,00 €)“: an amount after it or in brackets, a comparison of its own
    # within the sentence only under a word for it („Pro-Kopf-Verschuldung von“); „… € je Einwohner“ after an
    # amount and a count of the same sentence is jeeinheit's guess
    named = bool(_PER_HEAD_BEFORE.search(satz.text[max(0, at - _LOOK) : at]))
    amount = others[0][1] if len(others) == 1 and named else _pointed_at(satz, before) if not others else None
    if amount is None:
        return None
    count = heads[0]
    return Rechnung(
        "Betrag je Einwohner aus dem Betrag und der Zahl der Einwohner, die der Satz nennt",
        "division",
        [amount, count],
        result,
        f"{amount.zahl.betrag()} / {count.zahl.betrag()}",
        sicher=_sure(amount, None if any(f is amount for _, f in satz.figures) else before),
        rang=3,
        typ="prokopf",
    )


def _pointed_at(satz: Satz, before: Satz | None) -> Fund | None:
    """The amount „dies“ points back to: the one amount in euros of the sentence before, its last figure – or, of
    several, the one its words name by the noun of the amount per head, with no other amount between (the
    Schuldenstand for a Pro-Kopf-Verschuldung); none where that is not one (which one is meant, is open)."""
    if before is None or not before.figures or not _POINTS_BACK.search(satz.text):
        return None
    # an amount named a change („um 415.000,00 € auf 7.408.000,00 €“) is not what „dies“ is
    money = [
        (at, f) for at, f in before.figures if f.zahl.einheit == "€" and not CHANGE_BY_ANY_CASE.search(before.text[:at])
    ]
    if len(money) == 1:
        return money[0][1] if before.figures[-1][1] is money[0][1] else None
    # of two amounts, the one the sentence names by the per-head word's noun: „… beträgt der Schuldenstand …
    # 7.408.000,00 €“ for a „Pro-Kopf-Verschuldung“, not the „Tilgungen von 415.000,00 €“ beside it
    noun = _PER_HEAD_NOUN.search(satz.text)
    if noun is None:
        return None
    stem = "schuld" if "schuld" in noun[1].lower() else noun[1].lower()[:6]
    named = [
        f for i, (at, f) in enumerate(money) if stem in before.text[money[i - 1][0] if i else 0 : at].lower()[-_NAMING:]
    ]
    return named[0] if len(named) == 1 else None


def _sure(amount: Fund, before: Satz | None) -> bool:
    """A slip is claimed only where the amount divided is the one amount of its sentence and typed exactly: of
    several („im Vorjahr 6.650.000 € und in diesem Jahr 6.120.500 €“, „Kernhaushalt … Eigenbetriebe“, „dies“ for
    both together) the words may mean another, and „rund 79,7 Mio. €“ gives the amount per head only roughly."""
    rounded = amount.zahl.skala > 1 or ROUNDED.search(look_back(amount.zeile.text, amount.zahl.start, _LOOK))
    alone = before is None or sum(1 for _, f in before.figures if f.zahl.einheit == "€") <= 1
    return alone and not rounded


def _named_per_head(satz: Satz, at: int, fund: Fund) -> bool:
    before = satz.text[max(0, at - _LOOK) : at]
    return bool(_PER_HEAD_BEFORE.search(before) or _PER_HEAD_AFTER.match(satz.after(at, fund)[:_LOOK]))
