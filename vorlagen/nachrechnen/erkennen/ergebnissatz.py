"""An Ergebnis in prose: „Die Erträge sind mit 905.564 Euro geplant, ihnen stehen Aufwendungen von 918.632 Euro
gegenüber. Das Defizit beträgt somit 13.068 Euro.“ – the Defizit (Fehlbetrag) or Überschuss is the difference of
the Erträge and the Aufwendungen named just before it.

Three amounts one after the other in one paragraph: one the words before it call Erträge (Einnahmen, Einzahlungen),
one they call Aufwendungen (Ausgaben, Auszahlungen), and then the one they call Defizit, Fehlbetrag or Überschuss –
or by a word without a direction (Sonderergebnis, Jahresergebnis, ordentliches Ergebnis): then its typed sign says
which.
A slip only where the sentence draws the result („somit“, „damit“, „also“, „daraus ergibt sich“, „unterm Strich“),
the word fits the sign (a Defizit, a Minus where the Aufwendungen are larger) and the two amounts are typed no
coarser than the result and not marked as rounded; otherwise a mismatch is „nicht eindeutig“. Every look is
bounded."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, look_back
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import (
    CHANGE_BY,
    CHANGE_VERB,
    CONSEQUENCE,
    EXPENSES_WORD,
    INCOME_WORD,
    ROUNDED,
    SALDO_IN_SENTENCE,
)

_LOOK_BACK = 80  # characters before an amount that say what it is
_GAP = 160  # characters at most between the Aufwendungen (or Erträge) and the result


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior}
    found: list[Rechnung] = []
    for zeile in zeilen:
        money = [z for z in zeile.zahlen if z.geld and z.tiefe == 0]
        for at, (erst, zweit, ergebnis) in enumerate(zip(money, money[1:], money[2:])):
            rechnung = _ergebnis(zeile, money[at - 1] if at else None, erst, zweit, ergebnis)
            if rechnung is not None and rechnung.ergebnis.key not in taken:
                found.append(rechnung)
    return found


def _ergebnis(zeile: Zeile, davor: Zahl | None, erst: Zahl, zweit: Zahl, ergebnis: Zahl) -> Rechnung | None:
    text = zeile.text
    if ergebnis.start - zweit.ende > _GAP or len({erst.skala, zweit.skala, ergebnis.skala}) != 1:
        return None
    vor_erst, vor_zweit = _before(text, erst, davor), _before(text, zweit, erst)
    if CHANGE_BY.search(vor_erst) or CHANGE_BY.search(vor_zweit):  # „die Erträge steigen um …“: changes, no totals
        return None
    roles = [_role(vor_erst) or _role(_noun_after(text, erst)), _role(vor_zweit)]
    if sorted(roles) != ["aufwand", "ertrag"]:
        return None
    vor_ergebnis = _before(text, ergebnis, zweit)
    word = SALDO_IN_SENTENCE.search(vor_ergebnis)
    if word is None or CHANGE_BY.search(vor_ergebnis) or CHANGE_VERB.search(vor_ergebnis, word.end()):
        return None  # „das Defizit wächst somit um 1.000 €“: a change of the result, not the result
    ertrag, aufwand = (erst, zweit) if roles[0] == "ertrag" else (zweit, erst)
    defizit = word.group("minus") is not None or word.group("neutral") is not None and ergebnis.wert < 0
    fits = (abs(aufwand.wert) > abs(ertrag.wert)) == defizit
    drawn = CONSEQUENCE.search(text, zweit.ende, ergebnis.start) is not None
    exact = ergebnis.schritt >= max(erst.schritt, zweit.schritt) and not any(
        ROUNDED.search(words) for words in (vor_erst, vor_zweit)
    )  # „rund 119 … rund 136 … minus 17,5“: parts rounded coarser than the result tell nothing of its last digit
    sicher = fits and drawn and exact
    return Rechnung(
        f"{'Defizit' if defizit else 'Überschuss'} aus Erträgen und Aufwendungen im Satz",
        "differenz",
        [Fund(zeile, aufwand), Fund(zeile, ertrag)] if defizit else [Fund(zeile, ertrag), Fund(zeile, aufwand)],
        Fund(zeile, ergebnis),
        f"{aufwand.betrag()} − {ertrag.betrag()}" if defizit else f"{ertrag.betrag()} − {aufwand.betrag()}",
        sicher=sicher,
        grund="" if sicher else "der Satz sagt nicht ausdrücklich, dass das Ergebnis aus den zwei Beträgen folgt",
        rang=2,
        typ="ergebnissatz",
    )


def _role(words: str) -> str:
    """What the words before an amount call it: Erträge or Aufwendungen (the last such word counts)."""
    hits = [(m.start(), "ertrag") for m in INCOME_WORD.finditer(words)]
    hits += [(m.start(), "aufwand") for m in EXPENSES_WORD.finditer(words)]
    return max(hits)[1] if hits else ""


def _noun_after(text: str, zahl: Zahl) -> str:
    """The word right after an amount and its unit: „391,65 Millionen Euro Gesamterträgen stehen …“."""
    after = text[zahl.ende : zahl.ende + _LOOK_BACK].split()
    return after[0] if after else ""


def _before(text: str, zahl: Zahl, vorher: Zahl | None) -> str:
    """The words before an amount, not reaching back over the amount before it."""
    return look_back(text, zahl.start, _LOOK_BACK, vorher.ende if vorher is not None else 0)
