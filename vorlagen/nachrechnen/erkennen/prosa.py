"""Sums and shares a paragraph states in words, read as guesses (only a calculation that holds is confirmed):

- a total split with „davon“ (davonsatz.py);
- a total and the amounts it is made of, joined by „plus“ / „zuzüglich“: „mit 767.500 Euro geplant: dem
  Jahresansatz von 764.000 Euro plus 3.500 Euro Nachzahlung“ – or the amounts first and the total after
  „zusammen“, „insgesamt“, „also“;
- a change in percentage points, „um 0,05 %-Punkte von 24,36 % auf 24,41 %“, or after the rates, „von 34,5 % auf
  35,2 % (+0,7 Prozentpunkte)“ (signed where a sign is typed), and a simple fraction, „2.860 €
  (1/3 von 8.579,96 (2.859,98 €))“;
- a figure „made of“ the figures that open the bullets below it: „Die 14,5 Mehrstellen bestehen aus“, „• 10,5
  Mehrstellen in …“, „• 4,0 Mehrstellen in …“ („nicht eindeutig“ when they do not add up);
- what is added and dropped and its net („14,5 hinzu und 3,0 fallen weg, netto also ein Plus von 11,5“), and the
  level the net changes („steigt damit von 976,5 auf 988,0“);
- a share of an amount named before: „Gesamtkosten von 590.855 €. … bewilligt 443.141 €, das sind 75 % der
  Gesamtkosten“.

The sums and shares are guesses: the words do not say that every part is named, so a mismatch proves nothing and
its figures stay „nicht geprüft“ (the parts of a „davon“ are read closer: davonsatz.py; so are bullets whose parts
exceed their figure). A change in points is sure (a mismatch is a slip) unless a bracket qualifies its first rate; a
fraction that does not hold is „nicht eindeutig“ (its result may be rounded to a round amount). Every look is bounded
(a fixed window before or after a figure), so a line is read in linear time."""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen import davonsatz
from vorlagen.nachrechnen.erkennen.davonsatz import MAX_PARTS, OVERLAP, sum_reading
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, words_before, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import TOTAL_AFTER

# „1.200.000 € festgesetzt, davon entfallen auf 2025 …“: one participle may stand between the total and „davon“
_PLUS = re.compile(r"^[^\d.;:()]{0,40}?\b(plus|zuzüglich|zzgl\.|abzüglich|abzgl\.|minus)\s+(?:rund\s+|ca\.\s+)?$")
_FILLER = re.compile(r"[^\d.;:()]{0,40}")
_HEAD = re.compile(r"^[^\d.;()]{0,40}:[^\d.;:()]{0,40}$")
_SHARE = re.compile(r"(?:das sind|dies sind|das entspricht|dies entspricht|entsprechend|also)\s+$")
_OF_NOUN = re.compile(r"^\s+(?:der|des)\s+([A-ZÄÖÜ][\wäöüß]{3,})")
_NOUN_AMOUNT = re.compile(r"\s*(?:von|in Höhe von|i\.\s?H\.\s?v\.|:|betragen|betrugen|beträgt|betrug)?\s*")
_POINTS_FROM = re.compile(r"\s?-?\s?(?:Prozent)?[Pp]unkte\s+von\s+")
_TO_POINTS = re.compile(r"\s*(\([^\d()]{0,40}\))?\s*auf\s+")
# „von 34,5 % auf 35,2 % (+0,7 Prozentpunkte)“, „…, also um 0,7 Prozentpunkte“: the change after the two rates
_FROM = re.compile(r"\bvon\s+$")
_POINTS_NEXT = re.compile(r"\s*(?:\(|,\s*(?:also|d\.\s?h\.|das\s+sind|somit)\s+(?:um\s+)?)\s*(?P<sign>[+\-−]?)\s*$")
_POINTS_WORD = re.compile(r"[ \u00a0]?(?:-?\s?(?:Prozent)?[Pp]unkte?\b|Prozentpunkt)")
_FRACTION = re.compile(r"(?<![\d.,/])([1-9])\s?/\s?([2-9]|1[0-2])\s+(?:von|aus|der|des)\s+(?=\d)")
_MADE_OF = re.compile(
    r"\b(?:bestehen|besteht|setzen sich|setzt sich)\b[^\d]{0,60}\baus\s*:?\s*$|[,;]\s*(?:davon|hiervon|und zwar)\s*:?\s*$"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_BULLET = re.compile(r"\s*[•▪\-–*]\s+")
_ADDED = re.compile(r"^[^\d]{0,80}\b(?:hinzu|zusätzlich|neu)\b[^\d]{0,30}\bund\s+$")
_DROPPED = re.compile(r"^[^\d]{0,40}\b(?:fallen|fällt|entfallen|entfällt)\b[^\d]{0,40}\b(?:netto|Saldo)\b[^\d]{0,40}$")
_NET = re.compile(r"\b(Plus|Minus|Zuwachs|Rückgang|Saldo)\s+von\s+$|\bum\s+$")
_THEREBY = re.compile(r"\b(?:damit|somit|also)\b[^\d]{0,40}\bvon\s+$")
_LOOK = 300  # characters before a share searched for the amount it is a share of


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.einheit == "€"]
        if len(money) < 2:
            continue
        found += davonsatz.splits(zeile, money) + _chains(zeile, money) + _shares(zeile, money)
    for zeile in zeilen:
        found += _points(zeile) + _points_after(zeile) + _fractions(zeile) + _net(zeile)
    found += _listed(zeilen)
    return found


