"""Calculations written within one line: products, breakdowns, sums, percentages, differences, yearly sums."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from vorlagen.review.nachrechnen.lesen import Zeile
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import Zahl, figures

_WORD = r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß.\-/]*"
_TIMES = re.compile(rf"^\s*(?:{_WORD}\s*)?(?:x|×|\*|mal|à)\s*$")
_EQUALS = re.compile(rf"^\s*(?:{_WORD}\s*)?\)*\s*=\s*$")
_PLUS_MINUS = re.compile(rf"^\s*(?:{_WORD}\s*)?([+\-−]|\./\.)\s*(?:{_WORD}\s*)?$")
_VON = re.compile(rf"^\s*(?:{_WORD}\s+){{0,2}}von\s+(?:insgesamt\s+|den\s+|der\s+|allen\s+)?$")
_GIVES = re.compile(r"=|\(|\b(?:entspricht|entsprechen|sind|also|ergibt|ergeben|beträgt|betragen|macht)\b")
_SHARE_OF = re.compile(r"^\s*(?:der|des|von|aus|vom)\b[^\d]{0,60}$")
_CHANGE = re.compile(r"Steigerung|Erhöhung|Anstieg|Zunahme|Zuwachs|Rückgang|Senkung|Minderung|Abnahme|Reduzierung|"
                     r"Reduktion|Veränderung|steigt|stieg|sinkt|sank|erhöht|gestiegen|gesunken|gesenkt|verringert")
_DIFF = re.compile(r"Differenz|Unterschied|Abweichung|Mehrkosten|Minderkosten|Mehrbedarf|Minderbedarf|Mehraufwand|"
                   r"Minderaufwand|Einsparung|mehr als|weniger als")
_EACH = re.compile(r"\b(?:jeweils|je|pro Jahr|jährlich|jährliche[nrs]?)\b")
_TOTAL = re.compile(r"\b(?:insgesamt|zusammen|in Summe|Gesamtsumme|gesamt)\b")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:bis|–|-|—)\s*((?:19|20)\d\d)\b")
_COUNT = re.compile(r"^\s*(?:Jahre|Jahren|Haushaltsjahre|Haushaltsjahren|Raten|Tranchen)\b")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_GROUP = re.compile(rf"(?P<group>\(\s*\d+(?:,\d+)?(?:\s*\+\s*\d+(?:,\d+)?)+\s*\))(?=\s*(?:{_WORD}\s*)?(?:x|×|\*)\s)")


def between(text: str, a: Zahl, b: Zahl) -> str:
    return text[a.ende:b.start]


def _outside_parens(text: str) -> str:
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", text)
        if shorter == text:
            return text
        text = shorter


def recognise(zeile: Zeile, found: list[Rechnung]) -> set[int]:
    """Adds the calculations of one line to `found`; returns the starts of figures used as inputs."""
    text, figs = zeile.text, _grouped(zeile.text, figures(zeile.text))
    used: set[int] = set()
    fund = lambda z: Fund(zeile, z)  # noqa: E731
    for chain, result, explicit in _products(text, figs):
        shown = " x ".join(z.text if z.text.startswith("(") else _plain(z) for z in chain)
        found.append(Rechnung("Anzahl x Betrag" if result.einheit == "€" else "Produkt", "produkt", [fund(z) for z in chain], fund(result), shown,
                              sicher=explicit or _row_like(text, chain[0], chain[-1], result)))
        used |= {z.start for z in chain}
    for parts, signs, result, art in _sums(text, figs, used):
        shown = _plain(parts[0]) + "".join((" + " if s > 0 else " − ") + _plain(p) for s, p in zip(signs[1:], parts[1:]))
        found.append(Rechnung(art, "summe", [fund(z) for z in parts], fund(result), shown, betrag=True,
                              vorzeichen=signs))
        used |= {z.start for z in parts}
    checks = _percentages(text, figs, zeile) + _shares(text, figs, zeile)
    results = {r.ergebnis.zahl.start for r in found if r.ergebnis.zeile is zeile}
    for rechnung in checks + _differences(text, figs, zeile) + _per_year(text, figs, zeile):
        if rechnung.ergebnis.zahl.start not in used | results:
            found.append(rechnung)
            results.add(rechnung.ergebnis.zahl.start)
            used |= {t.zahl.start for t in rechnung.teile}
    return used


def _grouped(text: str, figs: list[Zahl]) -> list[Zahl]:
    """`(6 + 3) Tage x 1.012 €`: a bracketed sum of counts before `x` is one factor."""
    for match in _GROUP.finditer(text):
        inner = [z for z in figs if match.start() < z.start < match.end("group")]
        if len(inner) >= 2 and not any(z.einheit for z in inner):
            total = sum((z.wert for z in inner), Decimal(0))
            factor = replace(inner[0], wert=total, text=match["group"], start=match.start(), ende=match.end("group"),
                             tiefe=max(0, inner[0].tiefe - 1), schritt=min(z.schritt for z in inner))
            figs = [z for z in figs if z not in inner] + [factor]
    return sorted(figs, key=lambda z: z.start)


def _plain(z: Zahl) -> str:
    return z.zeige(abs(z.wert))


def _products(text: str, figs: list[Zahl]):
    i = 0
    while i < len(figs) - 1:
        j = i
        while j + 1 < len(figs) and _TIMES.match(between(text, figs[j], figs[j + 1])):
            j += 1
        if j == i:
            i += 1
            continue
        chain = figs[i:j + 1]
        money = [z for z in chain if z.einheit == "€"]
        if len(money) > 1 or any(z.einheit == "%" for z in chain):
            i = j + 1
            continue
        result, explicit = None, False
        if j + 1 < len(figs) and _EQUALS.match(between(text, figs[j], figs[j + 1])):
            result, explicit = figs[j + 1], True
        elif i > 0 and re.match(r"^\s*=\s*$", between(text, figs[i - 1], figs[i])):
            result, explicit = figs[i - 1], True
        elif money:
            depth = min(z.tiefe for z in chain)
            later = [z for z in figs[j + 1:] if z.einheit == "€" and z.tiefe <= depth]
            if len(later) == 1 and later[0] is [z for z in figs[j + 1:] if z.tiefe <= depth][-1]:
                result = later[0]
        if result is not None and (result.einheit == (money[0].einheit if money else result.einheit)):
            yield chain, result, explicit
        i = j + 1


def _row_like(text: str, first: Zahl, last: Zahl, result: Zahl) -> bool:
    """`a x b € (Erläuterung)  c €`: a table row – its own cell, or a line that opens with the product."""
    gap = _outside_parens(text[last.ende:result.start])
    if "\t" in gap:
        return True
    opens = re.fullmatch(r"\s*(?:[-−–]|\./\.)?\s*\(?\s*", text[:first.start]) is not None
    return opens and len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", gap)) <= 5


def _sums(text: str, figs: list[Zahl], used: set[int]):
    """`70.091 € (59.583 € PK + 10.508 € SK)` and `a € + b € − c € = d €`."""
    for k, total in enumerate(figs):
        if total.einheit != "€":
            continue
        opening = text[total.ende:].lstrip()
        group_end = text.find(")", total.ende)
        inner = [z for z in figs[k + 1:] if z.tiefe == total.tiefe + 1 and z.einheit == "€"
                 and (group_end < 0 or z.start < group_end)]
        if opening.startswith("(") and len(inner) >= 2:
            if (len(inner) >= 2 and text[total.ende:inner[0].start].strip() == "("
                    and all("+" in between(text, a, b) and not re.search(r"\d|\(|\)", between(text, a, b))
                            for a, b in zip(inner, inner[1:]))):
                yield inner, [1] * len(inner), total, "Aufschlüsselung in Klammern"
    i = 0
    while i < len(figs) - 2:
        j, signs = i, [1]
        while j + 1 < len(figs) and figs[j + 1].einheit == "€" and figs[j].einheit == "€":
            op = _PLUS_MINUS.match(between(text, figs[j], figs[j + 1]))
            if not op:
                break
            signs.append(1 if op[1] == "+" else -1)
            j += 1
        if j > i and j + 1 < len(figs) and figs[j + 1].einheit == "€" and _EQUALS.match(between(text, figs[j], figs[j + 1])):
            yield figs[i:j + 1], signs, figs[j + 1], "Rechnung mit + und − in der Zeile"
            i = j + 2
        else:
            i = max(j, i + 1)


def _percentages(text: str, figs: list[Zahl], zeile: Zeile) -> list[Rechnung]:
    found = []
    for a, b, c in zip(figs, figs[1:], figs[2:]):
        gap = between(text, b, c)
        if (a.einheit != "%" and b.einheit == a.einheit and c.einheit == "%" and _VON.match(between(text, a, b))
                and len(gap.split()) <= 4 and _GIVES.search(gap)):
            found.append(Rechnung("Anteil in Prozent („x von y = z %“)", "quote", [Fund(zeile, a), Fund(zeile, b)],
                                  Fund(zeile, c), f"{_plain(a)} / {_plain(b)} x 100"))
        elif (a.einheit == "%" and b.einheit == "€" and c.einheit == "€" and _SHARE_OF.match(between(text, a, b))
                and len(gap.split()) <= 5 and _GIVES.search(gap)):
            found.append(Rechnung("Prozentanteil eines genannten Betrags", "anteil", [Fund(zeile, a), Fund(zeile, b)],
                                  Fund(zeile, c), f"{_plain(a)} von {_plain(b)}"))
    change = _CHANGE.search(text)
    if change:
        for a, b in zip(figs, figs[1:]):
            if (a.einheit == b.einheit != "%" and re.search(r"\bvon\s*$", text[:a.start])
                    and re.match(r"^\s*(?:[\wÄÖÜäöüß.]+\s+){0,2}auf\s*$", between(text, a, b))):
                percents = [z for z in figs if z.einheit == "%"]
                if len(percents) == 1:
                    found.append(Rechnung(f"Veränderung in Prozent („{change[0]} von … auf …“)", "steigerung",
                                          [Fund(zeile, a), Fund(zeile, b)], Fund(zeile, percents[0]),
                                          f"({_plain(b)} − {_plain(a)}) / {_plain(a)} x 100"))
                break
    return found


def _shares(text: str, figs: list[Zahl], zeile: Zeile) -> list[Rechnung]:
    """`Gesamtkosten 500.000 €: Land 80 % (400.000 €), Kreis 20 % (100.000 €)` – shares adding up to 100 %."""
    pairs, paired = [], set()
    for a, b in zip(figs, figs[1:]):
        if {a.einheit, b.einheit} == {"%", "€"} and re.fullmatch(r"\s*\(\s*", between(text, a, b)) \
                and a.start not in paired:
            percent, amount = (a, b) if a.einheit == "%" else (b, a)
            pairs.append((percent, amount))
            paired |= {a.start, b.start}
    totals = [z for z in figs if z.einheit == "€" and z.tiefe == 0 and z.start not in paired]
    if len(pairs) < 2 or len(totals) != 1 or sum(abs(p.wert) for p, _ in pairs) != 100:
        return []
    total = totals[0]
    return [Rechnung("Anteil an einer genannten Gesamtsumme (Anteile zusammen 100 %)", "anteil",
                     [Fund(zeile, p), Fund(zeile, total)], Fund(zeile, x), f"{_plain(p)} von {_plain(total)}")
            for p, x in pairs]


def _differences(text: str, figs: list[Zahl], zeile: Zeile) -> list[Rechnung]:
    """`Die Differenz zwischen A und B beträgt C`, `Steigerung von A auf B, also um C`."""
    if not _DIFF.search(text) and not _CHANGE.search(text):
        return []
    money = [z for z in figs if z.einheit == "€" and z.tiefe == 0]
    if len(money) != 3:
        return []
    a, b, c = money
    explicit = bool(re.search(r"\bzwischen\s*$", text[:a.start]) and re.match(r"^\s*und\s*$", between(text, a, b))
                    or re.search(r"\bvon\s*$", text[:a.start]) and re.match(r"^\s*auf\s*$", between(text, a, b)))
    rechnung = Rechnung("genannte Differenz zweier genannter Beträge", "differenz", [Fund(zeile, a), Fund(zeile, b)],
                        Fund(zeile, c), f"{_plain(a)} − {_plain(b)}", sicher=explicit)
    return [rechnung]


def _per_year(text: str, figs: list[Zahl], zeile: Zeile) -> list[Rechnung]:
    """`jeweils 20.000 € in den Jahren 2021 bis 2025, insgesamt 100.000 €` and listed yearly tranches."""
    total_word = _TOTAL.search(text)
    if not total_word:
        return []
    after = [z for z in figs if z.einheit == "€" and z.start > total_word.end()
             and len(text[total_word.end():z.start].split()) <= 4]
    if not after:
        return []
    total = after[0]
    before = [z for z in figs if z.einheit == "€" and z.ende <= total_word.start()]
    each = _EACH.search(text)
    if each and len(before) == 1:
        counts = [int(m[2]) - int(m[1]) + 1 for m in _YEAR_RANGE.finditer(text) if int(m[2]) > int(m[1])]
        counts += [int(z.wert) for z in figs if z.einheit == "" and z.wert == int(z.wert) and z.wert > 0
                   and _COUNT.match(text[z.ende:])]
        if len(counts) == 1:
            return [Rechnung(f"Betrag je Jahr mal {counts[0]} Jahre („jeweils … insgesamt“)", "vielfaches",
                             [Fund(zeile, before[0])], Fund(zeile, total),
                             f"{counts[0]} x {_plain(before[0])}", faktor=Decimal(counts[0]))]
    years = [z for z in figs if z.einheit == "" and _YEAR.match(z.text.strip())]
    tranches = [z for z in before if any(abs(y.start - z.ende) < 8 or abs(z.start - y.ende) < 8 for y in years)]
    if len(tranches) >= 2 and len(tranches) == len(before):
        shown = " + ".join(_plain(z) for z in tranches)
        return [Rechnung("Jahresbeträge und ihre genannte Summe", "summe", [Fund(zeile, z) for z in tranches],
                         Fund(zeile, total), shown)]
    return []
