"""A percentage and the amount it gives, whose base stands nearby but not in the words between them: „Das Programm
fördert mit 60 %, so dass 155.716,61 € beantragt werden.“ above „Der Neubau kostet 259.527,68 €.“ Only confirmed:
which figure is the base is a guess, so a mismatch proves nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back, written_sum
from vorlagen.nachrechnen.lesen.zeile import Zeile

_GIVES = re.compile(r"=|\(|\bgleich\b|\bhier\b|\bso ?dass\b|\balso\b|\bdas sind\b|\bentspricht\b|\bd\.\s?h\.|:")
_IN_BRACKETS = re.compile(r"\s*\(\s*=?\s*")  # „124 Mio. € (46%)“, „3.598.515,00 € (= 90% der Gesamtkosten)“
_ROUNDINGS = (ROUND_HALF_UP, ROUND_DOWN, ROUND_UP)
_NEAR = 3  # lines above and below that may name the base
_REST = re.compile(r"\b(?:übrig|restlich|verbleibend)\w*\b|\bRest\b", re.IGNORECASE)
_MAX_CANDIDATES = 40
_ART_REST = "übriger Prozentanteil des Betrags, dessen anderen Anteil die Zeilen nennen"


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    """Adds, for each „p % … X €“ no other calculation explains, p % of a nearby amount when it gives X – and for
    each „X € (p %)“, X as p % of a nearby larger amount."""
    found: list[Rechnung] = []
    taken = {r.ergebnis.key for r in prior} | {t.key for r in prior for t in r.teile}
    lines = [z for z in zeilen if z.text.strip()]
    open_shares: list[tuple[int, Zeile, Zahl, Zahl]] = []  # „p % (X €)“ whose base no amount nearby gives
    for index, zeile in enumerate(lines):
        for first, second in zip(zeile.zahlen, zeile.zahlen[1:]):
            form = _form(zeile, first, second)
            keys = {Fund(zeile, first).key, Fund(zeile, second).key}
            if form is None or keys & taken or not first.wert:
                continue
            rechnung = form(lines, index, zeile, first, second)
            if rechnung is not None:
                found.append(rechnung)
                taken |= keys
            elif form is _percent_of:
                open_shares.append((index, zeile, first, second))
    found += _the_rest(lines, open_shares, found)
    return found + _shares_of_whole((*prior, *found))


def _the_rest(
    lines: list[Zeile], open_shares: list[tuple[int, Zeile, Zahl, Zahl]], found: list[Rechnung]
) -> list[Rechnung]:
    """„eine Zuwendung in Höhe von 45 % (981.450,00 EUR)“ of 2.181.000 EUR, then „den übrigen Anteil in Höhe von 55 %
    (1.199.549,00 EUR)“: a share whose base no amount nearby gives, where a share of a base nearby does and the two
    rates make 100 % – read of that base. Sure where the words before it call it the rest („übrigen“, „restlichen“):
    the base is confirmed by the other share, and the rest is that base less the other share as well."""
    row = {id(zeile): index for index, zeile in enumerate(lines)}
    by_row: dict[int, list[Rechnung]] = {}
    for rechnung in found:
        if rechnung.typ == "prozentanteil":
            by_row.setdefault(row[id(rechnung.ergebnis.zeile)], []).append(rechnung)
    rests: list[Rechnung] = []
    for index, zeile, p, x in open_shares:
        near = [r for i in range(index - _NEAR, index + _NEAR + 1) for r in by_row.get(i, [])]
        other = [r for r in near if abs(r.teile[0].zahl.wert) + abs(p.wert) == 100]
        if len(other) != 1:
            continue
        base = other[0].teile[1]
        rest = _REST.search(look_back(zeile.text, p.start, 60)) is not None
        grund = "" if rest else "ob der Anteil vom selben Betrag ist, sagt der Text nicht"
        rests.append(_percent_reading(_ART_REST, zeile, p, x, base, sure=rest, grund=grund))
    return rests


def _form(zeile: Zeile, first: Zahl, second: Zahl) -> Callable[..., Rechnung | None] | None:
    """Which of the two forms two neighbouring figures take, if any."""
    gap = zeile.text[first.ende : second.start]
    if first.einheit == "%" and second.einheit == "€":
        if len(gap) <= 40 and not re.search(r"\d", gap) and len(gap.split()) <= 5 and _GIVES.search(gap):
            return _percent_of
    elif first.einheit == "€" and second.einheit == "%" and _IN_BRACKETS.fullmatch(gap):
        return _share_in  # „Davon trägt der Bund rund 124 Mio. € (46%).“ under „… 269 Mio. €“
    return None


def _percent_of(lines: list[Zeile], index: int, zeile: Zeile, p: Zahl, x: Zahl) -> Rechnung | None:
    base = _base(lines, index, zeile, p, x)
    return None if base is None else _percent_reading("Prozentanteil eines Betrags in der Nähe", zeile, p, x, base)


def _percent_reading(
    art: str, zeile: Zeile, p: Zahl, x: Zahl, base: Fund, sure: bool = False, grund: str = ""
) -> Rechnung:
    """p % of the base gives x."""
    return Rechnung(
        art,
        "anteil",
        [Fund(zeile, p), base],
        Fund(zeile, x),
        f"{p.betrag()} von {base.zahl.betrag()}",
        sicher=sure,
        grund=grund,
        typ="prozentanteil",
    )


def _share_in(lines: list[Zeile], index: int, zeile: Zeile, x: Zahl, p: Zahl) -> Rechnung | None:
    whole = _whole(lines, index, zeile, x, p)
    if whole is None:
        return None
    return Rechnung(
        "Anteil in Prozent an einem Betrag in der Nähe",
        "quote",
        [Fund(zeile, x), whole],
        Fund(zeile, p),
        f"{x.betrag()} / {whole.zahl.betrag()} x 100",
        sicher=False,
        typ="anteil_prozent",
    )


def _shares_of_whole(found: tuple[Rechnung, ...]) -> list[Rechnung]:
    """60 % and 40 % of the same 259.527,68 €, each stated as an amount: together they give that amount. Only
    confirmed: each share is rounded on its own."""
    by_base: dict[tuple, dict] = {}
    wholes: list[Rechnung] = []
    for rechnung in found:
        if rechnung.typ == "prozentanteil":
            percent, base = rechnung.teile
            shares = by_base.setdefault(base.key, {"base": base, "shares": {}})["shares"]
            shares.setdefault(abs(percent.zahl.wert), rechnung.ergebnis)
    for entry in by_base.values():
        shares = entry["shares"]
        if len(shares) < 2 or sum(shares) != 100:
            continue
        parts = [fund.zahl for fund in shares.values()]
        signs = [1] * len(parts)
        wholes.append(
            Rechnung(
                "Anteile, die zusammen 100 % ergeben, als Summe des Betrags",
                "summe",
                list(shares.values()),
                entry["base"],
                written_sum(parts, signs),
                vorzeichen=signs,
                sicher=False,
                typ="anteile_summe",
            )
        )
    return wholes


def _base(lines: list[Zeile], index: int, zeile: Zeile, p: Zahl, x: Zahl) -> Fund | None:
    """The nearest amount of which p % gives x (rounded as x is typed)."""
    for line, z in _nearby(lines, index, zeile, x):
        exact = abs(p.wert) * abs(z.wert) / 100
        if any(exact.quantize(x.schritt, rounding=mode) == abs(x.wert) for mode in _ROUNDINGS):
            return Fund(line, z)  # a share rounded down („80 % (= 159.065 €)“ of 198.832 €) is judged a rounding
    return None


def _nearby(lines: list[Zeile], index: int, zeile: Zeile, skip: Zahl) -> Iterator[tuple[Zeile, Zahl]]:
    """The amounts of the lines around `index` on the same page, nearest first (bounded), without `skip`."""
    near = sorted(range(max(0, index - _NEAR), min(len(lines), index + _NEAR + 1)), key=lambda i: abs(i - index))
    tried = 0
    for i in near:
        line = lines[i]
        if line.seite != zeile.seite:
            continue
        for z in line.zahlen:
            if z.einheit != "€" or line is zeile and z.start == skip.start or not z.wert:
                continue
            tried += 1
            if tried > _MAX_CANDIDATES:
                return
            yield line, z


def _whole(lines: list[Zeile], index: int, zeile: Zeile, x: Zahl, p: Zahl) -> Fund | None:
    """The nearest larger amount of which x is p % (rounded as p is typed)."""
    for line, z in _nearby(lines, index, zeile, x):
        if abs(z.wert) > abs(x.wert) and round_half_up(abs(x.wert) / abs(z.wert) * 100, p.schritt) == abs(p.wert):
            return Fund(line, z)
    return None