def _chains(zeile: Zeile, money: list[Zahl]) -> list[Rechnung]:
    """„A € plus B €“ with its total before a colon or after „zusammen“, „insgesamt“, „also“."""
    text, found, i = zeile.text, [], 0
    while i < len(money) - 1:
        chain, signs = [money[i]], [1]
        while i + len(chain) < len(money) and len(chain) <= MAX_PARTS:
            nxt = money[i + len(chain)]
            gap = text[chain[-1].ende : nxt.start]
            word = _PLUS.match(gap)  # „abzüglich 500 €“: zahlen reads the word as the figure's minus
            if nxt.tiefe != chain[0].tiefe or not (word or nxt.minus and _FILLER.fullmatch(gap)):
                break
            chain.append(nxt)
            signs.append(-1 if nxt.minus or word and word[1].startswith(("ab", "minus")) else 1)
        j = i + len(chain)
        if 2 <= len(chain) <= MAX_PARTS:
            before = money[i - 1] if i else None
            after = money[j] if j < len(money) else None
            if before is not None and _HEAD.match(text[before.ende : chain[0].start]):
                found.append(
                    sum_reading("Betrag und seine Teile „… plus …“", zeile, chain, signs, before, "plus_summe")
                )
            elif after is not None and TOTAL_AFTER.match(text[chain[-1].ende : after.start]):
                found.append(sum_reading("Beträge „… plus …“ und ihre Summe", zeile, chain, signs, after, "plus_summe"))
        i = j if len(chain) > 1 else i + 1
    return found


def _shares(zeile: Zeile, money: list[Zahl]) -> list[Rechnung]:
    """„… bewilligt 443.141 €, das sind 75 % der Gesamtkosten“, the Gesamtkosten named with their amount before."""
    text, found, starts = zeile.text, [], [z.start for z in money]
    for percent in (z for z in zeile.zahlen if z.einheit == "%"):
        noun = _OF_NOUN.match(text[percent.ende : percent.ende + 80])
        if not noun or not _SHARE.search(look_back(text, percent.start, 30)):
            continue
        first, last = bisect.bisect_left(starts, percent.start - _LOOK), bisect.bisect_left(starts, percent.start)
        amounts = [z for z in money[first:last] if z.ende <= percent.start]
        if len(amounts) < 2:
            continue
        part = amounts[-1]
        if not re.fullmatch(r"[^\d.;:()]{0,40}", text[part.ende : percent.start]):
            continue
        window = max(0, percent.start - _LOOK)
        named = [window + m.end() for m in re.finditer(rf"\b{re.escape(noun[1])}\b", text[window : part.start])]
        whole = next((z for z in amounts[:-1] if named and _NOUN_AMOUNT.fullmatch(text[named[-1] : z.start])), None)
        if whole is None or not whole.wert:
            continue
        found.append(
            Rechnung(
                f"Anteil an den genannten „{noun[1]}“ („das sind … % der …“)",
                "quote",
                [Fund(zeile, part), Fund(zeile, whole)],
                Fund(zeile, percent),
                f"{part.betrag()} / {whole.betrag()} x 100",
                sicher=False,
                typ="anteil_prozent",
            )
        )
    return found


