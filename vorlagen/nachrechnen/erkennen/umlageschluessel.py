"""A whole split by a key, as an Umlage by Einwohner: „die Stadt Sulzbach — 16.353 Personen“, … then „Daraus ergibt
sich die Umlage“, „für die Stadt Sulzbach/Saar — 11.283,00 €“, … and „insgesamt: — 26.982,00 €“ – each share is
the whole times its key over all keys, rounded as its share is typed (to whole euros where every share ends in
„,00“).

Read only where it is one: a run of lines with one plain count each (the keys), right below it (a few lines of
words between at most) a run of as many lines with one amount in euros each (the shares), three at least, and
right below the shares their total with a word for it („insgesamt“, „zusammen“, „Summe“) – and all shares hold but
one at most, two at least. Then that one is a slip, or „nicht eindeutig“ where it misses by one step of its
rounding (a key may round one share the other way so that all add up to the whole). Every look is bounded: the
lines of a run and the lines between the runs."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.schluesseltabelle import FEW
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import SPLIT_BY_KEY, TOTAL_IN_PROSE, TOTAL_ROW_START

_MIN = 3  # keys and shares of a split, at least
_MIN_HOLD = 2  # shares that hold, at least: two shares a key gives to the cent are no chance
_MAX = 60  # lines of a run, at most
_BETWEEN = 2  # lines with words and no figure between the keys and the shares, at most
_YEAR = re.compile(r"(?:19|20)\d\d")
_PER_UNIT = re.compile(r"\b(?:je|pro)\b", re.IGNORECASE)


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht() and r.formel != "summe"}
    found: list[Rechnung] = []
    index = 0
    while index < len(zeilen):
        keys, stop = _run(zeilen, index, _key)
        if len(keys) < _MIN:
            index = max(index + 1, stop)  # a run from any line before `stop` is a part of this one: no run either
            continue
        all_keys = sum((z.wert for i in keys if (z := _key(zeilen[i])) is not None), Decimal(0))
        after = _skip_words(zeilen, keys[-1] + 1, all_keys)
        shares = _run(zeilen, after, _share)[0] if after is not None else []
        total = _total(zeilen, shares[-1] + 1) if len(shares) == len(keys) else None
        readings = _read(zeilen, keys, shares, total) if total is not None else []
        if len(shares) == len(keys) and total is None:
            # no total below the shares: the whole may stand right above the keys („Umlagebedarf: 1.846.200 €“)
            named = after is not None and _keys_total_between(zeilen, keys[-1] + 1, after, all_keys)
            split = any(SPLIT_BY_KEY.search(z.text) for z in zeilen[max(0, keys[0] - 2 * _BETWEEN - 2) : shares[0]])
            for whole in _wholes_above(zeilen, keys[0]) if split else []:
                if readings := _read(zeilen, keys, shares, whole, before=True, named=named):
                    break
        if not any(r.ergebnis.key in taken for r in readings):
            found += readings
        index = keys[-1] + 1
    return found


def _run(zeilen: list[Zeile], start: int, kind: Callable[[Zeile], Zahl | None]) -> tuple[list[int], int]:
    """The lines from `start` on of one kind, one right after the other (blank lines between allowed), and the line
    where the run stops – so that the search goes on there and no stretch of blank lines is walked twice."""
    lines: list[int] = []
    at = start
    while at < len(zeilen) and len(lines) < _MAX:
        if not zeilen[at].text.strip():
            at += 1
            continue
        if kind(zeilen[at]) is None:
            break
        lines.append(at)
        at += 1
    return lines, at


def _only(zeile: Zeile) -> Zahl | None:
    figures = [z for z in zeile.zahlen if z.tiefe == 0]
    return figures[0] if len(figures) == 1 else None


def _key(zeile: Zeile) -> Zahl | None:
    """A plain count: „16.353 Personen“, no year, no amount, no percentage, no total („Einwohner gesamt: 9.874“)."""
    zahl = _only(zeile)
    if (
        zahl is None
        or _named_total(zeile)
        or zahl.einheit
        or zahl.wert <= 0
        or zahl.schritt != 1
        or _YEAR.fullmatch(zahl.text)
    ):
        return None
    return zahl


def _amount(zeile: Zeile) -> Zahl | None:
    zahl = _only(zeile)
    return zahl if zahl is not None and zahl.einheit == "€" and zahl.wert >= 0 else None


def _named_total(zeile: Zeile) -> bool:
    return bool(TOTAL_IN_PROSE.search(zeile.text) or TOTAL_ROW_START.match(zeile.text.strip()))


def _share(zeile: Zeile) -> Zahl | None:
    """An amount in euros on a line that names no total."""
    return None if _named_total(zeile) else _amount(zeile)


def _skip_words(zeilen: list[Zeile], start: int, all_keys: Decimal) -> int | None:
    """The first line below the keys that is no line of words („Daraus ergibt sich die Umlage“) – at most a few; the
    keys' total („Einwohner gesamt: 9.874“) and an amount per unit („Umlage je Einwohner: 186,98 €“) count as words."""
    words = 0
    for at in range(start, min(len(zeilen), start + 2 * _BETWEEN + 6)):
        if not zeilen[at].text.strip() or _keys_total(zeilen[at], all_keys) or _per_unit(zeilen[at]):
            continue
        if zeilen[at].zahlen:
            return at
        words += 1
        if words > _BETWEEN:
            return None
    return None


