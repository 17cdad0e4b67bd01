"""A percentage and the amount it gives, whose base stands nearby but not in the words between them: „Das Programm
fördert mit 60 %, so dass 155.716,61 € beantragt werden.“ above „Der Neubau kostet 259.527,68 €.“ Only confirmed:
which figure is the base is a guess, so a mismatch proves nothing."""

from __future__ import annotations

import re

from vorlagen.core.money import round_half_up
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.zahlen import Zahl, written_sum
from vorlagen.review.nachrechnen.zeile import Zeile

_GIVES = re.compile(r"=|\(|\bgleich\b|\bhier\b|\bso ?dass\b|\balso\b|\bdas sind\b|\bentspricht\b|\bd\.\s?h\.|:")
_IN_BRACKETS = re.compile(r"\s*\(\s*")
_NEAR = 3  # lines above and below that may name the base
_MAX_CANDIDATES = 40


def recognise(zeilen: list[Zeile], found: list[Rechnung]) -> None:
    """Adds, for each „p % … X €“ no other calculation explains, p % of a nearby amount when it gives X."""
    taken = {r.ergebnis.key for r in found} | {t.key for r in found for t in r.teile}
    lines = [z for z in zeilen if z.text.strip()]
    for index, zeile in enumerate(lines):
        figs = zeile.zahlen
        for p, x in zip(figs, figs[1:]):
            gap = zeile.text[p.ende : x.start]
            if (
                p.einheit != "%"
                or x.einheit != "€"
                or len(gap) > 40
                or re.search(r"\d", gap)
                or len(gap.split()) > 5
                or not _GIVES.search(gap)
            ):
                continue
            if Fund(zeile, x).key in taken or Fund(zeile, p).key in taken or not p.wert:
                continue
            base = _base(lines, index, zeile, p, x)
            if base is not None:
                found.append(
                    Rechnung(
                        "Prozentanteil eines Betrags in der Nähe",
                        "anteil",
                        [Fund(zeile, p), base],
                        Fund(zeile, x),
                        f"{p.betrag()} von {base.zahl.betrag()}",
                        sicher=False,
                        typ="prozentanteil",
                    )
                )
                taken |= {Fund(zeile, x).key, Fund(zeile, p).key}
        for x, p in zip(figs, figs[1:]):  # „Davon trägt der Bund rund 124 Mio. € (46%).“ under „… 269 Mio. €“
            if x.einheit != "€" or p.einheit != "%" or not _IN_BRACKETS.fullmatch(zeile.text[x.ende : p.start]):
                continue
            if Fund(zeile, x).key in taken or Fund(zeile, p).key in taken or not x.wert:
                continue
            whole = _whole(lines, index, zeile, x, p)
            if whole is not None:
                found.append(
                    Rechnung(
                        "Anteil in Prozent an einem Betrag in der Nähe",
                        "quote",
                        [Fund(zeile, x), whole],
                        Fund(zeile, p),
                        f"{x.betrag()} / {whole.zahl.betrag()} x 100",
                        sicher=False,
                        typ="anteil_prozent",
                    )
                )
                taken |= {Fund(zeile, x).key, Fund(zeile, p).key}
    _shares_of_whole(found)


def _shares_of_whole(found: list[Rechnung]) -> None:
    """60 % and 40 % of the same 259.527,68 €, each stated as an amount: together they give that amount. Only
    confirmed: each share is rounded on its own."""
    by_base: dict[tuple, dict] = {}
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
        found.append(
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


def _base(lines: list[Zeile], index: int, zeile: Zeile, p: Zahl, x: Zahl) -> Fund | None:
    """The nearest amount of which p % gives x (rounded as x is typed)."""
    for line, z in _nearby(lines, index, zeile, x):
        if round_half_up(abs(p.wert) * abs(z.wert) / 100, x.schritt) == abs(x.wert):
            return Fund(line, z)
    return None


def _nearby(lines: list[Zeile], index: int, zeile: Zeile, skip: Zahl):
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
