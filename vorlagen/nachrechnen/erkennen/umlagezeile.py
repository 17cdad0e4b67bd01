"""An Umlage as a list states it line by line: „Umlagegrundlagen 2025: 4.519.300 €“, then the rate in a sentence
(„Der Kreistag hat den Hebesatz der Kreisumlage … beschlossen. Er beträgt 39,8 %.“), then „Kreisumlage 2025:
1.798.681 €“ – the Umlage is the Umlagegrundlage times the rate, rounded as it is typed.

Read only where the lines say so: the Umlage's line is labelled with an Umlage („Kreisumlage“, „Amtsumlage 2025“, not
„… je Einwohner“, „einschl.“, „abzgl.“) and holds one amount in euros; the nearest line with a figure above it holds
the rate – one percentage above nought up to a hundred, its line or the line before it naming a rate or an Umlage
(„Hebesatz“, „Umlagesatz“, „Amtsumlage auf 33,2 % festgesetzt“); the nearest line above the rate labelled with the
base („Umlagegrundlage“, „Bemessungsgrundlage“, „Umlagekraft“) holds one amount in euros. Where the two labels name
years, they name the same; the rate's line names no earlier time („Im Vorjahr betrug der Hebesatz …“) and no
amount, and no base of another amount stands above. Then a mismatch is a slip – a rate applied to another amount (the
Steuerkraftmesszahl alone) is one; an Umlage typed in full hundreds or thousands of an exact amount that is not is
rounded (vorlagen/nachrechnen/aufbau/gerundet.py, full_unit). Every look is bounded: a number of lines above each Umlage."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

_LEVY = re.compile(r"^\W*[\wäöüß-]*umlage\b[^:]{0,30}:?\s*$", re.IGNORECASE)
_BASE = re.compile(r"^\W*(?:[\wäöüß-]*\s)?(?:Umlagegrundlagen?|Bemessungsgrundlagen?|Umlagekraft)\b", re.IGNORECASE)
_RATE_WORDS = re.compile(r"satz|umlage", re.IGNORECASE)
_OTHER = re.compile(r"\bje\b|\bpro\b|einschl|inkl|zzgl|zuzügl|abzgl|abzügl|Sonder|Mehr|Minder|Veränderung", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_EARLIER = re.compile(r"Vorjahr|bisher|früher|zuvor|vorher|damals|ursprünglich", re.IGNORECASE)
_LOOK_UP = 15  # lines above the rate looked at for the base


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for index, zeile in enumerate(zeilen):
        levy = _labelled_amount(zeile, _LEVY)
        if levy is None or _OTHER.search(_label(zeile, levy)) or Fund(zeile, levy).key in taken:
            continue
        above = next((i for i in range(index - 1, max(-1, index - 4), -1) if zeilen[i].zahlen), None)
        if above is None:
            continue
        rate = _rate(zeilen, above)
        base = _base(zeilen, above) if rate is not None else None
        if rate is None or base is None or not _same_year(base, (zeile, levy)):
            continue
        base_line, base_zahl = base
        allowance, reason = gerundet.full_unit(levy, base_zahl.wert * rate.wert / 100)
        found.append(
            Rechnung(
                "Umlage als Umlagegrundlage mal Hebesatz, Zeile für Zeile genannt",
                "anteil",
                [Fund(base_line, base_zahl), Fund(zeilen[above], rate)],
                Fund(zeile, levy),
                f"{base_zahl.betrag()} x {rate.betrag()}",
                rang=2,
                typ="umlagezeile",
                toleranz=allowance,
                rundungsgrund=reason,
            )
        )
    return found


def _labelled_amount(zeile: Zeile, label: re.Pattern[str]) -> Zahl | None:
    """The line's one amount in euros, after a label of the kind („Kreisumlage 2025: 1.798.681 €“)."""
    money = [z for z in zeile.zahlen if z.einheit == "€"]
    if len(money) != 1 or len([z for z in zeile.zahlen if not _YEAR.fullmatch(z.text)]) != 1 or money[0].tiefe:
        return None
    return money[0] if label.match(_label(zeile, money[0])) else None


def _label(zeile: Zeile, zahl: Zahl) -> str:
    return zeile.text[: zahl.start]


def _rate(zeilen: list[Zeile], index: int) -> Zahl | None:
    """The one rate of the line – of no other year („Im Vorjahr betrug der Hebesatz 41,2 %.“) and on no line of an
    amount („Kreisumlage Vorjahr (Hebesatz 40,5 %): 1.782.851 €“)."""
    rates = [z for z in zeilen[index].zahlen if z.einheit == "%"]
    if len(rates) != 1 or not 0 < rates[0].wert <= 100 or any(z.einheit == "€" for z in zeilen[index].zahlen):
        return None
    if _EARLIER.search(zeilen[index].text):
        return None
    words = zeilen[index].text + (zeilen[index - 1].text if index else "")
    return rates[0] if _RATE_WORDS.search(words) else None


def _base(zeilen: list[Zeile], rate: int) -> tuple[Zeile, Zahl] | None:
    """The nearest base above the rate – none where another base of another amount stands above it too
    („Umlagegrundlagen 2025: …“ and „Umlagegrundlagen 2024: …“: which one a levy without a year is of, is open)."""
    bases = [
        (zeile, zahl)
        for zeile in reversed(zeilen[max(0, rate - _LOOK_UP) : rate])
        if (zahl := _labelled_amount(zeile, _BASE)) is not None
    ]
    return bases[0] if bases and all(z.wert == bases[0][1].wert for _, z in bases) else None


def _same_year(base: tuple[Zeile, Zahl], levy: tuple[Zeile, Zahl]) -> bool:
    years = [set(_YEAR.findall(_label(zeile, zahl))) for zeile, zahl in (base, levy)]
    return not (years[0] and years[1]) or years[0] == years[1]