def _per_unit(zeile: Zeile) -> bool:
    """„Umlage je Einwohner (gerundet): 186,98 €“: one amount per unit of the keys, right below them."""
    return _amount(zeile) is not None and bool(_PER_UNIT.search(zeile.text))


def _keys_total(zeile: Zeile, all_keys: Decimal) -> bool:
    zahl = _only(zeile)
    return zahl is not None and not zahl.einheit and zahl.wert == all_keys and _named_total(zeile)


def _keys_total_between(zeilen: list[Zeile], start: int, stop: int, all_keys: Decimal) -> bool:
    return any(_keys_total(zeile, all_keys) for zeile in zeilen[start:stop])


def _wholes_above(zeilen: list[Zeile], first: int) -> list[Fund]:
    """The amounts in euros of the lines with text right above the keys, nearest first – a line of words (the keys'
    heading, „Maßgebend ist die Einwohnerzahl:“) between at most."""
    wholes: list[Fund] = []
    lines = 0
    for zeile in reversed(zeilen[max(0, first - 2 * _BETWEEN - 2) : first]):
        if not zeile.text.strip():
            continue
        lines += 1
        wholes += [Fund(zeile, z) for z in zeile.zahlen if z.einheit == "€" and z.wert > 0 and not z.tiefe]
        if lines > _BETWEEN:
            break
    return wholes


def _total(zeilen: list[Zeile], start: int) -> Fund | None:
    """The shares' total right below them, with its word („insgesamt: — 26.982,00 €“)."""
    for at in range(start, min(len(zeilen), start + 2)):
        zeile = zeilen[at]
        if not zeile.text.strip():
            continue
        zahl = _amount(zeile)
        return Fund(zeile, zahl) if zahl is not None and _named_total(zeile) else None
    return None


def _step(zahl: Zahl, shares: list[Fund]) -> Decimal:
    """The step a share is rounded to: as typed, or whole euros where every share is typed with „,00“ (an Umlage
    rounded to the euro and written with its cents)."""
    if zahl.schritt < 1 and all(s.zahl.wert == s.zahl.wert.to_integral_value() for s in shares):
        return Decimal(1) * zahl.skala
    return zahl.schritt


def _read(
    zeilen: list[Zeile], keys: list[int], shares: list[int], total: Fund, before: bool = False, named: bool = False
) -> list[Rechnung]:
    """The shares as the whole's by the keys. A whole below the shares is their total; one above the keys only a
    figure near them: two shares that hold make a slip of the third only where the keys' total is named too."""
    key_funds = [Fund(zeilen[i], z) for i in keys if (z := _key(zeilen[i])) is not None]
    share_funds = [Fund(zeilen[i], z) for i in shares if (z := _share(zeilen[i])) is not None]
    all_keys = sum((k.zahl.wert for k in key_funds), Decimal(0))
    whole = total.zahl.wert
    steps = [_step(s.zahl, share_funds) for s in share_funds]
    computed = [round_half_up(whole * k.zahl.wert / all_keys, st) for k, st in zip(key_funds, steps, strict=True)]
    misses = [i for i, (s, c) in enumerate(zip(share_funds, computed, strict=True)) if s.zahl.wert != c]
    if len(misses) > 1 or len(keys) - len(misses) < _MIN_HOLD:
        return []
    if before and any(s.zahl.wert >= whole for s in share_funds):
        return []  # a whole is larger than each of its shares
    few = before and not named and len(keys) - len(misses) < _MIN
    readings = []
    for i, (key, share) in enumerate(zip(key_funds, share_funds, strict=True)):
        one_step = i in misses and abs(computed[i] - share.zahl.wert) <= steps[i]
        readings.append(
            Rechnung(
                "Anteil nach einem Schlüssel (das Ganze mal der eigene Schlüssel durch alle Schlüssel)",
                "schluessel",
                [total, key, *key_funds],
                share,
                f"{total.zahl.betrag()} × {key.zahl.betrag()} / (Summe der {len(key_funds)} Schlüsselzahlen)",
                sicher=not one_step and not few,
                grund=(
                    "die übrigen Anteile stimmen; um eine Stelle der Rundung daneben kann ein Anteil sein, den die "
                    "Umlage andersherum gerundet hat, damit alle zusammen das Ganze ergeben"
                    if one_step
                    else FEW
                    if few
                    else ""
                ),
                rang=1,
                typ="umlageschluessel",
                toleranz=(steps[i] - share.zahl.schritt) / 2,
                rundungsgrund=gerundet.parts_rounded(
                    "und die Anteile sind auf ganze Euro gerundet (alle mit „,00“ getippt)"
                ),
            )
        )
    return readings