def _points(zeile: Zeile) -> list[Rechnung]:
    """„steigt um 0,05 %-Punkte von 24,36 % auf 24,41 %“: a change in percentage points and the two rates."""
    text, found = zeile.text, []
    rates = [z for z in zeile.zahlen if z.einheit == "%"]
    for c, a, b in zip(rates, rates[1:], rates[2:]):
        aside = _TO_POINTS.fullmatch(text[a.ende : b.start])
        if not (_POINTS_FROM.fullmatch(text[c.ende : a.start]) and aside):
            continue
        found.append(
            Rechnung(
                "Veränderung in Prozentpunkten „um … Punkte von … auf …“",
                "differenz",
                [Fund(zeile, b), Fund(zeile, a)],
                Fund(zeile, c),
                f"{b.betrag()} − {a.betrag()}",
                sicher=not aside[1],  # „von 24,36 % (ohne Ausschüttung) auf …“: the rates may differ in kind
                grund="der Satz schränkt den Ausgangswert in Klammern ein",
                typ="von_auf_um",
            )
        )
    return found


def _points_after(zeile: Zeile) -> list[Rechnung]:
    """„steigt von 34,5 % auf 35,2 % (+0,7 Prozentpunkte)“: the two rates, then their change in percentage points –
    signed where a sign is typed before it (a fall written „+0,7“ is a slip), else by its amount."""
    text, found = zeile.text, []
    rates = [z for z in zeile.zahlen if z.einheit == "%"]
    for a, b in zip(rates, rates[1:]):
        aside = _TO_POINTS.fullmatch(text[a.ende : b.start])
        c = next((z for z in zeile.zahlen if z.start >= b.ende), None)
        if not (aside and c is not None and _FROM.search(look_back(text, a.start, 8))):
            continue
        before = _POINTS_NEXT.fullmatch(text[b.ende : c.start])
        if before is None or not _POINTS_WORD.match(text, c.ende):
            continue
        signed = bool(before["sign"]) or c.wert < 0  # „+0,7“, „−0,7“: typed with its direction
        shown = f"{b.betrag()} − {a.betrag()}"
        found.append(
            Rechnung(
                "Veränderung in Prozentpunkten „von … auf … (… Prozentpunkte)“",
                "unterschied" if signed else "differenz",
                [Fund(zeile, b), Fund(zeile, a)],
                Fund(zeile, c),
                shown,
                betrag=not signed,
                sicher=not aside[1],
                grund="der Satz schränkt den Ausgangswert in Klammern ein",
                typ="von_auf_um",
            )
        )
    return found


def _fractions(zeile: Zeile) -> list[Rechnung]:
    """„2.860 € (1/3 von 8.579,96 (2.859,98 €))“: a simple fraction of a figure, its result in brackets after the
    figure or the amount the bracket explains."""
    text, found, figs = zeile.text, [], zeile.zahlen
    index = {z.start: i for i, z in enumerate(figs)}
    starts = [z.start for z in figs]
    for match in _FRACTION.finditer(text):  # each looks at the figure after it and the one before: linear
        at = index.get(match.end())
        if at is None or not figs[at].wert:
            continue
        base = figs[at]
        before = bisect.bisect_left(starts, match.start()) - 1
        results = [
            z
            for z, gap in (
                (figs[at + 1], text[base.ende : figs[at + 1].start]) if at + 1 < len(figs) else (None, ""),
                (figs[before], text[figs[before].ende : match.start()]) if before >= 0 else (None, ""),
            )
            if z is not None and re.fullmatch(r"\s*\(\s*", gap)
        ]
        for result in results:
            found.append(
                Rechnung(
                    f"Bruchteil „{match[1]}/{match[2]} von …“",
                    "vielfaches",
                    [Fund(zeile, base)],
                    Fund(zeile, result),
                    f"{match[1]}/{match[2]} von {base.betrag()}",
                    faktor=Decimal(match[1]),
                    nenner=Decimal(match[2]),
                    sicher=False,
                    grund="ob der Betrag genau oder auf einen runden Betrag gerundet ist, sagt der Satz nicht",
                    typ="bruchteil",
                )
            )
    return found


def _listed(zeilen: list[Zeile]) -> list[Rechnung]:
    """„Die 14,5 Mehrstellen bestehen aus“ and bullets each opening with its figure; each line is read once."""
    found: list[Rechnung] = []
    i = 0
    while i < len(zeilen):
        head = zeilen[i]
        i += 1
        figs = [z for z in head.zahlen if not (z.einheit == "" and _YEAR.fullmatch(z.text.strip()))]
        if len(figs) != 1 or not _MADE_OF.search(head.text):
            continue
        total, parts = figs[0], list[Fund]()
        if i < len(zeilen) and not zeilen[i].text.strip():
            i += 1  # a blank line between the sentence and its list (Markdown needs one)
        while i < len(zeilen) and len(parts) <= MAX_PARTS:
            bullet = _BULLET.match(zeilen[i].text)
            item = zeilen[i].zahlen
            if not bullet or not item or item[0].start != bullet.end() or item[0].einheit != total.einheit:
                break
            parts.append(Fund(zeilen[i], item[0]))
            i += 1
        if 2 <= len(parts) <= MAX_PARTS:
            signs = [1] * len(parts)
            # parts that together exceed their whole: one of the figures is wrong, whatever else the list leaves out
            rounding = gerundet.sum_allowance([p.zahl for p in parts] + [total])
            exceed = (
                total.wert > 0
                and all(p.zahl.wert > 0 for p in parts)
                and sum(p.zahl.wert for p in parts) - total.wert > rounding
            )
            # „(stationär und ambulant)“, „einschließlich …“ on an item: it may overlap the others – a guess
            overlapping = any(
                re.search(r"\(", p.zeile.text[p.zahl.ende :]) or OVERLAP.search(p.zeile.text) for p in parts
            )
            found.append(
                Rechnung(
                    "Zahl und die Aufzählung darunter („bestehen aus“, „davon“)",
                    "summe",
                    parts,
                    Fund(head, total),
                    written_sum([p.zahl for p in parts], signs),
                    vorzeichen=signs,
                    sicher=exceed and not overlapping,
                    grund=""
                    if exceed or overlapping
                    else "ob die Aufzählung alle Teile nennt, sagt der Text nicht ausdrücklich",
                    typ="aufzaehlung_summe",
                )
            )
    return found


def _net(zeile: Zeile) -> list[Rechnung]:
    """„14,5 Stellen kommen hinzu und 3,0 fallen weg, netto also ein Plus von 11,5. Die Zahl steigt damit von
    976,5 auf 988,0“: the net change of what is added and dropped, and the level it changes."""
    text, figs, found = zeile.text, zeile.zahlen, []
    for a, b, c in zip(figs, figs[1:], figs[2:]):
        if (
            a.einheit == b.einheit == c.einheit
            and _ADDED.match(text[a.ende : b.start])
            and _DROPPED.match(text[b.ende : c.start])
        ):
            found.append(
                sum_reading("Zugang, Abgang und ihr Saldo („netto“)", zeile, [a, b], [1, -1], c, "saldo_netto")
            )
    for i, (x, y) in enumerate(zip(figs, figs[1:])):
        net = _NET.search(words_before(text, figs[i - 1])) if i else None
        if (
            net is None
            or not figs[i - 1].einheit == x.einheit == y.einheit
            or not _THEREBY.search(look_back(text, x.start, 60, figs[i - 1].ende))
            or not re.fullmatch(r"\s*auf\s*", text[x.ende : y.start])
        ):
            continue
        sign = -1 if net[1] in ("Minus", "Rückgang") else 1
        found.append(
            sum_reading(
                "Stand vorher und die genannte Veränderung", zeile, [x, figs[i - 1]], [1, sign], y, "stand_netto"
            )
        )
    return found
